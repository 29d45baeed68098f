package quiz

import (
	"time"

	"kanzen.dev/kanzen/internal/progress"
)

// Score is a run's result so far.
type Score struct {
	// Correct of Judged answers were right; Skipped could not be judged
	// and count neither way.
	Correct, Judged, Skipped int
	// PassMark is the quiz's; 0 for a review, which has no pass mark.
	PassMark float64
}

// Score counts the run's answers.
func (r *Run) Score() Score {
	s := Score{}
	if r.Quiz != nil {
		s.PassMark = r.Quiz.PassMark
	}
	for _, o := range r.outcomes {
		switch {
		case o.Verdict.Skipped:
			s.Skipped++
		case o.Verdict.Correct:
			s.Correct++
			s.Judged++
		default:
			s.Judged++
		}
	}
	return s
}

// Fraction is Correct / Judged; 0 when nothing was judged.
func (s Score) Fraction() float64 {
	if s.Judged == 0 {
		return 0
	}
	return float64(s.Correct) / float64(s.Judged)
}

// Passed reports whether the score reaches the pass mark. Nothing judged
// is not a pass. The small allowance keeps 4 of 5 a pass at 0.8 whatever
// floating point makes of 0.8 × 5.
func (s Score) Passed() bool {
	return s.Judged > 0 && float64(s.Correct) >= s.PassMark*float64(s.Judged)-1e-9
}

// SaveLatest records the latest answer in the learner's progress at now:
// a judged answer moves its question's card (see Schedule), and the answer
// that finishes a chapter quiz with something judged records its score.
// Called after each answer, it saves the sitting as it goes, so that a
// closed terminal loses nothing.
func (r *Run) SaveLatest(p *progress.Progress, now time.Time) {
	if len(r.outcomes) == 0 {
		return
	}
	if o := r.outcomes[len(r.outcomes)-1]; !o.Verdict.Skipped {
		key := o.Question.Key()
		p.SetQuizCard(key, Schedule(p.QuizCard(key), o.Verdict.Correct, now))
	}
	s := r.Score()
	if r.Quiz == nil || !r.Done() || s.Judged == 0 {
		return
	}
	p.RecordQuiz(r.Quiz.Chapter, progress.QuizRun{Score: s.Correct, Total: s.Judged, Passed: s.Passed(), Time: now})
}
