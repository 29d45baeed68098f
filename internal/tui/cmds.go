package tui

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/internal/session"
	"kanzen.dev/kanzen/lessons"
)

// Messages that commands send back to Update.
type (
	clusterProbedMsg struct {
		target  *kube.Target
		version string
		err     error
	}
	sessionMsg struct {
		ex      *lessons.Exercise
		session *session.Session
		// started says kanzen started the exercise just now.
		started bool
		// forgotten is what a reset removed from the learner's kubeconfig.
		forgotten kube.Forgotten
		err       error
	}
	changedMsg struct {
		session *session.Session
		update  session.Update
		at      time.Time
	}
	progressSavedMsg  struct{ err error }
	shellDoneMsg      struct{ err error }
	sandboxStartedMsg struct{ events <-chan tea.Msg }
	sandboxBuildMsg   struct {
		compiled, total int
		events          <-chan tea.Msg
	}
	sandboxDoneMsg struct {
		target *kube.Target
		err    error
	}
	// quizGradedMsg is the cluster's verdict on the answer to a run's
	// question number.
	quizGradedMsg struct {
		run     *quiz.Run
		number  int
		verdict quiz.Verdict
	}
	// quizRewordedMsg is the same verdict in another language.
	quizRewordedMsg quizGradedMsg
)

// exerciseNamespace is where an exercise lives by default.
func exerciseNamespace(id string) string { return session.Namespace(id) }

// probeCluster asks the cluster for its version after waiting wait.
func probeCluster(target *kube.Target, wait time.Duration) tea.Cmd {
	if target == nil {
		return nil
	}
	return func() tea.Msg {
		time.Sleep(wait)
		v, err := target.ServerVersion(context.Background(), 5*time.Second)
		return clusterProbedMsg{target: target, version: v, err: err}
	}
}

// reprobeWait is how long the TUI waits before it asks a cluster that did
// not answer again, after failures in a row: one second, doubling up to ten,
// so that a cluster that comes back is found within seconds, without
// asking a cluster that stays away too often.
func reprobeWait(failures int) time.Duration {
	return min(time.Second<<min(max(failures-1, 0), 4), 10*time.Second)
}

// openSession watches an exercise's namespace; with start, it first creates
// the namespace and its setup objects.
func openSession(target *kube.Target, ex *lessons.Exercise, start bool) tea.Cmd {
	return func() tea.Msg {
		ctx, ns, opts := context.Background(), session.Namespace(ex.ID), session.Options{KubeconfigFiles: target.Files()}
		if !start {
			s, err := session.Open(ctx, target.Config, ex, ns, opts)
			return sessionMsg{ex: ex, session: s, err: err}
		}
		s, _, err := session.Start(ctx, target.Config, ex, ns, false, opts)
		return sessionMsg{ex: ex, session: s, started: true, err: err}
	}
}

// resetExercise stops watching, recreates the namespace, takes back what the
// exercise had the learner add to their kubeconfig, and watches again.
func resetExercise(target *kube.Target, ex *lessons.Exercise, old *session.Session) tea.Cmd {
	return func() tea.Msg {
		if old != nil {
			old.Close()
		}
		s, prepared, err := session.Start(context.Background(), target.Config, ex, session.Namespace(ex.ID), true, session.Options{KubeconfigFiles: target.Files()})
		return sessionMsg{ex: ex, session: s, started: true, forgotten: prepared.Forgotten, err: err}
	}
}

func closeSession(s *session.Session) tea.Cmd {
	if s == nil {
		return nil
	}
	return func() tea.Msg {
		s.Close()
		return nil
	}
}

// waitForChange delivers the session's next change, or its state after a
// quiet while so that a lost connection shows. Until the first view is in,
// the while is short: a refusal by the cluster comes at once and is
// explained at once.
func waitForChange(s *session.Session) tea.Cmd {
	return func() tea.Msg {
		quiet := 2 * time.Second
		if !s.Snapshot().Synced {
			quiet = 250 * time.Millisecond
		}
		u := s.Next(quiet)
		return changedMsg{session: s, update: u, at: time.Now()}
	}
}

