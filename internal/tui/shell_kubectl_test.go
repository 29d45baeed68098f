package tui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kanzen.dev/kanzen/internal/kube"
)

// TestShellPutsTheChosenKubectlFirstOnPath shows that "!" runs the kubectl
// kanzen chose for the cluster (on the sandbox, the sandbox's own).
func TestShellPutsTheChosenKubectlFirstOnPath(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "config")
	body := "apiVersion: v1\nkind: Config\ncurrent-context: kwok-kz\nclusters:\n- name: c\n  cluster: {server: \"https://127.0.0.1:6443\"}\n" +
		"contexts:\n- name: kwok-kz\n  context: {cluster: c, user: me}\nusers:\n- name: me\n  user: {token: abc}\n"
	if err := os.WriteFile(config, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	target, err := kube.Load(kube.Options{Kubeconfig: config})
	if err != nil {
		t.Fatal(err)
	}
	seen := filepath.Join(dir, "path")
	shell := filepath.Join(dir, "shell")
	if err := os.WriteFile(shell, fmt.Appendf(nil, "#!/bin/sh\necho \"$PATH\" > %s\n", seen), 0o755); err != nil {
		t.Fatal(err)
	}
	bins := filepath.Join(dir, "sandbox-bin")
	c := &shellCommand{
		target: target, dir: filepath.Join(dir, "shells"), shell: shell, namespace: "kz-2-1", banner: "%s %s",
		kubectlFor: func(*kube.Target) (string, error) { return filepath.Join(bins, "kubectl"), nil },
	}
	c.SetStdin(strings.NewReader(""))
	c.SetStdout(&bytes.Buffer{})
	c.SetStderr(&bytes.Buffer{})
	if err := c.Run(); err != nil {
		t.Fatal(err)
	}
	path, err := os.ReadFile(seen)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(path), bins+string(filepath.ListSeparator)) {
		t.Errorf("the shell's PATH is %q, want %s first", path, bins)
	}
}
