package watch

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	corev1client "k8s.io/client-go/kubernetes/typed/core/v1"
	"k8s.io/client-go/tools/clientcmd"

	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/sandbox"
)

// recoveryGoal is how soon after the API server is back a change made at
// once must show, with the view fresh again.
const recoveryGoal = 5 * time.Second

// TestLiveWatchRecoversAfterTheAPIServerRestarts kills a sandbox's API
// server with SIGKILL, restarts it in place and changes an object at once,
// three times. A restarted API server no longer knows the resource version
// the watch had reached (410 Gone): the watcher must list again at once,
// and say it is connected only once it has.
func TestLiveWatchRecoversAfterTheAPIServerRestarts(t *testing.T) {
	s, st := kubetest.OwnSandbox(t, "kanzen-watch-restart", 1)
	config, err := clientcmd.BuildConfigFromFlags("", st.Kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	client := kubernetes.NewForConfigOrDie(config)
	ctx := context.Background()
	const ns = "kz-test-restart"
	if _, err := client.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	cms := client.CoreV1().ConfigMaps(ns)
	if _, err := cms.Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "round"}, Data: map[string]string{"n": "0"}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	w := startWatch(t, config, ns, "ConfigMap")
	waitSnapshot(t, w, holdsRound("0"))

	for round := 1; round <= 3; round++ {
		killAPIServer(t, s)
		kubetest.Eventually(t, 20*time.Second, func() (bool, string) {
			return w.Err() != nil, "the watcher does not notice that the API server is gone"
		})
		back, fresh := watchRecovery(w, cms)
		if _, err := s.Up(ctx); err != nil {
			t.Fatalf("round %d: restart: %v", round, err)
		}
		n := fmt.Sprint(round)
		var changed time.Time
		kubetest.Eventually(t, 20*time.Second, func() (bool, string) {
			cm, err := cms.Get(ctx, "round", metav1.GetOptions{})
			if err == nil {
				cm.Data["n"] = n
				_, err = cms.Update(ctx, cm, metav1.UpdateOptions{})
			}
			changed = time.Now()
			return err == nil, fmt.Sprintf("round %d: cannot change the ConfigMap: %v", round, err)
		})
		for {
			snap := w.Snapshot()
			ok, why := holdsRound(n)(snap)
			if ok && !snap.Stale && w.Err() == nil {
				break
			}
			if time.Since(changed) > recoveryGoal {
				t.Fatalf("round %d: %s after the change: %s; Stale %v, Err %v", round, recoveryGoal, why, snap.Stale, w.Err())
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Logf("round %d: connected and fresh %s after the API server answered again; the change made then showed %s after it was made",
			round, (<-fresh).Sub(<-back).Round(10*time.Millisecond), time.Since(changed).Round(10*time.Millisecond))
	}
}

// watchRecovery notes, in the background, when the API server first answers
// again and when the watcher is next connected and fresh.
func watchRecovery(w *Watcher, cms corev1client.ConfigMapInterface) (back, fresh <-chan time.Time) {
	b, f := make(chan time.Time, 1), make(chan time.Time, 1)
	go func() {
		for {
			if _, err := cms.Get(context.Background(), "round", metav1.GetOptions{}); err == nil {
				b <- time.Now()
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		for w.Err() != nil || w.Snapshot().Stale {
			time.Sleep(20 * time.Millisecond)
		}
		f <- time.Now()
	}()
	return b, f
}

// holdsRound accepts a snapshot whose ConfigMap "round" says n.
func holdsRound(n string) func(Snapshot) (bool, string) {
	return func(s Snapshot) (bool, string) {
		for _, o := range s.Objects["ConfigMap"] {
			if field(o, "metadata", "name") == "round" {
				return field(o, "data", "n") == n, fmt.Sprintf("the ConfigMap says %q, want %q", field(o, "data", "n"), n)
			}
		}
		return false, "no ConfigMap round"
	}
}

// killAPIServer kills the sandbox's API server with SIGKILL and waits until
// the sandbox reports it unhealthy.
func killAPIServer(t *testing.T, s *sandbox.Sandbox) {
	t.Helper()
	st, err := s.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range st.Processes {
		if p.Component == sandbox.KubeAPIServer {
			if err := syscall.Kill(p.PID, syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
		}
	}
	kubetest.Eventually(t, 10*time.Second, func() (bool, string) {
		now, _ := s.Status(context.Background())
		return !now.Healthy, "the sandbox still reports healthy after its API server was killed"
	})
}
