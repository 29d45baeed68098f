package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/devcheck"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/lessons"
)

// devCommand holds the commands for content authors and CI.
func (a *app) devCommand() *cobra.Command {
	dev := &cobra.Command{
		Use:   "dev",
		Short: "For content authors and CI: prove exercises on a live cluster, lint the course",
		Args:  cobra.NoArgs,
	}
	dev.AddCommand(a.devCheckCommand(), a.devLintCommand(), a.devAuditCommand())
	return dev
}

func (a *app) devLintCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "lint",
		Short: "Check the built-in course and quizzes: both languages, three hints, solutions, debriefs, no orphan files, no answers given away by length",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := lintCourse(); err != nil {
				lines := strings.Split(err.Error(), "\n")
				for _, line := range lines {
					fmt.Fprintln(a.stdout, line)
				}
				return silentError{fmt.Errorf("%d problems", len(lines))}
			}
			fmt.Fprintln(a.stdout, "the course is clean")
			return nil
		},
	}
}

// lintCourse is every content check that needs no cluster: the course and
// its quizzes.
func lintCourse() error {
	if err := lessons.Lint(content.FS); err != nil {
		return err
	}
	course, err := lessons.Load(content.FS)
	if err != nil {
		return err
	}
	quizzes, err := quiz.Load(content.FS, course)
	if err != nil {
		return err
	}
	problems := []error{quiz.Lint(quizzes)}
	for _, ch := range course.Chapters {
		if quiz.Find(quizzes, ch.ID) == nil {
			problems = append(problems, fmt.Errorf("%s/%s.yaml: file: chapter %s has no quiz", quiz.Dir, ch.ID, ch.ID))
		}
	}
	return errors.Join(problems...)
}

type devCheckFlags struct {
	parallel int
	yes      bool
	timeout  time.Duration
}

func (a *app) devCheckCommand() *cobra.Command {
	var f devCheckFlags
	cmd := &cobra.Command{
		Use:   "check [ID...]",
		Short: "Prove exercises on the cluster: the start fails, the reference solution passes, a reset is clean",
		Long: "For each exercise (all of them without IDs), in a namespace of its own (kz-dev-ID):\n" +
			"start it and confirm its checks fail; run its reference solution and confirm every check\n" +
			"passes; reset it and confirm the namespace is as a fresh start leaves it; delete it.",
		RunE: func(cmd *cobra.Command, ids []string) error {
			return a.devCheck(cmd.Context(), ids, f)
		},
	}
	cmd.Flags().IntVarP(&f.parallel, "parallel", "p", 4, "how many exercises to prove at once")
	cmd.Flags().BoolVarP(&f.yes, "yes", "y", false, "do not ask before creating namespaces on a cluster that does not look local")
	cmd.Flags().DurationVar(&f.timeout, "timeout", 90*time.Second, "how long every check may take to pass after the solution ran")
	return cmd
}

func (a *app) devCheck(ctx context.Context, ids []string, f devCheckFlags) error {
	course, err := builtInCourse()
	if err != nil {
		return err
	}
	exercises, err := pickExercises(course, ids)
	if err != nil {
		return err
	}
	target, err := a.target(ctx)
	if err != nil {
		return err
	}
	store, p := a.progress()
	if err := a.mayCreate(target, devcheck.Namespace("ID"), agreementOf(f.yes), store, p); err != nil {
		return err
	}
	kubectl, err := kubectlFor(target)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "kanzen-dev-check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	opts := devcheck.Options{Kubectl: kubectl, Dir: dir, PassTimeout: f.timeout}
	f.parallel = max(f.parallel, 1)
	fmt.Fprintf(a.stdout, "proving %s on %s (%d at a time)\n", countOf(len(exercises), "exercise"), target.Context, f.parallel)

	began := time.Now()
	reports := make([]devcheck.Report, len(exercises))
	var printing sync.Mutex
	var wg sync.WaitGroup
	slots := make(chan struct{}, f.parallel)
	for i, ex := range exercises {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			reports[i] = devcheck.Prove(ctx, target, ex, opts)
			printing.Lock()
			defer printing.Unlock()
			a.printProof(reports[i])
		})
	}
	wg.Wait()
	failed := 0
	for _, r := range reports {
		if !r.OK() {
			failed++
		}
	}
	fmt.Fprintf(a.stdout, "%s: %d proven, %d failed, in %s\n", countOf(len(reports), "exercise"), len(reports)-failed, failed, time.Since(began).Round(100*time.Millisecond))
	if failed > 0 {
		return silentError{errors.New("some exercises failed")}
	}
	return nil
}

func (a *app) printProof(r devcheck.Report) {
	took := r.Duration.Round(100 * time.Millisecond)
	if r.OK() {
		fmt.Fprintf(a.stdout, "✓ %-5s start %s · solution %s · reset clean   %s\n", r.Exercise, tally(r.Start), tally(r.Solution), took)
		return
	}
	fmt.Fprintf(a.stdout, "✗ %-5s %s: %v   %s\n", r.Exercise, r.Failed, r.Err, took)
	switch r.Failed {
	case devcheck.StageStart:
		fmt.Fprint(a.stdout, devcheck.Describe(r.Start))
	case devcheck.StageSolution:
		fmt.Fprint(a.stdout, devcheck.Describe(r.Solution))
	}
}

// tally is "2/6 pass", of the checks this cluster can judge.
func tally(rs []check.Result) string {
	passed, judged := check.Tally(rs)
	return fmt.Sprintf("%d/%d pass", passed, judged)
}

// pickExercises returns the exercises named, or all of them.
func pickExercises(course *lessons.Course, ids []string) ([]*lessons.Exercise, error) {
	if len(ids) == 0 {
		return course.AllExercises(), nil
	}
	var out []*lessons.Exercise
	for _, id := range ids {
		ex := course.Exercise(id)
		if ex == nil {
			return nil, usageError{fmt.Errorf("there is no exercise %q", id)}
		}
		out = append(out, ex)
	}
	return out, nil
}
