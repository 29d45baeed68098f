package check

import (
	"testing"

	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/lessons"
)

// probe evaluates one check over the snapshot's Pods and returns its result.
func probe(t testing.TB, c lessons.Check, s watch.Snapshot, lang lessons.Lang) Result {
	t.Helper()
	c.ID = "probe"
	if c.Target == nil {
		c.Target = &lessons.Target{Kind: "Pod"}
	}
	p, err := Compile(&lessons.Exercise{Checks: []lessons.Check{c}})
	if err != nil {
		t.Fatal(err)
	}
	return p.Evaluate(Input{Snapshot: s, Started: start}, lang)[0]
}

// have returns how an expression's value is shown.
func have(t testing.TB, expr string, s watch.Snapshot, lang lessons.Lang) string {
	t.Helper()
	return probe(t, lessons.Check{Have: expr}, s, lang).Have
}

const labelledPod = "Pod: [{metadata: {name: web, labels: {tier: front, app: web}}, spec: {replicas: 2}}]"

func TestFormat(t *testing.T) {
	s := snap(t, labelledPod)
	for _, tc := range []struct{ expr, en, ja string }{
		{"'nginx'", "nginx", "nginx"},
		{"['nginx', 'busybox']", "nginx, busybox", "nginx, busybox"},
		{"[]", "none", "なし"},
		{"null", "none", "なし"},
		{"{}", "none", "なし"},
		{"object.spec.replicas", "2", "2"},
		{"-7", "-7", "-7"},
		{"3u", "3", "3"},
		{"2.5", "2.5", "2.5"},
		{"3.0", "3", "3"},
		{"true", "true", "true"},
		{"object.metadata.labels", "app=web, tier=front", "app=web, tier=front"},
		{"{'b': 2, 'a': 'x', 'a.b': 1}", "a=x, a.b=1, b=2", "a=x, a.b=1, b=2"},
		{"[[1, 2], {'k': 'v'}, [], null]", "[1, 2], {k=v}, [], none", "[1, 2], {k=v}, [], なし"},
		{"timestamp('2026-01-02T19:00:00+09:00')", "2026-01-02T10:00:00Z", "2026-01-02T10:00:00Z"},
		{"duration('90s')", "1m30s", "1m30s"},
		{"'日本'", "日本", "日本"},
	} {
		if got := have(t, tc.expr, s, lessons.English); got != tc.en {
			t.Errorf("%s = %q, want %q", tc.expr, got, tc.en)
		}
		if got := have(t, tc.expr, s, lessons.Japanese); got != tc.ja {
			t.Errorf("ja: %s = %q, want %q", tc.expr, got, tc.ja)
		}
	}
}

func TestWantTextShowAndFallback(t *testing.T) {
	s := snap(t, labelledPod)
	c := lessons.Check{
		Have:     "object.metadata.labels.tier",
		Want:     "'back'",
		WantText: lessons.Text{lessons.English: "the back tier", lessons.Japanese: "バックエンド層"},
		Show:     map[string]lessons.Text{"front": {lessons.English: "the front tier", lessons.Japanese: "フロント層"}},
		Hint:     lessons.Text{lessons.English: "Relabel it."},
	}
	got := probe(t, c, s, lessons.Japanese)
	// The hint has no Japanese, so English stands in.
	expect(t, got, Result{ID: "probe", Status: Fail, Have: "フロント層", Want: "バックエンド層", Hint: "Relabel it."})

	// Without wantText the want value is formatted; have values without
	// show words are shown as they are.
	c.WantText, c.Have = nil, "object.metadata.labels.app"
	got = probe(t, c, s, lessons.English)
	expect(t, got, Result{ID: "probe", Status: Fail, Have: "web", Want: "back", Hint: "Relabel it."})
}
