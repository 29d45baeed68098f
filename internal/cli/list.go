package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"kanzen.dev/kanzen/internal/linequiz"
	"kanzen.dev/kanzen/internal/markdown"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/lessons"
)

// courseOutline is what `kanzen list -o json` prints.
type courseOutline struct {
	Chapters []chapterOutline `json:"chapters"`
}

type chapterOutline struct {
	ID        string          `json:"id"`
	Title     string          `json:"title"`
	Exercises int             `json:"exercises"`
	Passed    int             `json:"passed"`
	Lessons   []lessonOutline `json:"lessons"`
	Quiz      *quizOutline    `json:"quiz,omitempty"`
}

// quizOutline is a chapter's quiz and how the learner did in it.
type quizOutline struct {
	Questions int     `json:"questions"`
	PassMark  float64 `json:"passMark"`
	// Last and Best are absent until the quiz is sat once.
	Last *progress.QuizRun `json:"last,omitempty"`
	Best *progress.QuizRun `json:"best,omitempty"`
	// Due is how many of its questions are due for review.
	Due int `json:"due"`
	// summary is the line kanzen list prints.
	summary string
}

type lessonOutline struct {
	ID        string            `json:"id"`
	Title     string            `json:"title"`
	Exercises []exerciseOutline `json:"exercises"`
}

type exerciseOutline struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Status is "passed", "started" or "new".
	Status    string     `json:"status"`
	Started   *time.Time `json:"started,omitempty"`
	Passed    *time.Time `json:"passed,omitempty"`
	HintsUsed int        `json:"hintsUsed"`
	Solution  bool       `json:"solutionShown"`
}

func outline(course *lessons.Course, quizzes []*quiz.Quiz, p *progress.Progress, lang lessons.Lang, now time.Time) courseOutline {
	var out courseOutline
	for _, ch := range course.Chapters {
		co := chapterOutline{ID: ch.ID, Title: ch.Title.In(lang), Lessons: []lessonOutline{}}
		if z := quiz.Find(quizzes, ch.ID); z != nil {
			qo := &quizOutline{Questions: len(z.Questions), PassMark: z.PassMark, Due: len(quiz.Due(quizzes, p, ch.ID, now))}
			if r, ok := p.QuizResults(ch.ID); ok {
				qo.Last, qo.Best = &r.Last, &r.Best
			}
			qo.summary = linequiz.QuizSummary(lang, z, p, now)
			co.Quiz = qo
		}
		for _, l := range ch.Lessons {
			lo := lessonOutline{ID: l.ID, Title: l.Title.In(lang), Exercises: []exerciseOutline{}}
			for _, ex := range l.Exercises {
				eo := exerciseOutline{ID: ex.ID, Title: ex.Title.In(lang), Status: "new"}
				if rec := p.Exercises[ex.ID]; rec != nil {
					eo.HintsUsed, eo.Solution, eo.Passed = rec.HintsUsed, rec.SolutionShown, rec.Passed
					if !rec.Started.IsZero() {
						started := rec.Started
						eo.Started, eo.Status = &started, "started"
					}
					if rec.Passed != nil {
						eo.Status = "passed"
						co.Passed++
					}
				}
				co.Exercises++
				lo.Exercises = append(lo.Exercises, eo)
			}
			co.Lessons = append(co.Lessons, lo)
		}
		out.Chapters = append(out.Chapters, co)
	}
	return out
}

func (a *app) listCommand() *cobra.Command {
	var output, lang string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the chapters, lessons and exercises, with your progress",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if output != "" && output != "json" {
				return usageError{fmt.Errorf("unknown --output %q: want json", output)}
			}
			course, quizzes, err := builtInQuizzes()
			if err != nil {
				return err
			}
			_, p := a.progress()
			l, err := learnerLang(lang, p)
			if err != nil {
				return usageError{err}
			}
			o := outline(course, quizzes, p, l, time.Now())
			if output == "json" {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(o)
			}
			a.printOutline(o, l)
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "json for a machine-readable list")
	cmd.Flags().StringVar(&lang, "lang", "", "en or ja")
	return cmd
}

func (a *app) printOutline(o courseOutline, lang lessons.Lang) {
	marks := map[string]string{"passed": "✓", "started": "›", "new": "·"}
	for _, ch := range o.Chapters {
		fmt.Fprintf(a.stdout, "%s  %s", ch.ID, ch.Title)
		if ch.Exercises > 0 {
			fmt.Fprintf(a.stdout, "  (%d/%d)", ch.Passed, ch.Exercises)
		}
		fmt.Fprintln(a.stdout)
		if len(ch.Lessons) == 0 {
			fmt.Fprintf(a.stdout, "   %s\n", comingSoon.In(lang))
		}
		for _, l := range ch.Lessons {
			fmt.Fprintf(a.stdout, "   %-28s %s\n", l.ID, l.Title)
			for _, ex := range l.Exercises {
				fmt.Fprintf(a.stdout, "     %s %-5s %s\n", marks[ex.Status], ex.ID, ex.Title)
			}
		}
		if ch.Quiz != nil {
			fmt.Fprintf(a.stdout, "   %-28s %s\n", quizLabel.In(lang), ch.Quiz.summary)
		}
	}
}

func (a *app) lessonCommand() *cobra.Command {
	var lang string
	var width int
	cmd := &cobra.Command{
		Use:   "lesson ID",
		Short: "Print a lesson (by lesson ID, or the ID of one of its exercises), rendered for the terminal",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("%s needs a lesson ID such as shortest-intro, or an exercise ID such as 2.1 (kanzen list shows them)", cmd.CommandPath())}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			course, err := builtInCourse()
			if err != nil {
				return err
			}
			_, l := course.Find(args[0])
			if l == nil {
				return usageError{fmt.Errorf("there is no lesson or exercise %q (kanzen list shows them)", args[0])}
			}
			_, p := a.progress()
			lg, err := learnerLang(lang, p)
			if err != nil {
				return usageError{err}
			}
			out, isFile := a.stdout.(*os.File)
			if !isFile || !isTerminal(out) {
				// Plain text for pipes and files: the Markdown as written.
				fmt.Fprint(a.stdout, strings.TrimRight(l.Body.In(lg), "\n")+"\n")
				return nil
			}
			if width <= 0 {
				width = terminalWidth(out)
			}
			// The terminal is not asked for its background colour: one that
			// does not answer would hold the lesson back for seconds.
			style := markdown.Style(backgroundIsDark(os.Getenv("COLORFGBG")), os.Getenv("NO_COLOR") != "")
			for _, line := range markdown.NewCache().Lines(l, lg, width, style) {
				fmt.Fprintln(a.stdout, line)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "en or ja")
	cmd.Flags().IntVar(&width, "width", 0, "wrap at this many columns (default: the terminal's width, at most 100)")
	return cmd
}
