package kube

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const twoContexts = `apiVersion: v1
kind: Config
current-context: kind-dev
clusters:
- name: kind-dev
  cluster: {server: "https://127.0.0.1:40001"}
- name: prod
  cluster: {server: "https://k8s.example.com:6443"}
contexts:
- name: kind-dev
  context: {cluster: kind-dev, user: me, namespace: team-a}
- name: prod
  context: {cluster: prod, user: me}
users:
- name: me
  user: {token: abc}
`

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadFollowsCurrentContextAndOverride(t *testing.T) {
	path := writeConfig(t, twoContexts)
	got, err := Load(Options{Kubeconfig: path})
	if err != nil {
		t.Fatal(err)
	}
	if got.Context != "kind-dev" || got.Server != "https://127.0.0.1:40001" || got.Namespace != "team-a" {
		t.Fatalf("current context: got %+v", got)
	}
	got, err = Load(Options{Kubeconfig: path, Context: "prod"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Context != "prod" || got.Server != "https://k8s.example.com:6443" || got.Namespace != "default" {
		t.Fatalf("--context prod: got %+v", got)
	}
}

func TestLoadReadsKUBECONFIG(t *testing.T) {
	t.Setenv("KUBECONFIG", writeConfig(t, twoContexts))
	got, err := Load(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Context != "kind-dev" {
		t.Fatalf("KUBECONFIG not used: got context %q", got.Context)
	}
}

func TestLoadErrorsSayWhatIsMissing(t *testing.T) {
	t.Setenv("KUBECONFIG", filepath.Join(t.TempDir(), "absent"))
	t.Setenv("HOME", t.TempDir())
	if _, err := Load(Options{}); !errors.Is(err, ErrNoCluster) {
		t.Fatalf("missing kubeconfig: got %v, want ErrNoCluster", err)
	}
	path := writeConfig(t, twoContexts)
	_, err := Load(Options{Kubeconfig: path, Context: "staging"})
	if err == nil || !strings.Contains(err.Error(), `context "staging" is not in the kubeconfig`) {
		t.Fatalf("unknown context: got %v", err)
	}
	_, err = Load(Options{Kubeconfig: writeConfig(t, "{{ not yaml")})
	if err == nil || !strings.Contains(err.Error(), "cannot read kubeconfig") {
		t.Fatalf("corrupt kubeconfig: got %v", err)
	}
}

func TestLooksLocal(t *testing.T) {
	cases := []struct {
		context, server string
		local           bool
	}{
		{"kind-kind", "https://10.0.0.5:6443", true},
		{"minikube", "https://192.168.49.2:8443", true},
		{"docker-desktop", "https://kubernetes.docker.internal:6443", true},
		{"kwok-kanzen", "https://127.0.0.1:33333", true},
		{"anything", "https://127.0.0.1:6443", true},
		{"anything", "https://[::1]:6443", true},
		{"anything", "https://localhost:6443", true},
		{"gke_prod", "https://34.1.2.3", false},
		{"team", "https://k8s.example.com:6443", false},
	}
	for _, c := range cases {
		target := &Target{Context: c.context, Server: c.server}
		if got := target.LooksLocal(); got != c.local {
			t.Errorf("LooksLocal(%q, %q) = %v, want %v", c.context, c.server, got, c.local)
		}
	}
}

func TestNamespacedKubeconfigSetsTheNamespaceWithoutCopyingCredentials(t *testing.T) {
	target, err := Load(Options{Kubeconfig: writeConfig(t, twoContexts)})
	if err != nil {
		t.Fatal(err)
	}
	value, err := target.NamespacedKubeconfig(t.TempDir(), "kz-2-1")
	if err != nil {
		t.Fatal(err)
	}
	overlay := strings.Split(value, string(filepath.ListSeparator))[0]
	data, err := os.ReadFile(overlay)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "abc") {
		t.Fatalf("the overlay copied credentials:\n%s", data)
	}
	t.Setenv("KUBECONFIG", value)
	merged, err := Load(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if merged.Namespace != "kz-2-1" || merged.Server != "https://127.0.0.1:40001" || merged.Config.BearerToken != "abc" {
		t.Fatalf("merged kubeconfig: namespace %q server %q token %q", merged.Namespace, merged.Server, merged.Config.BearerToken)
	}
}
