package session_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"k8s.io/client-go/tools/clientcmd"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/session"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// TestAKubeconfigChangeIsSeen switches the current context's namespace in
// a kubeconfig file and expects the verdict to follow without any change in
// the cluster.
func TestAKubeconfigChangeIsSeen(t *testing.T) {
	c := kubetest.Get(t)
	ex := &lessons.Exercise{ID: "3.99", Kinds: []string{"ConfigMap"}, Checks: []lessons.Check{{
		ID: "namespace", Title: lessons.Text{lessons.English: "the context's namespace"},
		Have: "kubeconfig.namespace", Want: "ns",
	}}}
	ns := fmt.Sprintf("kz-test-3-99-%06d", rand.IntN(1000000))
	ctx := context.Background()
	if _, err := workspace.Start(ctx, c.Config, ex, ns); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { workspace.Delete(context.Background(), c.Config, ex.ID, ns) })

	target, err := kube.Load(kube.Options{Kubeconfig: c.Kubeconfig})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "config")
	if err := target.ScratchKubeconfig(path, "default"); err != nil {
		t.Fatal(err)
	}
	s, err := session.Open(ctx, c.Config, ex, ns, session.Options{KubeconfigFiles: []string{path}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	verdict := func() check.Result {
		u := s.Next(2 * time.Second)
		return s.Evaluate(u.Snapshot, lessons.English)[0]
	}
	for r := verdict(); r.Status != check.Fail || r.Have != "default"; r = verdict() {
		if !s.Snapshot().Synced {
			continue
		}
		t.Fatalf("before: %+v", r)
	}

	config, err := clientcmd.LoadFromFile(path)
	if err != nil {
		t.Fatal(err)
	}
	config.Contexts[config.CurrentContext].Namespace = ns
	changed := time.Now()
	if err := clientcmd.WriteToFile(*config, path); err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.Changes():
	case <-time.After(5 * time.Second):
		t.Fatal("no change signalled after the kubeconfig changed")
	}
	t.Logf("seen after %s", time.Since(changed))
	if r := s.Evaluate(s.Snapshot(), lessons.English)[0]; r.Status != check.Pass {
		t.Fatalf("after: %+v", r)
	}
}
