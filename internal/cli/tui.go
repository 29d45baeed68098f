package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/internal/sandbox"
	"kanzen.dev/kanzen/internal/tui"
	"kanzen.dev/kanzen/internal/userdirs"
)

// runTUI opens the interactive course where the learner stopped. Without a
// usable cluster the lessons still open, and the TUI offers the sandbox.
func (a *app) runTUI(cmd *cobra.Command, _ []string) error {
	course, quizzes, err := builtInQuizzes()
	if err != nil {
		return err
	}
	store, p, notes := openProgress()
	lang, err := learnerLang(a.lang, p)
	if err != nil {
		return usageError{err}
	}
	if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
		return errors.New("the interactive course needs a terminal; for scripts use the subcommands (kanzen --help)")
	}
	target, err := a.target(cmd.Context())
	if err != nil && !errors.Is(err, kube.ErrNoCluster) {
		return err
	}
	noCluster := err
	state, err := userdirs.State()
	if err != nil {
		return err
	}
	saveTo := &store
	if slices.ContainsFunc(notes, func(err error) bool { var newer *progress.NewerError; return errors.As(err, &newer) }) {
		// A newer kanzen's file is left alone: the TUI saves nothing.
		saveTo = nil
	}
	model := tui.New(tui.Options{
		Course: course, Lang: lang, Cluster: target, Progress: p, Store: saveTo,
		StartSandbox: func(ctx context.Context, report func(int, int)) (*kube.Target, error) {
			return startSandbox(ctx, nil, report)
		},
		SandboxBuilt: func() bool { _, built := sandbox.Built(); return built }(),
		ShellDir:     filepath.Join(state, "shell"),
		Shell:        os.Getenv("SHELL"),
		KubectlFor:   kubectlFor,
		NoColor:      os.Getenv("NO_COLOR") != "",
		Notices:      notes,
		Quizzes:      quizzes,
		Grader:       a.tuiGrader(target, noCluster, store),
	})
	program := tea.NewProgram(model, tea.WithContext(cmd.Context()))
	_, err = program.Run()
	if errors.Is(err, tea.ErrProgramKilled) && cmd.Context().Err() != nil {
		return nil
	}
	return err
}

// tuiGrader grades the TUI's quiz answers on the learner's cluster, or
// says why there is none. On a cluster that does not look local the TUI
// asks before the scratch namespace is created and records the answer in
// the progress file, which is read here: nothing is created until the
// learner has agreed.
func (a *app) tuiGrader(target *kube.Target, noCluster error, store progress.Store) *quiz.Grader {
	if target == nil {
		if noCluster == nil {
			noCluster = kube.ErrNoCluster
		}
		return &quiz.Grader{NoCluster: noCluster}
	}
	return &quiz.Grader{
		Target: target,
		BeforeCreate: func(ns string) error {
			p, err := store.Load()
			if err != nil {
				return err
			}
			return a.mayCreate(target, ns, recordedOnly, store, p)
		},
	}
}
