package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"k8s.io/client-go/tools/clientcmd"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// TestResetTakesBackTheContextExercise31Added does exercise 3.1 in a copy of
// the test kubeconfig, resets it, and wants the exercise to start over: the
// context kanzen-practice gone and the learner's context current again, so
// that its checks fail as at the start.
func TestResetTakesBackTheContextExercise31Added(t *testing.T) {
	c := kubetest.Get(t)
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	data, err := os.ReadFile(c.Kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	kubeconfig := filepath.Join(t.TempDir(), "config")
	if err := os.WriteFile(kubeconfig, data, 0o600); err != nil {
		t.Fatal(err)
	}
	before, err := clientcmd.LoadFromFile(kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	ns := fmt.Sprintf("kz-test-reset31-%d", time.Now().UnixNano()%1000000)
	t.Cleanup(func() { workspace.Delete(context.Background(), c.Config, "3.1", ns) })
	flags := []string{"--kubeconfig", kubeconfig, "-n", ns}

	if code, _, stderr := kanzen(t, append([]string{"start", "3.1"}, flags...)...); code != 0 {
		t.Fatalf("start: exit %d\n%s", code, stderr)
	}
	course, err := lessons.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := kubetest.ShellWith(kubeconfig, ns, strings.Join(course.Exercise("3.1").Solution, "\n")); err != nil {
		t.Fatalf("the solution: %v\n%s", err, out)
	}
	if code, stdout, _ := kanzen(t, append([]string{"check", "3.1"}, flags...)...); code != 0 {
		t.Fatalf("3.1 does not pass after its solution:\n%s", stdout)
	}

	code, _, stderr := kanzen(t, append([]string{"reset", "3.1"}, flags...)...)
	if code != 0 || !strings.Contains(stderr, "removed context kanzen-practice") || !strings.Contains(stderr, "the current context is "+before.CurrentContext+" again") {
		t.Fatalf("reset: exit %d, stderr:\n%s", code, stderr)
	}
	code, stdout, _ := kanzen(t, append([]string{"check", "3.1"}, flags...)...)
	if code != exitFailure || !strings.Contains(stdout, "✗ the context kanzen-practice exists") || strings.Contains(stdout, "✓") {
		t.Fatalf("after the reset, 3.1 does not start over:\n%s", stdout)
	}
	after, err := clientcmd.LoadFromFile(kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	if after.CurrentContext != before.CurrentContext || len(after.Contexts) != len(before.Contexts) || len(after.AuthInfos) != len(before.AuthInfos) || len(after.Clusters) != len(before.Clusters) {
		t.Fatalf("the kubeconfig is not as before the exercise: current %q (was %q), %d contexts (was %d)",
			after.CurrentContext, before.CurrentContext, len(after.Contexts), len(before.Contexts))
	}
}