// gradeQuiz grades an answer that needs the cluster: a dry run with
// kubectl, or discovery, which may take seconds.
func gradeQuiz(g *quiz.Grader, run *quiz.Run, asked quiz.Asked, a quiz.Answer, lang lessons.Lang) tea.Cmd {
	return func() tea.Msg {
		v := g.Grade(context.Background(), asked.Question, a, lang)
		return quizGradedMsg{run: run, number: asked.Number, verdict: v}
	}
}

// startSandbox runs the sandbox's build and start in the background; its
// progress arrives as messages on a channel that listen reads.
func startSandbox(start StartSandbox) tea.Cmd {
	return func() tea.Msg {
		events := make(chan tea.Msg, 16)
		go func() {
			defer close(events)
			target, err := start(context.Background(), func(compiled, total int) {
				select {
				case events <- sandboxBuildMsg{compiled: compiled, total: total, events: events}:
				default: // The screen only needs the latest count.
				}
			})
			events <- sandboxDoneMsg{target: target, err: err}
		}()
		return sandboxStartedMsg{events: events}
	}
}

func listen(events <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-events
		if !ok {
			return nil
		}
		return msg
	}
}

// openShell hands the terminal to the learner's shell, with kubectl set to
// the exercise's namespace, and comes back when it exits.
func (m Model) openShell() tea.Cmd {
	if m.cluster.target == nil || m.exercise.ex == nil {
		return nil
	}
	shell := &shellCommand{
		target: m.cluster.target, dir: m.opts.ShellDir, shell: m.opts.Shell,
		namespace:  m.exercise.namespace(),
		kubectlFor: m.opts.KubectlFor,
	}
	if session.ReadsKubeconfig(m.exercise.ex) {
		// An exercise about contexts is done in the learner's own
		// kubeconfig, which its checks read.
		shell.own = true
	}
	banner := shellBanner
	if shell.own {
		banner = ownShellBanner
	}
	shell.banner = banner.With(shell.namespace, m.cluster.target.Context).In(m.lang)
	return tea.Exec(shell, func(err error) tea.Msg { return shellDoneMsg{err: err} })
}

// shellCommand runs $SHELL with KUBECONFIG pointing at the exercise namespace.
type shellCommand struct {
	target                        *kube.Target
	dir, shell, namespace, banner string
	// own runs the shell with the learner's kubeconfig as it is.
	own bool
	// kubectlFor, when set, finds the kubectl to put first on PATH.
	kubectlFor     func(*kube.Target) (string, error)
	stdin          io.Reader
	stdout, stderr io.Writer
}

func (c *shellCommand) SetStdin(r io.Reader)  { c.stdin = r }
func (c *shellCommand) SetStdout(w io.Writer) { c.stdout = w }
func (c *shellCommand) SetStderr(w io.Writer) { c.stderr = w }

func (c *shellCommand) Run() error {
	kubeconfig := strings.Join(c.target.Files(), string(filepath.ListSeparator))
	if !c.own {
		var err error
		if kubeconfig, err = c.target.NamespacedKubeconfig(c.dir, c.namespace); err != nil {
			return fmt.Errorf("cannot open a shell: %w", err)
		}
	}
	shell := c.shell
	if shell == "" {
		shell = "/bin/sh"
	}
	fmt.Fprint(c.stdout, "\n"+c.banner+"\n\n")
	cmd := exec.Command(shell)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.stdin, c.stdout, c.stderr
	cmd.Env = append(os.Environ(), "KUBECONFIG="+kubeconfig, "KANZEN_NAMESPACE="+c.namespace)
	if c.kubectlFor != nil {
		if kubectl, err := c.kubectlFor(c.target); err == nil {
			cmd.Env = append(cmd.Env, "PATH="+filepath.Dir(kubectl)+string(filepath.ListSeparator)+os.Getenv("PATH"))
		}
	}
	if err := cmd.Run(); err != nil {
		if _, exited := err.(*exec.ExitError); exited {
			return nil // The shell's own exit status is the learner's business.
		}
		return fmt.Errorf("shell %s: %w", shell, err)
	}
	return nil
}
