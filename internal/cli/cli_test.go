package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/sandbox"
)

// kanzen runs one command line in-process and returns its exit code and output.
func kanzen(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"sandbox"},
		{"sandbox", "up", "extra"},
		{"sandbox", "status", "--output", "yaml"},
		{"--lang", "fr"},
		{"sandbox", "up", "--nodes", "-1"},
		{"frobnicate"},
		{"list", "extra"},
		{"version", "extra"},
		{"check"},
	} {
		code, _, stderr := kanzen(t, args...)
		if code != exitUsage || !strings.Contains(stderr, "kanzen: ") {
			t.Errorf("kanzen %v: exit %d, stderr %q; want exit 2 with a message", args, code, stderr)
		}
	}
}

func TestSandboxCommandsOnAMissingSandbox(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	code, stdout, _ := kanzen(t, "sandbox", "status", "--name", "kanzen-absent")
	if code != exitFailure || !strings.Contains(stdout, "not created") || !strings.Contains(stdout, "kanzen sandbox up --name kanzen-absent") {
		t.Errorf("status: exit %d, %q", code, stdout)
	}
	for _, sub := range []string{"kubeconfig", "env"} {
		code, _, stderr := kanzen(t, "sandbox", sub, "--name", "kanzen-absent")
		if code != exitFailure || !strings.Contains(stderr, "run kanzen sandbox up --name kanzen-absent") {
			t.Errorf("%s: exit %d, %q", sub, code, stderr)
		}
	}
	code, _, stderr := kanzen(t, "sandbox", "down", "--name", "kanzen-absent")
	if code != 0 || !strings.Contains(stderr, "nothing to stop") {
		t.Errorf("down: exit %d, %q", code, stderr)
	}
	code, _, stderr = kanzen(t, "sandbox", "status", "--name", "Bad Name")
	if code != exitFailure || !strings.Contains(stderr, "invalid sandbox name") {
		t.Errorf("bad name: exit %d, %q", code, stderr)
	}
}

func TestUpWithAnIncompleteBinDirSaysWhatIsMissing(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	code, _, stderr := kanzen(t, "sandbox", "up", "--name", "kanzen-bindir", "--bin-dir", t.TempDir())
	if code != exitFailure || !strings.Contains(stderr, "has no executable etcd, kube-apiserver") {
		t.Fatalf("exit %d, %q", code, stderr)
	}
}

// TestSandboxFromTheCommandLine does what the README tells a learner: up,
// then kubectl with the sandbox's kubeconfig and PATH.
func TestSandboxFromTheCommandLine(t *testing.T) {
	bins := kubetest.Binaries(t)
	name := kubetest.SandboxName
	code, stdout, stderr := kanzen(t, "sandbox", "up", "--name", name)
	if code != 0 {
		t.Fatalf("up: exit %d: %s", code, stderr)
	}
	kubeconfig := strings.TrimSpace(stdout)
	if _, stdout2, _ := kanzen(t, "sandbox", "kubeconfig", "--name", name); strings.TrimSpace(stdout2) != kubeconfig {
		t.Errorf("kubeconfig prints %q, up printed %q", stdout2, kubeconfig)
	}

	code, stdout, _ = kanzen(t, "sandbox", "env", "--name", name)
	wantEnv := "export KUBECONFIG='" + kubeconfig + "'\nexport PATH='" + bins.Dir + "':\"$PATH\"\n"
	if code != 0 || stdout != wantEnv {
		t.Errorf("env: exit %d\n%s\nwant\n%s", code, stdout, wantEnv)
	}

	kubectl := exec.Command(filepath.Join(bins.Dir, sandbox.Kubectl), "--kubeconfig", kubeconfig, "get", "nodes", "--no-headers")
	out, err := kubectl.CombinedOutput()
	if err != nil {
		t.Fatalf("kubectl get nodes: %v\n%s", err, out)
	}
	if lines := strings.Split(strings.TrimSpace(string(out)), "\n"); len(lines) != 2 || strings.Count(string(out), " Ready ") != 2 {
		t.Errorf("want two Ready nodes, kubectl says:\n%s", out)
	}

	out, err = exec.Command(filepath.Join(bins.Dir, sandbox.Kubectl), "--kubeconfig", kubeconfig, "version", "-o", "json").Output()
	if err != nil {
		t.Fatalf("kubectl version: %v", err)
	}
	var versions struct {
		Client struct{ GitVersion string } `json:"clientVersion"`
		Server struct{ GitVersion string } `json:"serverVersion"`
	}
	if err := json.Unmarshal(out, &versions); err != nil {
		t.Fatal(err)
	}
	if versions.Client.GitVersion != sandbox.KubeVersion || versions.Server.GitVersion != sandbox.KubeVersion {
		t.Errorf("kubectl version: client %s, server %s; want both %s", versions.Client.GitVersion, versions.Server.GitVersion, sandbox.KubeVersion)
	}

	code, stdout, _ = kanzen(t, "sandbox", "status", "--name", name, "-o", "json")
	var st sandbox.Status
	if err := json.Unmarshal([]byte(stdout), &st); err != nil || code != 0 {
		t.Fatalf("status -o json: exit %d, %v\n%s", code, err, stdout)
	}
	if !st.Healthy || st.Version != sandbox.KubeVersion || st.ReadyNodes() != 2 || len(st.Processes) != 5 || st.Recipe["kwok"] == "" {
		t.Errorf("status: %+v", st)
	}
	code, stdout, _ = kanzen(t, "sandbox", "status", "--name", name)
	for _, want := range []string{"kanzen-test: running", "2/2 Ready", "built from  Kubernetes " + sandbox.KubeVersion, "kube-apiserver"} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("status (exit %d) lacks %q:\n%s", code, want, stdout)
		}
	}
}

func TestLangComesFromFlagThenEnvironment(t *testing.T) {
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		t.Setenv(env, "")
		os.Unsetenv(env)
	}
	t.Setenv("LANG", "ja_JP.UTF-8")
	if l, _ := learnerLang("", nil); l != "ja" {
		t.Errorf("LANG=ja_JP.UTF-8 gave %q", l)
	}
	if l, _ := learnerLang("en", nil); l != "en" {
		t.Errorf("--lang en gave %q", l)
	}
	t.Setenv("LC_ALL", "C")
	if l, _ := learnerLang("", nil); l != "en" {
		t.Errorf("LC_ALL=C over LANG=ja gave %q", l)
	}
}
