package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/quiz"
)

// pollEvery is how often the TUI looks whether another kanzen (a quiz in
// another terminal, say) saved progress.
var pollEvery = 2 * time.Second

type (
	// progressStampMsg is the progress file's stamp, as a poll found it.
	progressStampMsg struct {
		stamp progress.Stamp
		err   error
	}
	// progressLoadedMsg is the progress file read again, with the stamp
	// it had before it was read.
	progressLoadedMsg struct {
		progress *progress.Progress
		stamp    progress.Stamp
		err      error
	}
)

// pollProgress reads the progress file's stamp after a while.
func pollProgress(store *progress.Store) tea.Cmd {
	if store == nil {
		return nil
	}
	s := *store
	return tea.Tick(pollEvery, func(time.Time) tea.Msg {
		stamp, err := s.Stamp()
		return progressStampMsg{stamp: stamp, err: err}
	})
}

// loadProgress reads the progress file. The stamp is taken first, so that
// a save while it reads shows as a change at the next poll.
func loadProgress(store progress.Store) tea.Cmd {
	return func() tea.Msg {
		stamp, err := store.Stamp()
		if err != nil {
			return progressLoadedMsg{err: err}
		}
		p, err := store.Load()
		return progressLoadedMsg{progress: p, stamp: stamp, err: err}
	}
}

// stampPolled reloads the progress when another kanzen changed the file.
// While the TUI's own saves are under way it waits: the last of them
// brings the file back as saved, other kanzens' changes included.
func (m Model) stampPolled(msg progressStampMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil || msg.stamp == m.stamp || m.saving > 0 {
		return m, pollProgress(m.opts.Store)
	}
	return m, loadProgress(*m.opts.Store)
}

// progressLoaded takes the progress read again, and polls on.
func (m Model) progressLoaded(msg progressLoadedMsg) (tea.Model, tea.Cmd) {
	if msg.err == nil && m.saving == 0 {
		m.stamp = msg.stamp
		m.adopt(msg.progress)
	}
	return m, pollProgress(m.opts.Store)
}

// progressSaved notes the stamp of the TUI's own save, so that the poll
// does not take it for another kanzen's, and takes the progress as saved
// once no other save of its own is under way.
func (m Model) progressSaved(msg progressSavedMsg) (tea.Model, tea.Cmd) {
	m.saving = max(m.saving-1, 0)
	if msg.err != nil {
		m.notice = msg.err.Error()
		return m, nil
	}
	m.stamp = msg.stamp
	if m.saving == 0 && msg.saved != nil {
		m.adopt(msg.saved)
	}
	return m, nil
}

// adopt replaces the learner's record with p, keeping the chapter list's
// cursor on the entry it was on (the review's entry comes and goes with
// questions due), and ends a review whose next questions another kanzen
// answered.
func (m *Model) adopt(p *progress.Progress) {
	entries := m.homeEntries()
	var was homeEntry
	if m.homeCursor < len(entries) {
		was = entries[m.homeCursor]
	}
	m.progress = p
	for i, e := range m.homeEntries() {
		if e == was {
			m.homeCursor = i
		}
	}
	m.homeCursor = clamp(m.homeCursor, 0, max(len(m.homeEntries())-1, 0))
	if m.quiz.stage == answering && m.answeredElsewhere() {
		m.endReview()
	}
}

// answeredElsewhere reports whether a review of the questions due is
// under way with a question yet to ask that is no longer due: another
// kanzen answered it.
func (m Model) answeredElsewhere() bool {
	p := &m.quiz
	if !p.open() || !p.run.Review() || p.run.Mixed() || p.stage == finished {
		return false
	}
	now := m.now()
	for _, q := range p.run.Questions()[len(p.run.Outcomes()):] {
		if !quiz.IsDue(m.progress.QuizCard(q.Key()), now) {
			return true
		}
	}
	return false
}

// endReview ends the review under way, whose answers are saved already,
// and says why.
func (m *Model) endReview() {
	if m.screen == quizScreen {
		next, _ := m.leaveQuiz()
		*m = next.(Model)
	}
	m.quiz = quizPane{}
	m.notice = reviewAnsweredElsewhere.In(m.lang)
}
