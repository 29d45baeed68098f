package quiz

import (
	"context"
	"math/rand/v2"
	"slices"

	"kanzen.dev/kanzen/lessons"
)

// Run is one sitting: a chapter's quiz, or a review of due questions. It
// holds no IO; Answer grades through a Grader, which a UI may instead call
// itself off its loop and pass the verdict to Record.
type Run struct {
	// Quiz is the chapter's quiz; nil for a review.
	Quiz     *Quiz
	asked    []Asked
	outcomes []Outcome
	// mixed marks a review drawn from every chapter rather than of the
	// questions due.
	mixed bool
}

// Asked is a question as the learner sees it in a run.
type Asked struct {
	*Question
	// Number counts from 1; Count is how many questions the run has.
	Number, Count int
	// Shown is the order an order question's Items, a sort question's
	// Sorted items, or a choice question's Choices are shown in: Shown[k]
	// is the index of the k-th shown. Choices are shuffled too, so that
	// where the right one stands in the content tells nothing.
	Shown []int
}

// Outcome is one answered question.
type Outcome struct {
	Question *Question
	Verdict  Verdict
}

// NewRun starts a chapter's quiz, its questions in the content's order.
// seed fixes how items are shuffled, so that tests can know it.
func NewRun(z *Quiz, seed uint64) *Run {
	r := newRun(z.Questions, seed)
	r.Quiz = z
	return r
}

// NewReview starts a review of questions, such as those Due returns.
func NewReview(questions []*Question, seed uint64) *Run {
	return newRun(questions, seed)
}

// NewMixed starts a mixed review of n questions from every chapter (see
// Mixed). It is saved as a review is.
func NewMixed(quizzes []*Quiz, n int, seed uint64) *Run {
	r := newRun(Mixed(quizzes, n, seed), seed)
	r.mixed = true
	return r
}

func newRun(questions []*Question, seed uint64) *Run {
	rng := rand.New(rand.NewPCG(seed, 0x6b616e7a656e))
	r := &Run{asked: make([]Asked, len(questions))}
	for i, q := range questions {
		a := Asked{Question: q, Number: i + 1, Count: len(questions)}
		switch q.Type {
		case Order:
			a.Shown = shuffled(rng, len(q.Items))
		case Sort:
			a.Shown = shuffled(rng, len(q.Sorted))
		case Single, Multiple:
			a.Shown = rng.Perm(len(q.Choices))
		}
		r.asked[i] = a
	}
	return r
}

// shuffled is a permutation of 0..n-1 that, for n > 1, is not the identity:
// shown in their right order, items would give the answer away.
func shuffled(rng *rand.Rand, n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for n > 1 && slices.IsSorted(p) {
		rng.Shuffle(n, func(i, j int) { p[i], p[j] = p[j], p[i] })
	}
	return p
}

// Review reports whether the run reviews due questions rather than
// sitting a chapter's quiz.
func (r *Run) Review() bool { return r.Quiz == nil }

// Mixed reports whether the run is a mixed review across the chapters.
func (r *Run) Mixed() bool { return r != nil && r.mixed }

// Chapter is the chapter the run asks about; "" for a review, which spans
// them, or for no run at all.
func (r *Run) Chapter() string {
	if r == nil || r.Quiz == nil {
		return ""
	}
	return r.Quiz.Chapter
}

// Next returns the question to answer, or false when the run is over.
func (r *Run) Next() (Asked, bool) {
	if r.Done() {
		return Asked{}, false
	}
	return r.asked[len(r.outcomes)], true
}

// Done reports whether every question is answered.
func (r *Run) Done() bool { return len(r.outcomes) == len(r.asked) }

// Answer grades the answer to the current question and records it. A
// refused answer is not recorded: the same question is asked again.
func (r *Run) Answer(ctx context.Context, g *Grader, a Answer, lang lessons.Lang) Verdict {
	q, ok := r.Next()
	if !ok {
		return Verdict{}
	}
	v := g.Grade(ctx, q.Question, a, lang)
	r.Record(v)
	return v
}

// Record records the verdict on the current question and moves on, unless
// the answer was refused.
func (r *Run) Record(v Verdict) {
	q, ok := r.Next()
	if !ok || v.Refused {
		return
	}
	r.outcomes = append(r.outcomes, Outcome{Question: q.Question, Verdict: v})
}

// Questions lists the run's questions in the order they are asked.
func (r *Run) Questions() []*Question {
	out := make([]*Question, len(r.asked))
	for i, a := range r.asked {
		out[i] = a.Question
	}
	return out
}

// Outcomes are the answered questions so far, in order.
func (r *Run) Outcomes() []Outcome { return slices.Clone(r.outcomes) }

// ShownItems are an order question's items, or a sort question's item
// names, in the order they are shown.
func (a Asked) ShownItems(lang lessons.Lang) []string {
	out := make([]string, len(a.Shown))
	for k, i := range a.Shown {
		switch a.Type {
		case Order:
			out[k] = a.Question.Items[i].In(lang)
		case Sort:
			out[k] = a.Sorted[i].Name
		default:
			out[k] = a.Choices[i].In(lang)
		}
	}
	return out
}

// ChoiceAnswer answers a single or multiple question with positions in
// the shown list (0-based).
func (a Asked) ChoiceAnswer(positions ...int) Answer {
	chosen := make([]int, len(positions))
	for k, pos := range positions {
		chosen[k] = -1
		if pos >= 0 && pos < len(a.Shown) {
			chosen[k] = a.Shown[pos]
		}
	}
	return Choose(chosen...)
}

// OrderAnswer answers an order question with positions in the shown list
// (0-based), in the order the learner puts them.
func (a Asked) OrderAnswer(positions []int) Answer {
	order := make([]int, len(positions))
	for k, pos := range positions {
		order[k] = -1
		if pos >= 0 && pos < len(a.Shown) {
			order[k] = a.Shown[pos]
		}
	}
	return Answer{Order: order}
}
