package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/sandbox"
	"kanzen.dev/kanzen/internal/tui"
	"kanzen.dev/kanzen/lessons"
)

// runTUI opens the interactive course. With no cluster configured it starts
// the sandbox first, so a fresh machine needs nothing else.
func (a *app) runTUI(cmd *cobra.Command, _ []string) error {
	course, err := lessons.Load(content.FS)
	if err != nil {
		return fmt.Errorf("the built-in course is invalid: %w", err)
	}
	lang, err := pickLang(a.lang)
	if err != nil {
		return usageError{err}
	}
	if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
		return errors.New("the interactive course needs a terminal; for scripts use the subcommands (kanzen --help)")
	}
	target, err := a.clusterOrSandbox(cmd.Context())
	if err != nil {
		return err
	}
	program := tea.NewProgram(tui.New(tui.Options{Course: course, Lang: lang, Cluster: target}), tea.WithContext(cmd.Context()))
	_, err = program.Run()
	if errors.Is(err, tea.ErrProgramKilled) && cmd.Context().Err() != nil {
		return nil
	}
	return err
}

// clusterOrSandbox resolves the cluster like kubectl; when none is configured
// and none was asked for, it brings up the sandbox and uses that.
func (a *app) clusterOrSandbox(ctx context.Context) (*kube.Target, error) {
	target, err := kube.Load(a.cluster)
	if err == nil {
		return target, nil
	}
	if !errors.Is(err, kube.ErrNoCluster) || a.cluster.Kubeconfig != "" || a.cluster.Context != "" {
		return nil, err
	}
	fmt.Fprintf(a.stderr, "%v: starting kanzen's sandbox instead.\n", err)
	bins, err := a.ensureBinaries(ctx, "")
	if err != nil {
		return nil, err
	}
	s := &sandbox.Sandbox{Name: sandbox.DefaultName, Bins: bins, Log: a.stderr}
	st, err := s.Up(ctx)
	if err != nil {
		return nil, err
	}
	return kube.Load(kube.Options{Kubeconfig: st.Kubeconfig})
}

// pickLang takes --lang, else the LANG environment, else English.
func pickLang(flag string) (lessons.Lang, error) {
	if flag != "" {
		for _, l := range lessons.Langs {
			if string(l) == flag {
				return l, nil
			}
		}
		return "", fmt.Errorf("unknown --lang %q: want en or ja", flag)
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(env); v != "" {
			if strings.HasPrefix(v, "ja") {
				return lessons.Japanese, nil
			}
			return lessons.English, nil
		}
	}
	return lessons.English, nil
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
