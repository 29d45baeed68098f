package watch

import (
	"context"
	"testing"
	"time"
)

func TestDebouncerWaitsForQuietButNoLongerThanMax(t *testing.T) {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	t0 := time.Unix(1000, 0)
	d := debouncer{quiet: quietPeriod, max: maxDelay}
	// Each change in a burst pushes the deadline back, until the limit of
	// 150 ms after the first change caps it.
	for _, c := range []struct{ at, due int }{{0, 30}, {20, 50}, {100, 130}, {119, 149}, {125, 150}, {140, 150}} {
		if got := d.change(t0.Add(ms(c.at))).Sub(t0); got != ms(c.due) {
			t.Errorf("change at %d ms: due at %v, want %d ms", c.at, got, c.due)
		}
	}
	// After a signal, the next change starts a new burst.
	d.signalled()
	if got := d.change(t0.Add(ms(500))).Sub(t0); got != ms(530) {
		t.Errorf("new burst: due at %v, want 530ms", got)
	}
}

func TestRunSignalsSyncThenChangesThenCloses(t *testing.T) {
	w := newWatcher("ns", []string{"Pod"})
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	exited := make(chan struct{})
	go func() { w.run(ctx, ready); close(exited) }()

	close(ready)
	receive(t, w.Changes(), "the sync signal")
	if !w.Snapshot().Synced {
		t.Fatal("signalled before Synced")
	}
	w.changed()
	w.changed()
	receive(t, w.Changes(), "a signal for two changes")

	cancel()
	<-exited
	if _, ok := <-w.Changes(); ok {
		t.Fatal("Changes still open after the context ended")
	}
}

// receive waits for a signal; the timeout only guards against hanging.
func receive(t testing.TB, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case _, ok := <-ch:
		if !ok {
			t.Fatalf("waiting for %s: Changes closed", what)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("no %s within 10s", what)
	}
}
