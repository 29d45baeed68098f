package tui

import (
	"slices"
	"strings"

	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/lessons"
)

// quizStage is where the sitting stands.
type quizStage int

const (
	answering quizStage = iota
	// grading: the cluster is judging the answer, in a command.
	grading
	// judged: the verdict is on screen.
	judged
	// finished: every question is answered; the score is on screen.
	finished
)

// widget is how a question is answered on screen.
type widget int

const (
	// pickOne: a single question, a true/false one, or whether a resource
	// is namespaced.
	pickOne widget = iota
	pickSome
	ordering
	sorting
	// typing: a kubectl command, or a word the cluster knows.
	typing
)

func widgetOf(a quiz.Asked) widget {
	switch a.Type {
	case quiz.Multiple:
		return pickSome
	case quiz.Order:
		return ordering
	case quiz.Sort:
		return sorting
	case quiz.Command:
		return typing
	case quiz.Discovery:
		if a.Ask != quiz.AskNamespaced {
			return typing
		}
	}
	return pickOne
}

// quizPane is a sitting of a chapter's quiz or of a review, and the
// answer being put together for its current question.
type quizPane struct {
	run   *quiz.Run
	stage quizStage
	asked quiz.Asked
	// cursor is the chosen choice or item.
	cursor int
	// marked are a multiple question's marked choices.
	marked []bool
	// order is an order question's shown positions, as the learner has
	// arranged them.
	order []int
	// sorted is a sort question's category (an index into Categories)
	// for each shown item; -1 while not sorted.
	sorted []int
	input  textInput
	// problem says why an answer was not taken: it is incomplete, or
	// kanzen refused to run it.
	problem string
	answer  quiz.Answer
	verdict quiz.Verdict
	offset  int
	// declined: the learner would not have the scratch namespace created
	// on a cluster that does not look local; later commands are not sent.
	declined bool
}

func newQuizPane(run *quiz.Run) quizPane {
	p := quizPane{run: run}
	p.next()
	return p
}

func (p *quizPane) open() bool { return p.run != nil }

// typing reports whether keys type into the answer, rather than command.
func (p *quizPane) typing() bool {
	return p.open() && p.stage == answering && widgetOf(p.asked) == typing
}

// next moves to the run's next question, or to the score.
func (p *quizPane) next() {
	asked, ok := p.run.Next()
	if !ok {
		p.stage, p.offset = finished, 0
		return
	}
	*p = quizPane{run: p.run, asked: asked, declined: p.declined}
	n := p.options()
	switch widgetOf(asked) {
	case pickSome:
		p.marked = make([]bool, n)
	case ordering:
		for i := range n {
			p.order = append(p.order, i)
		}
	case sorting:
		p.sorted = slices.Repeat([]int{-1}, n)
	}
}

// options counts what the learner chooses among: choices or items.
func (p *quizPane) options() int {
	a := p.asked
	switch widgetOf(a) {
	case pickOne:
		if a.Type == quiz.Single {
			return len(a.Choices)
		}
		return 2
	case pickSome:
		return len(a.Choices)
	case ordering, sorting:
		return len(a.Shown)
	}
	return 0
}

// labels are the choices or items as shown, in lang.
func (p *quizPane) labels(lang lessons.Lang) []string {
	a := p.asked
	switch a.Type {
	case quiz.Single, quiz.Multiple:
		out := a.ShownItems(lang)
		for k := range out {
			out[k] = strings.TrimSpace(out[k])
		}
		return out
	case quiz.TrueFalse:
		choices := quiz.TrueFalseChoices(lang)
		return choices[:]
	case quiz.Discovery:
		choices := quiz.NamespacedChoices(lang)
		return choices[:]
	case quiz.Order:
		shown := a.ShownItems(lang)
		out := make([]string, len(p.order))
		for k, pos := range p.order {
			out[k] = strings.TrimSpace(shown[pos])
		}
		return out
	case quiz.Sort:
		return a.ShownItems(lang)
	}
	return nil
}

// pick is the answer of choosing the k-th shown choice of a pickOne
// question.
func (p *quizPane) pick(k int) quiz.Answer {
	if p.asked.Type == quiz.Single {
		return p.asked.ChoiceAnswer(k)
	}
	return quiz.Says(k == 0)
}

// prompt goes before a typed answer: a shell's for a command.
func (p *quizPane) prompt() string {
	if p.asked.Type == quiz.Command {
		return "$ "
	}
	return "› "
}

// command is the part of a typed answer that is the kubectl command: its
// first line and the lines a trailing backslash continues it onto.
func (p *quizPane) command() string {
	lines := strings.Split(p.input.Value(), "\n")
	n := 1
	for n < len(lines) && strings.HasSuffix(lines[n-1], `\`) {
		n++
	}
	return strings.Join(lines[:n], "\n")
}

// manifest reports whether the typed command reads a manifest (-f -), so
// that enter starts the manifest's next line instead of sending it.
func (p *quizPane) manifest() bool {
	return p.asked.Type == quiz.Command && quiz.NeedsManifest(p.command())
}
