package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// terminal is the built kanzen running in a tmux session of a fixed size.
type terminal struct {
	t       *testing.T
	session string
}

func buildKanzen(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kanzen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func startTerminal(t *testing.T, env []string, command string) *terminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is needed for the end-to-end test")
		}
		t.Skip("tmux is not installed")
	}
	term := &terminal{t: t, session: fmt.Sprintf("kanzen-e2e-%d", os.Getpid())}
	args := []string{"new-session", "-d", "-s", term.session, "-x", "120", "-y", "40", "env"}
	args = append(append(args, env...), command)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", term.session).Run() })
	return term
}

func (term *terminal) screen() string {
	out, err := exec.Command("tmux", "capture-pane", "-p", "-t", term.session).Output()
	if err != nil {
		return "(no screen: " + err.Error() + ")"
	}
	return string(out)
}

func (term *terminal) keys(keys ...string) {
	args := append([]string{"send-keys", "-t", term.session}, keys...)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		term.t.Fatalf("tmux send-keys %v: %v\n%s", keys, err, out)
	}
}

// waitFor waits until the screen shows every one of texts.
func (term *terminal) waitFor(timeout time.Duration, texts ...string) string {
	term.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		screen := term.screen()
		missing := ""
		for _, s := range texts {
			if !strings.Contains(screen, s) {
				missing = s
				break
			}
		}
		if missing == "" {
			return screen
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("after %s the screen does not show %q:\n%s", timeout, missing, screen)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestLearnerDoesExercise21InTheTUI runs the built binary in tmux against the
// live cluster, starts exercise 2.1 from the chapter list, does it with
// kubectl from another shell, and reads every check turning green.
func TestLearnerDoesExercise21InTheTUI(t *testing.T) {
	c := kubetest.Get(t)
	course, err := lessons.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	ex := course.Exercise("2.1")
	ns := workspace.Namespace(ex.ID)
	cleanup := func() { workspace.Delete(context.Background(), c.Config, ex.ID, ns) }
	cleanup()
	t.Cleanup(cleanup)

	bin := buildKanzen(t)
	home := t.TempDir()
	env := []string{
		"HOME=" + home, "XDG_STATE_HOME=" + filepath.Join(home, "state"), "XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
		"KUBECONFIG=" + c.Kubeconfig, "LANG=en_US.UTF-8", "TERM=xterm-256color", "SHELL=/bin/sh",
	}
	term := startTerminal(t, env, bin)
	term.waitFor(20*time.Second, "kanzen", "The shortest path to a running app", "● v")

	// The chapter list opens on the first lesson; the next one holds 2.1.
	_, l := course.Find("2.1")
	for i := 0; i < 10 && !strings.Contains(term.screen(), "› "+l.Title.In(lessons.English)); i++ {
		term.keys("Down")
		time.Sleep(100 * time.Millisecond)
	}
	term.keys("Enter")
	term.waitFor(10*time.Second, "2.1 "+ex.Title.In(lessons.English), "Press enter to start")
	term.keys("Enter")
	screen := term.waitFor(20*time.Second, "ns "+ns+" · 0/", "have not found")
	if !strings.Contains(screen, "✗ "+ex.Checks[0].Title.In(lessons.English)) {
		t.Fatalf("the first check is not shown failing:\n%s", screen)
	}

	if out, err := c.Shell(t, ns, strings.Join(ex.Solution, "\n")); err != nil {
		t.Fatalf("solution: %v\n%s", err, out)
	}
	all := fmt.Sprintf("ns %s · %d/%d", ns, len(ex.Checks), len(ex.Checks))
	screen = term.waitFor(60*time.Second, all, "Every check passes")
	for _, check := range ex.Checks {
		if !strings.Contains(screen, "✓ "+check.Title.In(lessons.English)) {
			t.Errorf("check %q is not green:\n%s", check.ID, screen)
		}
	}

	term.keys("q")
	store := progress.Store{Path: filepath.Join(home, "state", "kanzen", "progress.json")}
	kubetest.Eventually(t, 10*time.Second, func() (bool, string) {
		p, err := store.Load()
		if err != nil || p.Exercises[ex.ID] == nil || p.Exercises[ex.ID].Passed == nil {
			return false, fmt.Sprintf("progress does not record 2.1 as passed (err %v)", err)
		}
		return true, ""
	})
}

// TestLearnerReviewsYesterdaysMissInTheTUI runs the built binary in tmux
// with a command question missed yesterday, finds it waiting in review,
// answers it with kubectl arguments that the live cluster grades by a dry
// run, and reads the question move up a box in the progress file.
func TestLearnerReviewsYesterdaysMissInTheTUI(t *testing.T) {
	c := kubetest.Get(t)
	const key = "1/run-web-pod"
	home := t.TempDir()
	store := progress.Store{Path: filepath.Join(home, "state", "kanzen", "progress.json")}
	yesterday := time.Now().Add(-24 * time.Hour)
	if _, err := store.Update(func(p *progress.Progress) {
		p.SetQuizCard(key, progress.QuizCard{Box: 1, Due: yesterday, Last: progress.Missed, Answered: yesterday})
	}); err != nil {
		t.Fatal(err)
	}

	bin := buildKanzen(t)
	env := []string{
		"HOME=" + home, "XDG_STATE_HOME=" + filepath.Join(home, "state"), "XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
		"KUBECONFIG=" + c.Kubeconfig, "LANG=en_US.UTF-8", "TERM=xterm-256color",
	}
	term := startTerminal(t, env, bin)
	term.waitFor(20*time.Second, "Review · 1 due", "● v")
	for i := 0; i < 5 && !strings.Contains(term.screen(), "› Review"); i++ {
		term.keys("Up")
		time.Sleep(100 * time.Millisecond)
	}
	term.keys("Enter")
	term.waitFor(10*time.Second, "Translate", "Type the kubectl command")

	// Flags in another order than the content's examples, and a space
	// where the examples use =: the API server, not a string, decides.
	term.keys("-l", "kubectl run --port 80 web --image nginx:1.27")
	term.keys("Enter")
	screen := term.waitFor(30*time.Second, "✓ Right.", "✓ it declares container port 80")
	if strings.Contains(screen, "✗") {
		t.Fatalf("a check failed:\n%s", screen)
	}
	term.keys("q")
	kubetest.Eventually(t, 10*time.Second, func() (bool, string) {
		p, err := store.Load()
		if err != nil {
			return false, err.Error()
		}
		card := p.QuizCard(key)
		return card.Box == 2 && card.Last == progress.Correct, fmt.Sprintf("card %+v", card)
	})
	pods, err := c.Client.CoreV1().Pods("kz-quiz").List(context.Background(), metav1.ListOptions{})
	if err != nil || len(pods.Items) != 0 {
		t.Fatalf("the dry run left Pods in kz-quiz: %v %v", err, pods)
	}
}
