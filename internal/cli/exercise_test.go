package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/sandbox"
	"kanzen.dev/kanzen/internal/workspace"
)

func TestExerciseCommandsNeedAKnownID(t *testing.T) {
	for _, args := range [][]string{{"start"}, {"check", "9.9"}, {"reset", "2.1", "2.2"}, {"check", "2.1", "-o", "yaml"}} {
		code, _, stderr := kanzen(t, args...)
		if code != exitUsage {
			t.Errorf("kanzen %v: exit %d (%s), want 2", args, code, stderr)
		}
	}
	if _, _, stderr := kanzen(t, "check", "9.9"); !strings.Contains(stderr, "the exercises are 1.1, 1.2") {
		t.Errorf("an unknown exercise does not list the known ones: %s", stderr)
	}
}

// kubeconfigFor writes a kubeconfig whose one context names server.
func kubeconfigFor(t *testing.T, context, server string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config")
	body := fmt.Sprintf("apiVersion: v1\nkind: Config\ncurrent-context: %[1]s\nclusters:\n- name: c\n  cluster: {server: %[2]q}\n"+
		"contexts:\n- name: %[1]s\n  context: {cluster: c, user: me}\nusers:\n- name: me\n  user: {token: abc}\n", context, server)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestStartAsksBeforeWritingToARemoteCluster(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	config := kubeconfigFor(t, "prod", "https://k8s.example.invalid:6443")
	code, _, stderr := kanzen(t, "start", "2.1", "--kubeconfig", config)
	if code != exitFailure || !strings.Contains(stderr, `Context "prod"`) || !strings.Contains(stderr, "--yes") {
		t.Fatalf("exit %d, stderr %q; want a refusal that names the context and --yes", code, stderr)
	}
}

// TestStartCheckAndResetOnALiveCluster is the command-line loop: start,
// check (failing), the solution, check (passing, JSON), reset.
func TestStartCheckAndResetOnALiveCluster(t *testing.T) {
	c := kubetest.Get(t)
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	ns := fmt.Sprintf("kz-test-cli-%d", time.Now().UnixNano()%1000000)
	t.Cleanup(func() { workspace.Delete(context.Background(), c.Config, "2.1", ns) })
	flags := []string{"--kubeconfig", c.Kubeconfig, "-n", ns}

	code, stdout, stderr := kanzen(t, append([]string{"start", "2.1"}, flags...)...)
	if code != 0 || strings.TrimSpace(stdout) != ns {
		t.Fatalf("start: exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
	if setup := fmt.Sprintf("Setting up exercise 2.1 in namespace %s…\n", ns); !strings.HasPrefix(stderr, setup) {
		t.Errorf("start does not say first that it sets the exercise up:\n%s", stderr)
	}
	code, stdout, _ = kanzen(t, append([]string{"check", "2.1"}, flags...)...)
	if code != exitFailure || !strings.Contains(stdout, `✗ Deployment "myapp" exists   have not found · want myapp`) {
		t.Fatalf("check before the solution: exit %d\n%s", code, stdout)
	}

	if out, err := c.Shell(t, ns, "kubectl create deployment myapp --image=nginx:1.27 --replicas=3"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	code, stdout, stderr = kanzen(t, append([]string{"check", "2.1", "--watch", "-o", "json"}, flags...)...)
	if code != 0 {
		t.Fatalf("check --watch after the solution: exit %d\n%s\n%s", code, stdout, stderr)
	}
	final := map[string]CheckLine{}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var l CheckLine
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("not JSON: %q", line)
		}
		if _, err := time.Parse(time.RFC3339Nano, l.Time); err != nil || l.Exercise != "2.1" || l.Namespace != ns || l.Check == "" {
			t.Fatalf("incomplete line %+v", l)
		}
		final[l.Check] = l
	}
	if len(final) != 6 {
		t.Fatalf("lines for %d checks, want 6: %s", len(final), stdout)
	}
	for id, l := range final {
		if l.Status != "pass" {
			t.Errorf("check %s ends %s (have %s, want %s)", id, l.Status, l.Have, l.Want)
		}
	}

	code, stdout, stderr = kanzen(t, append([]string{"reset", "2.1"}, flags...)...)
	if code != 0 || strings.TrimSpace(stdout) != ns {
		t.Fatalf("reset: exit %d, stderr %s", code, stderr)
	}
	// The seconds a reset takes are not silent: each slow step is named
	// before it begins.
	steps := fmt.Sprintf("Deleting namespace %[1]s and everything in it…\nWaiting for namespace %[1]s to be deleted…\nSetting up exercise 2.1 in namespace %[1]s…\n", ns)
	if !strings.HasPrefix(stderr, steps) {
		t.Errorf("reset does not say what it waits for; stderr:\n%s\nwant it to begin:\n%s", stderr, steps)
	}
	if code, stdout, _ = kanzen(t, append([]string{"check", "2.1"}, flags...)...); code != exitFailure {
		t.Fatalf("the reset namespace still passes:\n%s", stdout)
	}
	// Progress is the learner's own: a namespace given with -n is someone else's exercise.
	if p, err := (progress.Store{Path: filepath.Join(state, "kanzen", "progress.json")}).Load(); err == nil && p.Exercises["2.1"] != nil {
		t.Fatalf("progress recorded an exercise done in namespace %s: %+v", ns, p.Exercises["2.1"])
	}
}

func TestCheckOnAClusterThatDoesNotAnswer(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	config := kubeconfigFor(t, "kind-dead", "https://127.0.0.1:1")
	for _, cmd := range []string{"check", "start"} {
		code, _, stderr := kanzen(t, cmd, "2.1", "--kubeconfig", config)
		if code != exitFailure || !strings.Contains(stderr, "(context kind-dead) does not answer") {
			t.Errorf("%s: exit %d, stderr %q", cmd, code, stderr)
		}
	}
}

func TestCheckWatchStopsWhenTheNamespaceIsDeleted(t *testing.T) {
	c := kubetest.Get(t)
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	ns := fmt.Sprintf("kz-test-gone-%d", time.Now().UnixNano()%1000000)
	t.Cleanup(func() { workspace.Delete(context.Background(), c.Config, "2.1", ns) })
	flags := []string{"--kubeconfig", c.Kubeconfig, "-n", ns}
	if code, _, stderr := kanzen(t, append([]string{"start", "2.1"}, flags...)...); code != 0 {
		t.Fatalf("start: exit %d: %s", code, stderr)
	}
	time.AfterFunc(2*time.Second, func() { workspace.Delete(context.Background(), c.Config, "2.1", ns) })
	code, _, stderr := kanzen(t, append([]string{"check", "2.1", "--watch"}, flags...)...)
	want := "namespace " + ns + " was deleted while kanzen watched it; start the exercise again: kanzen start 2.1 --namespace " + ns
	if code != exitFailure || !strings.Contains(stderr, want) {
		t.Fatalf("exit %d, stderr %s\nwant %q", code, stderr, want)
	}
}

// On kanzen's sandbox a new shell has no kubeconfig for it: the advice
// after start says how to get one, elsewhere how to pick the namespace.
func TestWorkAdviceOnTheSandbox(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	path := sandboxKubeconfig(t, sandbox.DefaultName)
	other := kubeconfigFor(t, "kwok-kanzen", "https://127.0.0.1:6443")
	named := sandboxKubeconfig(t, "cli")
	for file, want := range map[string]string{path: `eval "$(kanzen sandbox env)"`, named: `eval "$(kanzen sandbox env --name cli)"`, other: "kubectl config set-context --current --namespace kz-2-1"} {
		target, err := kube.Load(kube.Options{Kubeconfig: file})
		if err != nil {
			t.Fatal(err)
		}
		if got := workAdvice(target, "kz-2-1"); !strings.Contains(got, want) || !strings.Contains(got, "kz-2-1") {
			t.Errorf("advice for %s: %q, want %q", file, got, want)
		}
	}
}

// TestCheckSaysWhenAnExerciseIsAtADeadEnd deletes 2.3's Deployment, which
// the checks cannot come back from, and a misspelt 2.1 Deployment: kanzen
// check says what happened and how to start over, as well as the verdicts.
func TestCheckSaysWhenAnExerciseIsAtADeadEnd(t *testing.T) {
	c := kubetest.Get(t)
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	for _, tc := range []struct{ id, do, want string }{
		{"2.3", "kubectl delete deployment myapp --wait=false", "! The Deployment myapp itself is gone"},
		{"2.1", "kubectl create deployment myap --image=nginx:1.27 --replicas=3", "! There is no Deployment myapp, but there is a Deployment myap: did you mean myapp?"},
	} {
		ns := fmt.Sprintf("kz-test-dead-%s-%d", strings.ReplaceAll(tc.id, ".", "-"), time.Now().UnixNano()%1000000)
		t.Cleanup(func() { workspace.Delete(context.Background(), c.Config, tc.id, ns) })
		flags := []string{"--kubeconfig", c.Kubeconfig, "-n", ns}
		if code, stdout, stderr := kanzen(t, append([]string{"start", tc.id}, flags...)...); code != 0 {
			t.Fatalf("start %s: exit %d %s %s", tc.id, code, stdout, stderr)
		}
		flags = append(flags, "--lang", "en")
		if _, stdout, _ := kanzen(t, append([]string{"check", tc.id}, flags...)...); strings.Contains(stdout, "! ") {
			t.Errorf("%s reads as a dead end before anything was done:\n%s", tc.id, stdout)
		}
		if out, err := c.Shell(t, ns, tc.do); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		_, stdout, _ := kanzen(t, append([]string{"check", tc.id}, flags...)...)
		reset := fmt.Sprintf("kanzen reset %s --namespace %s starts the exercise over.", tc.id, ns)
		if !strings.Contains(stdout, tc.want) || !strings.Contains(stdout, reset) {
			t.Errorf("after %q, kanzen check %s says:\n%s\nwant %q and %q", tc.do, tc.id, stdout, tc.want, reset)
		}
	}
}
