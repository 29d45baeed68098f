package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"kanzen.dev/kanzen/internal/linequiz"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/internal/textwrap"
)

type quizFlags struct {
	review bool
	// mixed is how many questions a mixed review asks; 0 for none.
	mixed int
	lang  string
	yes   bool
	// seed fixes the shuffles, for tests; 0 takes one from the clock.
	seed uint64
}

func (a *app) quizCommand() *cobra.Command {
	var f quizFlags
	cmd := &cobra.Command{
		Use:   "quiz [CHAPTER]",
		Short: "Take a chapter's quiz, or review missed questions; with no chapter, list the quizzes",
		Long: "quiz asks a chapter's questions in the terminal and grades them; kubectl answers are\n" +
			"graded by the cluster's API server with a dry run that creates nothing. Missed questions\n" +
			"come back for review (--review) after a day, then 3, 7 and 16 days, until you know them.\n" +
			"--mixed N asks N questions drawn from every chapter. With no chapter, --review or\n" +
			"--mixed, it lists the chapters with your scores.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError{fmt.Errorf("%s takes at most one chapter, got %q", cmd.CommandPath(), args)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			chapter := ""
			if len(args) == 1 {
				chapter = args[0]
			}
			if cmd.Flags().Changed("mixed") && (f.mixed < 1 || f.review || chapter != "") {
				return usageError{fmt.Errorf("--mixed takes a number of questions from 1 up, without a chapter or --review")}
			}
			return a.quiz(cmd.Context(), chapter, &f)
		},
	}
	cmd.Flags().BoolVar(&f.review, "review", false, "ask the questions due for review (of CHAPTER, or of every chapter)")
	cmd.Flags().IntVar(&f.mixed, "mixed", 0, "a mixed review: ask N questions drawn from every chapter")
	cmd.Flags().StringVar(&f.lang, "lang", "", "language of the questions: en or ja (default: your last choice, else from $LANG)")
	cmd.Flags().BoolVarP(&f.yes, "yes", "y", false, "do not ask before creating kanzen's scratch namespace on a cluster that does not look local")
	cmd.Flags().Uint64Var(&f.seed, "seed", 0, "shuffle with this seed (for tests)")
	cmd.Flags().MarkHidden("seed")
	return cmd
}

func (a *app) quiz(ctx context.Context, chapter string, f *quizFlags) error {
	course, quizzes, err := builtInQuizzes()
	if err != nil {
		return err
	}
	store, p := a.progress()
	lang, err := learnerLang(f.lang, p)
	if err != nil {
		return usageError{err}
	}
	stdin, ok := a.stdin.(*os.File)
	out := a.stdout
	if f, ok := a.stdout.(*os.File); ok && isTerminal(f) {
		// A terminal would break long lines anywhere, even before a 。.
		out = textwrap.NewWriter(out, terminalWidth(f))
	}
	s := linequiz.New(ctx, lang, course, quizzes, a.stdin, out, !ok || !isTerminal(stdin))
	if chapter != "" && quiz.Find(quizzes, chapter) == nil {
		var have []string
		for _, z := range quizzes {
			have = append(have, z.Chapter)
		}
		return usageError{fmt.Errorf("chapter %q has no quiz; the quizzes are of chapters %s", chapter, strings.Join(have, ", "))}
	}
	now := time.Now()
	var run *quiz.Run
	seed := f.seed
	if seed == 0 {
		seed = uint64(now.UnixNano())
	}
	switch {
	case f.mixed > 0:
		run = quiz.NewMixed(quizzes, f.mixed, seed)
	case f.review:
		due := quiz.Due(quizzes, p, chapter, now)
		if len(due) == 0 {
			s.NothingDue()
			return nil
		}
		run = quiz.NewReview(due, seed)
	case chapter == "":
		s.List(p, now)
		return nil
	default:
		run = quiz.NewRun(quiz.Find(quizzes, chapter), seed)
	}
	g := a.quizGrader(ctx, run, f.yes, store, p)
	s.Header(run)
	saved := p
	// Each answer is saved as it is judged, so that an interrupted sitting
	// loses nothing.
	answered := s.Ask(ctx, run, g, func() {
		q, err := store.Update(func(p *progress.Progress) { run.SaveLatest(p, time.Now()) })
		if err != nil {
			fmt.Fprintf(a.stderr, "kanzen: could not save progress: %v\n", err)
			return
		}
		saved = q
	})
	s.Summary(run, saved)
	switch {
	case ctx.Err() != nil:
		return silentError{ctx.Err()}
	case !answered:
		return fmt.Errorf("the input ended after %d of %d questions; the answers so far are saved", len(run.Outcomes()), len(run.Questions()))
	case !run.Review() && !run.Score().Passed():
		return silentError{errors.New("not passed")}
	}
	return nil
}

// quizGrader connects to the cluster when some question needs it. Without
// one, those questions are skipped with the reason. Before it creates its
// scratch namespace on a cluster that does not look local, kanzen asks, as
// it does for exercises.
func (a *app) quizGrader(ctx context.Context, run *quiz.Run, yes bool, store progress.Store, p *progress.Progress) *quiz.Grader {
	if !slices.ContainsFunc(run.Questions(), (*quiz.Question).NeedsCluster) {
		return nil
	}
	target, err := a.target(ctx)
	if err != nil {
		return &quiz.Grader{NoCluster: err}
	}
	return &quiz.Grader{
		Target:       target,
		BeforeCreate: func(ns string) error { return a.mayCreate(target, ns, agreementOf(yes), store, p) },
	}
}
