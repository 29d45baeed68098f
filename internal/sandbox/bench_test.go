package sandbox_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/sandbox"
)

// BenchmarkSandbox times what a learner waits for, with binaries already
// built: a fresh up (until 2 nodes are Ready), an up of a running sandbox, an
// up that restarts a crashed API server, and down.
//
//	go test -run '^$' -bench Sandbox -benchtime 3x ./internal/sandbox
func BenchmarkSandbox(b *testing.B) {
	bins := kubetest.Binaries(b)
	ctx := context.Background()
	s := &sandbox.Sandbox{Name: "kanzen-bench", Nodes: sandbox.DefaultNodes, Bins: bins}
	var fresh, again, restart, down time.Duration
	// timed adds how long step took to total.
	timed := func(total *time.Duration, step func() error) {
		start := time.Now()
		if err := step(); err != nil {
			b.Fatal(err)
		}
		*total += time.Since(start)
	}
	up := func() error { _, err := s.Up(ctx); return err }
	for b.Loop() {
		timed(&fresh, up)
		timed(&again, up)
		st, err := s.Status(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range st.Processes {
			if p.Component == sandbox.KubeAPIServer {
				_ = syscall.Kill(p.PID, syscall.SIGKILL)
			}
		}
		timed(&restart, up)
		timed(&down, func() error { _, err := s.Down(ctx); return err })
	}
	n := float64(b.N)
	b.ReportMetric(fresh.Seconds()/n, "up-fresh-s")
	b.ReportMetric(again.Seconds()/n, "up-running-s")
	b.ReportMetric(restart.Seconds()/n, "up-crashed-s")
	b.ReportMetric(down.Seconds()/n, "down-s")
}
