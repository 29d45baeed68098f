package tui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/session"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// On a live cluster, a misspelt Deployment reaches the pane through the
// same update that re-judges the checks.
func TestAMisspeltDeploymentIsSuggestedLive(t *testing.T) {
	if os.Getenv(kubetest.KubeconfigEnv) == "" && os.Getenv("CI") != "true" {
		// The view tests stay quick: only a given cluster, or CI, runs this.
		t.Skip("set " + kubetest.KubeconfigEnv + " to run it on a live cluster")
	}
	c := kubetest.Get(t)
	m := midExercise(t, lessons.English, 120, 40)
	ex := m.exercise.ex
	ns := fmt.Sprintf("kz-test-tui-2-1-%06d", rand.IntN(1000000))
	if _, err := workspace.Start(context.Background(), c.Config, ex, ns); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := workspace.Delete(context.Background(), c.Config, ex.ID, ns); err != nil {
			t.Errorf("delete %s: %v", ns, err)
		}
	})
	s, err := session.Open(context.Background(), c.Config, ex, ns, session.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	m.exercise.session = s
	if out, err := c.Shell(t, ns, "kubectl create deployment myap --image=nginx:1.27"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := "did you mean myapp?"
	var screen string
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); {
		u := s.Next(500 * time.Millisecond)
		next, _ := m.Update(changedMsg{session: s, update: u, at: time.Now()})
		screen = strings.ReplaceAll(viewText(next.(Model)), "│", "")
		if strings.Contains(strings.Join(strings.Fields(screen), " "), want) {
			if n := len(next.(Model).exercise.deadEnds); n != 1 {
				t.Errorf("%d dead ends, want the slip once", n)
			}
			return
		}
	}
	t.Fatalf("the pane never suggested myapp:\n%s", screen)
}
