package check

import (
	"testing"

	"kanzen.dev/kanzen/lessons"
)

func TestUnstructuredValues(t *testing.T) {
	s := snap(t, labelledPod+"\nDeployment: [{metadata: {name: d}}]")
	for expr, want := range map[string]string{
		// Unstructured integers are CEL ints, so content can compare types.
		"type(object.spec.replicas) == int":      "true",
		"object.spec.replicas == 2":              "true",
		"object.spec.replicas == 2.0":            "true",
		"object.metadata.labels['app']":          "web",
		"'app' in object.metadata.labels":        "true",
		"has(object.metadata.namespace)":         "false",
		"all.Pod.size() + all.Deployment.size()": "2",
		"'Secret' in all":                        "false",
		"ns":                                     "ex",
		"object.metadata.name.upperAscii()":      "WEB",
		"'a:b'.split(':')":                       "a, b",
		"[3, 1, 2].sort()":                       "1, 2, 3",
		"started":                                "2026-01-02T10:00:00Z",
	} {
		if got := have(t, expr, s, lessons.English); got != want {
			t.Errorf("%s = %q, want %q", expr, got, want)
		}
	}
}

func TestTargetObjects(t *testing.T) {
	s := snap(t, `
Pod:
- {metadata: {name: a, labels: {app: web}}}
- {metadata: {name: b, labels: {app: web}, deletionTimestamp: '2026-01-02T10:00:00Z'}}
- {metadata: {name: c, labels: {app: db}}}
`)
	names := "objects.map(o, o.metadata.name)"
	for _, tc := range []struct {
		target *lessons.Target
		expr   string
		want   string
	}{
		{&lessons.Target{Kind: "Pod", Name: "c"}, names, "c"},
		{&lessons.Target{Kind: "Pod", Name: "c"}, "object.metadata.labels.app", "db"},
		// Terminating objects are still there; content filters them.
		{&lessons.Target{Kind: "Pod", Selector: "app=web"}, names, "a, b"},
		{&lessons.Target{Kind: "Pod", Selector: "app=web"}, "object.metadata.name", "a"},
		{&lessons.Target{Kind: "Pod", Selector: "app in (web, db), app!=web"}, names, "c"},
		{&lessons.Target{Kind: "Pod", Selector: "app=none"}, "object == null && objects.size() == 0", "true"},
		{&lessons.Target{Kind: "Pod"}, names, "a, b, c"},
		{&lessons.Target{Kind: "Service"}, "object == null && objects.size() == 0", "true"},
	} {
		got := probe(t, lessons.Check{Target: tc.target, Have: tc.expr}, s, lessons.English).Have
		if got != tc.want {
			t.Errorf("%+v: %s = %q, want %q", *tc.target, tc.expr, got, tc.want)
		}
	}
	// A check without a target sees no object, only all and events.
	p, err := Compile(&lessons.Exercise{Checks: []lessons.Check{{ID: "none", Have: "object == null && objects.size() == 0 && all.Pod.size() == 3"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Evaluate(Input{Snapshot: s, Started: start}, lessons.English)[0].Have; got != "true" {
		t.Errorf("without a target: %q, want true", got)
	}
}

func TestEvaluationErrorsFail(t *testing.T) {
	s := snap(t, labelledPod)
	hint := lessons.Text{lessons.English: "Look again."}
	for _, tc := range []struct {
		name string
		c    lessons.Check
		want Result
	}{
		{"missing key in have", lessons.Check{Have: "object.spec.nope", Want: "1", Hint: hint},
			Result{Status: Fail, Have: "—", Want: "1", Hint: "Look again."}},
		{"null object", lessons.Check{Target: &lessons.Target{Kind: "Pod", Selector: "app=none"}, Have: "object.metadata.name", Want: "'web'"},
			Result{Status: Fail, Have: "—", Want: "web"}},
		{"missing key in want", lessons.Check{Have: "object.metadata.name", Want: "object.spec.nope"},
			Result{Status: Fail, Have: "web", Want: "—"}},
		{"pass is not a bool", lessons.Check{Have: "object.metadata.name", Pass: "have"},
			Result{Status: Fail, Have: "web"}},
		{"pass errs", lessons.Check{Have: "object.metadata.name", Pass: "have.nope == 1"},
			Result{Status: Fail, Have: "web"}},
		{"pass true without want", lessons.Check{Have: "object.metadata.name", Pass: "have == 'web' && want == null"},
			Result{Status: Pass, Have: "web"}},
		{"have equals want across numeric types", lessons.Check{Have: "object.spec.replicas", Want: "2.0"},
			Result{Status: Pass, Have: "2", Want: "2"}},
		{"lists compare by value", lessons.Check{Have: "object.metadata.labels.map(k, k).sort()", Want: "['app', 'tier']"},
			Result{Status: Pass, Have: "app, tier", Want: "app, tier"}},
	} {
		tc.want.ID = "probe"
		if got := probe(t, tc.c, s, lessons.English); got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
