package quiz

import (
	"strings"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/lessons"
)

// Tone says how a front end sets a line apart.
type Tone int

// The tones of a presentation's lines.
const (
	Plain Tone = iota
	Good
	Bad
	Warn
	Dim
	Title
	// Code is a right answer or a score: text set apart as kubectl's is.
	Code
)

// Line is one line of a verdict or a summary, as data: every front end
// words it the same and styles it its own way. Text may hold inline code
// in backticks, which the front end sets apart or strips.
type Line struct {
	Text string
	Tone Tone
	// Indent is how many cells the line, and what it wraps onto, sits in.
	Indent int
	// Mark goes before the line's first row, in its tone (✓, ✗, ·, !);
	// the rows it wraps onto line up under the text.
	Mark string
	// Item: a list item ("• ..." or "1. ..."), whose wrapped rows line up
	// under its text.
	Item bool
	// Prose: paragraphs of explanation, to be reflowed and wrapped.
	Prose bool
	// Badge follows the text in its own tone: the pass mark's verdict.
	Badge     string
	BadgeTone Tone
	// Result is a command answer's check, which the front end draws as it
	// draws an exercise's.
	Result *check.Result
	// Lesson is the id of the lesson the line names, for the front end to
	// say how to open it.
	Lesson string
}

// Blank reports whether the line separates others.
func (l Line) Blank() bool {
	return l.Text == "" && l.Mark == "" && l.Result == nil && l.Badge == ""
}

// UnsortedMark stands for a sort item the learner has not sorted.
const UnsortedMark = "—"

// Percent rounds a fraction to a whole percentage.
func Percent(f float64) int { return int(f*100 + 0.5) }

// NamespacedChoices are the two answers to whether a resource is
// namespaced, as a learner chooses between them.
func NamespacedChoices(lang lessons.Lang) [2]string {
	return [2]string{answerNamespaced.In(lang), answerClusterScoped.In(lang)}
}

// TrueFalseChoices are the two answers to a true or false question.
func TrueFalseChoices(lang lessons.Lang) [2]string {
	return [2]string{answerTrue.In(lang), answerFalse.In(lang)}
}

// VerdictLines present the verdict on an answer to asked: right or not,
// why, the right answer, the explanation and, from course when there is
// one, the lesson behind it.
func VerdictLines(v Verdict, asked Asked, a Answer, course *lessons.Course, lang lessons.Lang) []Line {
	var out []Line
	switch {
	case v.Refused:
		return []Line{{Mark: "! ", Text: v.Reason, Tone: Warn}, {Indent: 2, Text: TypeAgain.In(lang)}}
	case v.Skipped && v.Reason != "":
		// The reason says it is not graded, and why.
		out = append(out, Line{Mark: "· ", Text: v.Reason, Tone: Warn})
	case v.Skipped:
		out = append(out, Line{Mark: "· ", Text: notGradedVerdict.In(lang), Tone: Warn})
	case v.Correct:
		out = append(out, Line{Mark: "✓ ", Text: rightVerdict.In(lang), Tone: Good})
	default:
		out = append(out, Line{Mark: "✗ ", Text: wrongVerdict.In(lang), Tone: Bad})
	}
	switch {
	case asked.Type == Sort && !v.Correct && !v.Skipped:
		// One misplaced item a line, where the learner put it: easier to
		// read than the engine's sentence, and never wrapped mid-name.
		out = append(out, Line{Indent: 2, Text: misplacedHeading.In(lang), Tone: Warn})
		for _, item := range asked.Sorted {
			if put := a.Sort[item.Name]; put != item.Category {
				where := UnsortedMark
				if put != "" {
					where = put.Name(lang)
				}
				out = append(out, Line{Indent: 4, Text: item.Name + " (" + where + ")", Tone: Warn})
			}
		}
	case v.Reason != "" && !v.Skipped:
		out = append(out, Line{Indent: 2, Text: v.Reason, Tone: Warn})
	}
	for i := range v.Results {
		out = append(out, Line{Indent: 2, Result: &v.Results[i]})
	}
	if want := wantLines(v, asked, lang); !v.Correct && len(want) > 0 {
		out = append(out, Line{}, Line{Text: answerHeading.In(lang), Tone: Title})
		for _, l := range want {
			out = append(out, Line{Indent: 2, Text: l, Tone: Code, Item: true})
		}
	}
	if v.Explain != "" {
		out = append(out, Line{}, Line{Text: v.Explain, Prose: true})
	}
	if course == nil {
		return out
	}
	if _, l := course.Find(v.Lesson); l != nil && l.ID == v.Lesson {
		out = append(out, Line{}, Line{Text: lessonLine.With(l.Title).In(lang), Tone: Dim, Lesson: l.ID})
	}
	return out
}

// wantLines are the right answer, a line each part.
func wantLines(v Verdict, asked Asked, lang lessons.Lang) []string {
	if v.Want == "" {
		return nil
	}
	var want []string
	switch asked.Type {
	case Sort, Multiple, Order:
		want = v.AnswerLines(asked.Type)
	case Discovery:
		want = []string{v.Want}
		if asked.Ask == AskNamespaced {
			choices := NamespacedChoices(lang)
			want = []string{map[string]string{"true": choices[0], "false": choices[1]}[v.Want]}
		}
	default:
		want = strings.Split(v.Want, "\n")
	}
	var out []string
	for _, l := range want {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// SummaryLines present the end of a sitting: the score, the pass mark, and
// what went to review. due is how many questions are due for review now,
// of every chapter; reviewPlace says where the front end keeps the review.
func SummaryLines(run *Run, due int, reviewPlace lessons.Text, lang lessons.Lang) []Line {
	s := run.Score()
	var out []Line
	if run.Done() {
		title := reviewFinished.With()
		if !run.Review() {
			title = quizFinished.With(run.Quiz.Chapter)
		}
		out = append(out, Line{Text: title.In(lang), Tone: Title}, Line{})
	}
	score := scoreLine.With(s.Correct, s.Judged, Percent(s.Fraction())).In(lang)
	if s.Skipped > 0 {
		score += notGradedCount.With(s.Skipped).In(lang)
	}
	out = append(out, Line{Text: score, Tone: Code})
	if !run.Review() && run.Done() {
		badge, tone := NotPassedWord.In(lang), Bad
		if s.Passed() {
			badge, tone = PassedWord.In(lang)+" ✓", Good
		}
		out = append(out, Line{Text: passMark.With(Percent(s.PassMark)).In(lang), Badge: badge, BadgeTone: tone})
	}
	missed := s.Judged - s.Correct
	if missed > 0 {
		out = append(out, Line{}, Line{Text: toReview.With(missed, reviewPlace).In(lang), Tone: Warn})
	}
	if due > 0 && due != missed {
		out = append(out, DueLine(due, lang))
	}
	return out
}

// DueLine says how many questions are due for review now, of every
// chapter.
func DueLine(due int, lang lessons.Lang) Line {
	return Line{Text: dueNow.With(due).In(lang), Tone: Dim}
}
