package progress

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

func TestMarkStartedKeepsTheFirstStart(t *testing.T) {
	p := New()
	p.MarkStarted("2.1", t0)
	p.MarkStarted("2.1", t0.Add(time.Hour))
	if got := p.Exercise("2.1").Started; !got.Equal(t0) {
		t.Fatalf("Started = %v, want the first start %v", got, t0)
	}
}

func TestMarkPassedKeepsTheFirstPass(t *testing.T) {
	p := New()
	p.MarkStarted("2.1", t0)
	first := t0.Add(90*time.Second + 700*time.Millisecond)
	p.MarkPassed("2.1", first)
	p.MarkPassed("2.1", first.Add(time.Hour))
	e := p.Exercise("2.1")
	if e.Passed == nil || !e.Passed.Equal(first) {
		t.Fatalf("Passed = %v, want the first pass %v", e.Passed, first)
	}
	if e.Seconds != 90 {
		t.Fatalf("Seconds = %d, want 90 (whole seconds of the first pass)", e.Seconds)
	}
}

func TestMarkPassedWithoutStartHasNoDuration(t *testing.T) {
	p := New()
	p.MarkPassed("1.1", t0)
	if e := p.Exercise("1.1"); e.Passed == nil || e.Seconds != 0 {
		t.Fatalf("got %+v, want Passed set and Seconds 0", e)
	}
}

func TestUseHintKeepsTheHighestLevel(t *testing.T) {
	p := New()
	for _, level := range []int{2, 1, 3, 0, 7} {
		p.UseHint("1.1", level)
	}
	if got := p.Exercise("1.1").HintsUsed; got != 3 {
		t.Fatalf("HintsUsed = %d, want 3", got)
	}
}

func TestTrustIsRecordedOnce(t *testing.T) {
	p := New()
	if p.Trusts("prod") {
		t.Fatal("a new learner trusts prod")
	}
	p.Trust("prod")
	p.Trust("prod")
	if !p.Trusts("prod") || len(p.TrustedContexts) != 1 {
		t.Fatalf("TrustedContexts = %v, want [prod]", p.TrustedContexts)
	}
}
