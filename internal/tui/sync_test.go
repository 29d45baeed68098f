package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"kanzen.dev/kanzen/internal/progress"
)

// poll delivers one poll of the progress file and, when it finds a
// change, the progress read again.
func poll(t *testing.T, m Model) Model {
	t.Helper()
	stamp, err := m.opts.Store.Stamp()
	next, cmd := m.Update(progressStampMsg{stamp: stamp, err: err})
	if cmd == nil {
		t.Fatal("the poll stopped")
	}
	if loaded, ok := cmd().(progressLoadedMsg); ok {
		next, _ = next.Update(loaded)
	}
	return next.(Model)
}

// missAll saves a missed answer to each question, as another kanzen
// would, and passes exercise 2.1; it returns how many questions there are.
func missAll(t *testing.T, s *progress.Store) int {
	t.Helper()
	n := 0
	_, err := s.Update(func(p *progress.Progress) {
		for _, z := range quizzes(t, course(t)) {
			for _, q := range z.Questions {
				n++
				p.SetQuizCard(q.Key(), progress.QuizCard{Box: 1, Due: quizNow.Add(-time.Hour), Last: progress.Missed})
			}
		}
		p.MarkPassed("2.1", quizNow)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestProgressSavedByAnotherKanzenShowsInTheChapterList(t *testing.T) {
	s := store(t)
	m := newModel(t, Options{Store: s, Now: func() time.Time { return quizNow }}, 100, 30)
	if strings.Contains(viewText(m), "Review ·") {
		t.Fatalf("a review before anything was missed:\n%s", viewText(m))
	}
	m = keys(t, m, "down")
	on := m.homeEntries()[m.homeCursor]
	due := missAll(t, s)
	m = poll(t, m)
	home := viewText(m)
	if !strings.Contains(home, fmt.Sprintf("Review · %d due", due)) || !strings.Contains(home, "✓ 2.1") {
		t.Fatalf("the chapter list did not take in the other kanzen's progress:\n%s", home)
	}
	if m.homeEntries()[m.homeCursor] != on {
		t.Fatal("the review's new entry moved the cursor off its entry")
	}
	// The TUI's own saves are not taken for another kanzen's.
	m = keys(t, m, "L")
	if next, cmd := m.Update(progressStampMsg{stamp: m.stamp}); cmd == nil {
		t.Fatal("the poll stopped")
	} else if _, loads := cmd().(progressLoadedMsg); loads || next.(Model).progress != m.progress {
		t.Fatal("the TUI's own save was read back as another kanzen's")
	}
}

func TestAReviewEndsWhenAnotherKanzenAnswersItsQuestions(t *testing.T) {
	s := store(t)
	due := missAll(t, s)
	p, _ := s.Load()
	m := newModel(t, Options{Store: s, Progress: p, Now: func() time.Time { return quizNow }}, 100, 30)
	m = poll(t, m)
	m = keys(t, m, "g", "enter")
	if !m.quiz.open() || !m.quiz.run.Review() {
		t.Fatalf("no review:\n%s", viewText(m))
	}
	// Another kanzen answers the question on screen.
	key := m.quiz.asked.Key()
	if _, err := s.Update(func(p *progress.Progress) {
		p.SetQuizCard(key, progress.QuizCard{Box: 2, Due: quizNow.Add(24 * time.Hour), Last: progress.Correct})
	}); err != nil {
		t.Fatal(err)
	}
	m = poll(t, m)
	if m.quiz.open() || m.screen != homeScreen {
		t.Fatalf("the review still asks a question answered elsewhere:\n%s", viewText(m))
	}
	if s := viewText(m); !strings.Contains(s, "Another kanzen answered") || !strings.Contains(s, fmt.Sprintf("Review · %d due", due-1)) {
		t.Fatalf("no word on why the review ended, or the wrong count:\n%s", s)
	}
}
