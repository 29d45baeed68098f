package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/progress"
)

// TestOneConsentForEveryCaller walks the one decision: a local cluster and
// a trusted context need nothing; --yes agrees and is remembered; without
// a terminal the refusal names --yes; the TUI's grader takes only what the
// progress file records.
func TestOneConsentForEveryCaller(t *testing.T) {
	load := func(context, server string) *kube.Target {
		target, err := kube.Load(kube.Options{Kubeconfig: kubeconfigFor(t, context, server)})
		if err != nil {
			t.Fatal(err)
		}
		return target
	}
	local, remote := load("kind-kz", "https://127.0.0.1:6443"), load("prod", "https://k8s.example.invalid:6443")
	store := progress.Store{Path: filepath.Join(t.TempDir(), "progress.json")}
	a := &app{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}

	if err := a.mayCreate(local, "kz-2-1", askOnTerminal, store, progress.New()); err != nil {
		t.Errorf("a local cluster needs no agreement: %v", err)
	}
	err := a.mayCreate(remote, "kz-2-1", askOnTerminal, store, progress.New())
	if err == nil || !strings.Contains(err.Error(), `Context "prod"`) || !strings.Contains(err.Error(), "--yes") {
		t.Errorf("without a terminal: %v; want a refusal naming the context and --yes", err)
	}
	if err := a.mayCreate(remote, "kz-quiz", recordedOnly, store, progress.New()); err == nil || !strings.Contains(err.Error(), "--yes") {
		t.Errorf("the TUI's grader went ahead without a recorded agreement: %v", err)
	}
	if err := a.mayCreate(remote, "kz-2-1", agreedWithYes, store, progress.New()); err != nil {
		t.Fatalf("--yes: %v", err)
	}
	saved, err := store.Load()
	if err != nil || !saved.Trusts("prod") {
		t.Fatalf("--yes was not recorded: %v %v", saved, err)
	}
	if err := a.mayCreate(remote, "kz-quiz", recordedOnly, store, saved); err != nil {
		t.Errorf("a recorded agreement did not count: %v", err)
	}
}
