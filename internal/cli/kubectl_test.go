package cli

import (
	"os"
	"path/filepath"
	"testing"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/sandbox"
)

// executable writes an empty executable file at path.
func executable(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// TestKubectlOnTheSandboxIsTheSandboxs shows the one order: the sandbox's
// own kubectl on the sandbox, the one on PATH elsewhere.
func TestKubectlOnTheSandboxIsTheSandboxs(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root, err := sandbox.Root()
	if err != nil {
		t.Fatal(err)
	}
	built := filepath.Join(root, "bin", sandbox.Kubectl)
	executable(t, built)
	onPath := filepath.Join(t.TempDir(), "kubectl")
	executable(t, onPath)
	t.Setenv("PATH", filepath.Dir(onPath))

	path := sandboxKubeconfig(t, "lesson")
	for file, want := range map[string]string{path: built, kubeconfigFor(t, "kind-kz", "https://127.0.0.1:6443"): onPath} {
		target, err := kube.Load(kube.Options{Kubeconfig: file})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := kubectlFor(target); got != want || err != nil {
			t.Errorf("kubectl for %s: %q, %v; want %q", file, got, err, want)
		}
		if name, ok := sandboxOf(target); ok != (file == path) || ok && name != "lesson" {
			t.Errorf("%s is of sandbox %q (%v)", file, name, ok)
		}
	}
}

// sandboxKubeconfig writes a kubeconfig where the sandbox called name
// keeps its own, and returns its path.
func sandboxKubeconfig(t *testing.T, name string) string {
	t.Helper()
	path, err := (&sandbox.Sandbox{Name: name}).KubeconfigPath()
	if err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(kubeconfigFor(t, "kwok-"+name, "https://127.0.0.1:6443"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
