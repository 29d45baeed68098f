package kube

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// learnersKubeconfig is a kubeconfig after exercise 3.1: kanzen-practice
// was added and made current, beside the learner's own contexts.
const learnersKubeconfig = `apiVersion: v1
kind: Config
current-context: kanzen-practice
preferences: {}
clusters:
- name: kind-kind
  cluster: {server: "https://127.0.0.1:6443"}
- name: prod
  cluster: {server: "https://prod.example:6443"}
contexts:
- name: kind-kind
  context: {cluster: kind-kind, user: kind-kind}
- name: prod
  context: {cluster: prod, user: admin, namespace: shop}
- name: kanzen-practice
  context: {cluster: kind-kind, user: kind-kind, namespace: kz-3-1}
users:
- name: kind-kind
  user: {token: secret}
- name: admin
  user: {token: other}
`

func writeKubeconfigFile(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config")
	if err := os.WriteFile(path, []byte(body), 0o640); err != nil {
		t.Fatal(err)
	}
	return path
}

func load(t *testing.T, path string) *clientcmdapi.Config {
	t.Helper()
	c, err := clientcmd.LoadFromFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRemoveContextsRemovesOnlyThemAndSwitchesBack(t *testing.T) {
	path := writeKubeconfigFile(t, learnersKubeconfig)
	before := load(t, path)
	f, err := RemoveContexts([]string{path}, []string{"kanzen-practice"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f, Forgotten{Removed: []string{"kanzen-practice"}, SwitchedTo: "kind-kind"}) {
		t.Fatalf("got %+v", f)
	}
	after := load(t, path)
	// Everything else is as it was: put back what was removed and compare.
	after.Contexts["kanzen-practice"] = before.Contexts["kanzen-practice"]
	after.CurrentContext = before.CurrentContext
	if !reflect.DeepEqual(after, before) {
		t.Fatalf("more than the context changed:\nbefore %+v\nafter  %+v", before, after)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o640 {
		t.Fatalf("mode %v, want 0640 as before", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Fatalf("the directory holds %d files, want the kubeconfig alone (no backup, no temporary file)", len(entries))
	}
}

func TestRemoveContextsLeavesAKubeconfigWithoutThemUntouched(t *testing.T) {
	const body = "apiVersion: v1\nkind: Config\ncurrent-context: kind-kind\n# a comment kanzen must not drop\ncontexts:\n- name: kind-kind\n  context: {cluster: c, user: u}\n"
	path := writeKubeconfigFile(t, body)
	f, err := RemoveContexts([]string{path, filepath.Join(t.TempDir(), "missing")}, []string{"kanzen-practice"})
	if err != nil || len(f.Removed) != 0 {
		t.Fatalf("got %+v, %v; want nothing removed", f, err)
	}
	if data, _ := os.ReadFile(path); string(data) != body {
		t.Fatalf("the file was rewritten:\n%s", data)
	}
}

func TestRemoveContextsKeepsAnAmbiguousCurrentContext(t *testing.T) {
	// Two contexts share kanzen-practice's cluster and user: which one the
	// learner came from is unknown, so kanzen does not guess.
	path := writeKubeconfigFile(t, learnersKubeconfig)
	c := load(t, path)
	c.Contexts["kind-again"] = &clientcmdapi.Context{Cluster: "kind-kind", AuthInfo: "kind-kind", Namespace: "web"}
	if err := clientcmd.WriteToFile(*c, path); err != nil {
		t.Fatal(err)
	}
	f, err := RemoveContexts([]string{path}, []string{"kanzen-practice"})
	if err != nil || f.Dangling != "kanzen-practice" || f.SwitchedTo != "" {
		t.Fatalf("got %+v, %v; want the current context left, and said", f, err)
	}
	if after := load(t, path); after.Contexts["kanzen-practice"] != nil || after.CurrentContext != "kanzen-practice" {
		t.Fatalf("contexts %v, current %q", after.Contexts, after.CurrentContext)
	}
}

func TestRemoveContextsAcrossKubeconfigFiles(t *testing.T) {
	// KUBECONFIG=first:second, the context added to the second, the current
	// context set in the first.
	first := writeKubeconfigFile(t, "apiVersion: v1\nkind: Config\ncurrent-context: kanzen-practice\n")
	second := writeKubeconfigFile(t, learnersKubeconfig)
	f, err := RemoveContexts([]string{first, second}, []string{"kanzen-practice"})
	if err != nil || f.SwitchedTo != "kind-kind" {
		t.Fatalf("got %+v, %v", f, err)
	}
	if c := load(t, first); c.CurrentContext != "kind-kind" {
		t.Fatalf("the first file's current context is %q", c.CurrentContext)
	}
	if c := load(t, second); c.Contexts["kanzen-practice"] != nil || c.CurrentContext != "kanzen-practice" || len(c.Contexts) != 2 {
		t.Fatalf("the second file: contexts %v, current %q", c.Contexts, c.CurrentContext)
	}
}

func TestRemoveContextsFollowsASymbolicLink(t *testing.T) {
	real := writeKubeconfigFile(t, learnersKubeconfig)
	link := filepath.Join(t.TempDir(), "config")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if _, err := RemoveContexts([]string{link}, []string{"kanzen-practice"}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file: %v", err)
	}
	if load(t, real).Contexts["kanzen-practice"] != nil {
		t.Fatal("the context is still in the file the link points to")
	}
}
