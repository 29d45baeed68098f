package check

import (
	"strings"
	"testing"

	"kanzen.dev/kanzen/lessons"
)

func TestDeadEnds(t *testing.T) {
	ex := &lessons.Exercise{
		Checks: []lessons.Check{{ID: "made", Target: &lessons.Target{Kind: "Deployment", Name: "myapp"}, Have: "object != null", Want: "true"}},
		DeadEnds: []lessons.DeadEnd{{
			When: "'Deployment' in all && all.Deployment.exists(d, d.metadata.name == 'gone')",
			Say:  lessons.Text{lessons.English: "You deleted gone.", lessons.Japanese: "goneを削除しました。"},
		}},
	}
	p, err := Compile(ex)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		objects string
		want    []string
	}{
		{"Deployment: [{metadata: {name: myapp}}]", nil},
		{"Deployment: [{metadata: {name: myap}}]", []string{"There is no Deployment myapp, but there is a Deployment myap: did you mean myapp?"}},
		{"Deployment: [{metadata: {name: my-app}}, {metadata: {name: web}}]", []string{"did you mean myapp?"}},
		// A name that is also right is no slip, and an unrelated one is a
		// different object.
		{"Deployment: [{metadata: {name: myapp}}, {metadata: {name: myap}}]", nil},
		{"Deployment: [{metadata: {name: frontend}}]", nil},
		{"Deployment: [{metadata: {name: gone}}]", []string{"You deleted gone."}},
		{"Pod: [{metadata: {name: myapp}}]", nil},
	} {
		got := p.DeadEnds(Input{Snapshot: snap(t, tc.objects), Started: start}, lessons.English)
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %q, want %d messages", tc.objects, got, len(tc.want))
			continue
		}
		for i := range got {
			if !strings.Contains(got[i], tc.want[i]) {
				t.Errorf("%s: got %q, want %q", tc.objects, got[i], tc.want[i])
			}
		}
	}
	ja := p.DeadEnds(Input{Snapshot: snap(t, "Deployment: [{metadata: {name: myap}}]"), Started: start}, lessons.Japanese)
	if len(ja) != 1 || !strings.Contains(ja[0], "myappのつもりでしたか") {
		t.Errorf("Japanese: %q", ja)
	}
}

func TestDeadEndConditionsMustBeBooleans(t *testing.T) {
	_, err := Compile(&lessons.Exercise{
		Checks:   []lessons.Check{{ID: "a", Have: "1"}},
		DeadEnds: []lessons.DeadEnd{{When: "'x'"}},
	})
	if err == nil || !strings.Contains(err.Error(), "deadEnds[0].when") {
		t.Errorf("a string condition compiled: %v", err)
	}
}
