package quiz

import (
	"slices"
	"time"

	"kanzen.dev/kanzen/internal/progress"
)

// Boxes is how many Leitner boxes the review deck has.
const Boxes = 5

// intervals are the days until a question that moved up into box i is
// due again.
var intervals = [Boxes + 1]int{2: 1, 3: 3, 4: 7, 5: 16}

// Schedule moves a question's card after an answer at now, in a quiz or a
// review. A miss puts it in box 1, due at once. A right answer to a due
// question in the deck moves it up a box, due some days later (box 2 the
// next day, then 3, 7 and 16 days), and out of the deck from box 5. A right
// answer to a question not in the deck, or not yet due, leaves it where it
// is: answering again soon after proves little about remembering.
//
// Days are calendar days in now's location, so that a question due
// "tomorrow" is due all of tomorrow, not from the same hour.
func Schedule(c progress.QuizCard, correct bool, now time.Time) progress.QuizCard {
	c.Answered = now
	if !correct {
		c.Last = progress.Missed
		c.Box, c.Due = 1, now
		return c
	}
	c.Last = progress.Correct
	if c.Box == 0 || !IsDue(c, now) {
		return c
	}
	if c.Box >= Boxes {
		c.Box, c.Due = 0, time.Time{}
		return c
	}
	c.Box++
	y, m, d := now.Date()
	c.Due = time.Date(y, m, d+intervals[c.Box], 0, 0, 0, 0, now.Location())
	return c
}

// IsDue reports whether a card is in the review deck and due at now.
func IsDue(c progress.QuizCard, now time.Time) bool {
	return c.Box > 0 && !c.Due.After(now)
}

// Due lists the questions due for review at now, oldest due first, from
// every quiz or from one chapter's. Cards of questions no longer in the
// content are left out.
func Due(quizzes []*Quiz, p *progress.Progress, chapter string, now time.Time) []*Question {
	type due struct {
		q     *Question
		at    time.Time
		order int
	}
	var list []due
	n := 0
	for _, z := range quizzes {
		for _, q := range z.Questions {
			n++
			if chapter != "" && z.Chapter != chapter {
				continue
			}
			if c := p.QuizCard(q.Key()); IsDue(c, now) {
				list = append(list, due{q, c.Due, n})
			}
		}
	}
	slices.SortFunc(list, func(a, b due) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		return a.order - b.order
	})
	out := make([]*Question, len(list))
	for i, d := range list {
		out[i] = d.q
	}
	return out
}
