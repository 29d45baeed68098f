package workspace

import (
	"slices"
	"testing"

	"kanzen.dev/kanzen/internal/kubetest"
)

// TestPrepareNamesEachSlowStepFirst: a start sets up; a reset deletes,
// waits for the namespace to go, and sets up again; a start of a ready
// exercise has no slow step.
func TestPrepareNamesEachSlowStepFirst(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	name := testNamespace(t, c)
	ex := exercise("2.2", appSetup)
	for _, run := range []struct {
		reset bool
		want  []Step
	}{
		{false, []Step{SettingUp}},
		{false, nil},
		{true, []Step{Deleting, WaitingGone, SettingUp}},
	} {
		var steps []Step
		if _, err := Prepare(t.Context(), c.Config, ex, name, run.reset, func(s Step) { steps = append(steps, s) }); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(steps, run.want) {
			t.Errorf("reset %v reported %v, want %v", run.reset, steps, run.want)
		}
	}
}
