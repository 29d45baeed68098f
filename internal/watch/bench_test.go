package watch

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"kanzen.dev/kanzen/internal/kubetest"
)

// BenchmarkChangeToSignal times how long kanzen takes to learn of a change:
// from sending an update of a ConfigMap to the Changes signal that follows
// it, which includes the update's round trip and the 30 ms quiet period. It
// also reports when the watcher recorded the change, before debouncing.
//
//	go test -run '^$' -bench ChangeToSignal ./internal/watch
func BenchmarkChangeToSignal(b *testing.B) {
	c := kubetest.Get(b)
	ns := c.Namespace(b)
	w := startWatch(b, c.Config, ns, "ConfigMap")
	receive(b, w.Changes(), "the sync signal")
	ctx := context.Background()
	cms := c.Client.CoreV1().ConfigMaps(ns)
	cm, err := cms.Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "bench"}}, metav1.CreateOptions{})
	if err != nil {
		b.Fatal(err)
	}
	var signalled, seen []time.Duration
	for i := 0; b.Loop(); i++ {
		drain(w.Changes())
		cm.Data = map[string]string{"i": strconv.Itoa(i)}
		start := time.Now()
		if cm, err = cms.Update(ctx, cm, metav1.UpdateOptions{}); err != nil {
			b.Fatal(err)
		}
		// The watch may deliver the change before Update returns, but the
		// signal still takes its quiet period. A late signal for an earlier
		// change does not count.
		receive(b, w.Changes(), "a signal for the update")
		for !holds(w.Snapshot(), strconv.Itoa(i)) {
			receive(b, w.Changes(), "a signal for the update")
		}
		signalled = append(signalled, time.Since(start))
		events := w.Snapshot().Events
		seen = append(seen, events[len(events)-1].Time.Sub(start))
	}
	for _, p := range []int{50, 95} {
		b.ReportMetric(percentile(signalled, p), "p"+strconv.Itoa(p)+"-ms")
		b.ReportMetric(percentile(seen, p), "seen-p"+strconv.Itoa(p)+"-ms")
	}
}

// percentile returns the p-th percentile of ds in milliseconds.
func percentile(ds []time.Duration, p int) float64 {
	ds = slices.Sorted(slices.Values(ds))
	return float64(ds[(len(ds)-1)*p/100].Microseconds()) / 1000
}

// holds reports whether the snapshot shows the bench ConfigMap at value i.
func holds(s Snapshot, i string) bool {
	for _, o := range s.Objects["ConfigMap"] {
		if field(o, "metadata", "name") == "bench" && field(o, "data", "i") == i {
			return true
		}
	}
	return false
}

// drain discards a pending signal.
func drain(ch <-chan struct{}) {
	select {
	case <-ch:
	default:
	}
}
