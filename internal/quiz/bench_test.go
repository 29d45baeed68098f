package quiz

import (
	"context"
	"slices"
	"testing"
	"time"

	"kanzen.dev/kanzen/lessons"
)

// BenchmarkCommandAnswer measures how long a learner waits for a command
// answer's verdict: kubectl's server-side dry run plus the checks.
//
//	go test -run '^$' -bench CommandAnswer -benchtime 20x ./internal/quiz
func BenchmarkCommandAnswer(b *testing.B) {
	g, _ := liveGrader(b)
	z := liveFixture(b)
	q := z.Question("run-web")
	ctx := context.Background()
	if err := g.Scratch(ctx); err != nil {
		b.Fatal(err)
	}
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		if v := g.Grade(ctx, q, Typed(q.Examples[0]), lessons.English); !v.Correct {
			b.Fatalf("%+v", v)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Milliseconds()), "p50-ms")
	b.ReportMetric(float64(took[len(took)*95/100].Milliseconds()), "p95-ms")
}
