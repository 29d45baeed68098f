package quiz

import (
	"testing"
	"time"

	"kanzen.dev/kanzen/internal/progress"
)

// clock is an injected time: a Tuesday evening in Tokyo.
var (
	tokyo = time.FixedZone("JST", 9*60*60)
	tue   = time.Date(2026, 11, 3, 21, 30, 0, 0, tokyo)
)

func day(n int) time.Time { return tue.AddDate(0, 0, n) }

func TestAMissGoesToBoxOneDueAtOnce(t *testing.T) {
	for _, before := range []progress.QuizCard{{}, {Box: 4, Due: day(5)}, {Box: 5, Due: day(-1)}} {
		c := Schedule(before, false, tue)
		if c.Box != 1 || !c.Due.Equal(tue) || !IsDue(c, tue) || c.Last != progress.Missed || !c.Answered.Equal(tue) {
			t.Errorf("after a miss from %+v: %+v", before, c)
		}
	}
}

func TestARightReviewMovesUpABox(t *testing.T) {
	c := Schedule(progress.QuizCard{}, false, day(-1))
	// Yesterday's miss is due today.
	if !IsDue(c, tue) {
		t.Fatalf("yesterday's miss is not due today: %+v", c)
	}
	midnight := func(n int) time.Time { return time.Date(2026, 11, 3+n, 0, 0, 0, 0, tokyo) }
	for box, days := range map[int]int{2: 1, 3: 3, 4: 7, 5: 16} {
		before := progress.QuizCard{Box: box - 1, Due: day(-1)}
		c := Schedule(before, true, tue)
		if c.Box != box || !c.Due.Equal(midnight(days)) || c.Last != progress.Correct {
			t.Errorf("right in box %d: %+v, want box %d due %v", box-1, c, box, midnight(days))
		}
	}
	// Box 2 is due all of tomorrow, from its first minute.
	c = Schedule(progress.QuizCard{Box: 1, Due: tue}, true, tue)
	if IsDue(c, midnight(1).Add(-time.Minute)) || !IsDue(c, midnight(1).Add(time.Minute)) {
		t.Errorf("box 2 due %v", c.Due)
	}
}

func TestRightInBoxFiveLeavesTheDeck(t *testing.T) {
	c := Schedule(progress.QuizCard{Box: 5, Due: day(-2)}, true, tue)
	if c.Box != 0 || !c.Due.IsZero() || IsDue(c, day(100)) {
		t.Errorf("after box 5: %+v", c)
	}
}

func TestRightButNotDueOrNotInTheDeckStays(t *testing.T) {
	for _, before := range []progress.QuizCard{{}, {Box: 3, Due: day(2)}} {
		c := Schedule(before, true, tue)
		if c.Box != before.Box || !c.Due.Equal(before.Due) || c.Last != progress.Correct {
			t.Errorf("right from %+v: %+v", before, c)
		}
	}
}

func TestDueListsOldestFirstAndFiltersByChapter(t *testing.T) {
	z := load(t)
	three := &Quiz{Chapter: "3", Questions: []*Question{{Chapter: "3", ID: "a"}}}
	quizzes := []*Quiz{three, z}
	p := progress.New()
	p.SetQuizCard("4/sort-some", progress.QuizCard{Box: 1, Due: day(-1)})
	p.SetQuizCard("4/pod-category", progress.QuizCard{Box: 2, Due: day(-3)})
	p.SetQuizCard("4/pv-namespaced", progress.QuizCard{Box: 3, Due: day(2)})
	p.SetQuizCard("4/run-web", progress.QuizCard{Box: 0, Last: progress.Correct})
	p.SetQuizCard("3/a", progress.QuizCard{Box: 1, Due: day(-1)})
	p.SetQuizCard("4/gone", progress.QuizCard{Box: 1, Due: day(-9)})
	keys := func(qs []*Question) []string {
		var out []string
		for _, q := range qs {
			out = append(out, q.Key())
		}
		return out
	}
	if got := keys(Due(quizzes, p, "", tue)); len(got) != 3 || got[0] != "4/pod-category" || got[1] != "3/a" || got[2] != "4/sort-some" {
		t.Errorf("due across chapters: %v", got)
	}
	if got := keys(Due(quizzes, p, "4", tue)); len(got) != 2 || got[0] != "4/pod-category" {
		t.Errorf("due in chapter 4: %v", got)
	}
	if got := keys(Due(quizzes, p, "", day(2))); len(got) != 4 {
		t.Errorf("due in two days: %v", got)
	}
}
