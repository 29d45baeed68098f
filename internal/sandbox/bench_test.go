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
	for b.Loop() {
		start := time.Now()
		st, err := s.Up(ctx)
		if err != nil {
			b.Fatal(err)
		}
		fresh += time.Since(start)

		start = time.Now()
		if _, err := s.Up(ctx); err != nil {
			b.Fatal(err)
		}
		again += time.Since(start)

		for _, p := range st.Processes {
			if p.Component == sandbox.KubeAPIServer {
				_ = syscall.Kill(p.PID, syscall.SIGKILL)
			}
		}
		start = time.Now()
		if _, err := s.Up(ctx); err != nil {
			b.Fatal(err)
		}
		restart += time.Since(start)

		start = time.Now()
		if _, err := s.Down(ctx); err != nil {
			b.Fatal(err)
		}
		down += time.Since(start)
	}
	n := float64(b.N)
	b.ReportMetric(fresh.Seconds()/n, "up-fresh-s")
	b.ReportMetric(again.Seconds()/n, "up-running-s")
	b.ReportMetric(restart.Seconds()/n, "up-crashed-s")
	b.ReportMetric(down.Seconds()/n, "down-s")
}
