package tui

import (
	tea "charm.land/bubbletea/v2"

	"kanzen.dev/kanzen/internal/progress"
)

// key handles a key press for the screen and overlay in front.
func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if m.pressed(msg, interruptKey) {
		return m.quit()
	}
	switch m.overlay {
	case helpOverlay:
		m.overlay = noOverlay
		return m, nil
	case confirmRemoteOverlay, confirmResetOverlay:
		return m.confirm(msg)
	}
	switch {
	case m.pressed(msg, quitKey, quitQuizKey):
		return m.quit()
	case m.pressed(msg, helpKey):
		m.overlay = helpOverlay
		return m, nil
	case m.pressed(msg, langKey):
		m.lang = nextLang(m.lang)
		m.exercise.evaluate(m.lang)
		reword := m.relang()
		lang := string(m.lang)
		return m, tea.Batch(reword, m.saveProgress(func(p *progress.Progress) { p.Lang = lang }))
	case m.pressed(msg, sandboxKey):
		return m.offerSandbox()
	}
	switch m.screen {
	case homeScreen:
		return m.homeKey(msg)
	case quizScreen:
		if !m.quiz.open() {
			return m.leaveQuiz()
		}
		return m.quizKey(msg)
	}
	return m.studyKey(msg)
}

func (m Model) homeKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	n := len(m.homeEntries())
	page := max(m.height-3, 1)
	switch {
	case m.pressed(msg, upKey):
		m.homeCursor = max(m.homeCursor-1, 0)
	case m.pressed(msg, downKey):
		m.homeCursor = clamp(m.homeCursor+1, 0, n-1)
	case m.pressed(msg, pageUpKey):
		m.homeCursor = max(m.homeCursor-page, 0)
	case m.pressed(msg, pageDownKey):
		m.homeCursor = clamp(m.homeCursor+page, 0, n-1)
	case m.pressed(msg, topKey):
		m.homeCursor = 0
	case m.pressed(msg, bottomKey):
		m.homeCursor = max(n-1, 0)
	case m.pressed(msg, chapterKey):
		if i, ok := m.chapterEntry(msg.String()); ok {
			m.homeCursor = i
		}
	case m.pressed(msg, openKey):
		if n > 0 {
			return m.openEntry(clamp(m.homeCursor, 0, n-1))
		}
	case m.pressed(msg, backKey):
		if len(m.steps) > 0 && m.progress.Last.Lesson != "" {
			return m, m.goTo(m.pos)
		}
	}
	return m, nil
}

// chapterEntry is the chapter list position of a chapter's first lesson.
func (m Model) chapterEntry(id string) (int, bool) {
	for c := range m.course.Chapters {
		ch := &m.course.Chapters[c]
		if ch.ID != id || len(ch.Lessons) == 0 {
			continue
		}
		for i, e := range m.homeEntries() {
			if e.lesson == &ch.Lessons[0] {
				return i, true
			}
		}
	}
	return 0, false
}

// openEntry opens the i-th entry of the chapter list.
func (m Model) openEntry(i int) (tea.Model, tea.Cmd) {
	m.homeCursor = i
	switch e := m.homeEntries()[i]; {
	case e.review:
		return m.openReview()
	case e.quiz != nil:
		return m.openQuiz(e.quiz)
	}
	return m, m.goTo(m.firstStepOf(i))
}

func (m Model) studyKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.exercise
	page := max(m.paneHeight()-2, 1)
	switch {
	case m.pressed(msg, chaptersKey):
		old := p.session
		m.screen, m.exercise = homeScreen, exercisePane{}
		return m, closeSession(old)
	case m.pressed(msg, quizKey):
		return m.chapterQuiz()
	case m.pressed(msg, nextStepKey):
		if m.pos+1 < len(m.steps) {
			return m, m.goTo(m.pos + 1)
		}
	case m.pressed(msg, prevStepKey):
		if m.pos > 0 {
			return m, m.goTo(m.pos - 1)
		}
	case m.pressed(msg, focusKey):
		m.focusExercise = !m.focusExercise
	case m.pressed(msg, upKey):
		m.scroll(-1)
	case m.pressed(msg, downKey):
		m.scroll(1)
	case m.pressed(msg, pageUpKey):
		m.scroll(-page)
	case m.pressed(msg, pageDownKey):
		m.scroll(page)
	case m.pressed(msg, topKey):
		m.scroll(-1 << 20)
	case m.pressed(msg, bottomKey):
		m.scroll(1 << 20)
	}
	if p.ex == nil {
		return m, nil
	}
	id := p.ex.ID
	switch {
	case m.pressed(msg, startKey):
		return m.startExercise()
	case m.pressed(msg, hintKey):
		level := min(exerciseRecord(m.progress, id).HintsUsed+1, len(p.ex.Hints))
		m.focusExercise = true
		return m, m.saveProgress(func(pr *progress.Progress) { pr.UseHint(id, level) })
	case m.pressed(msg, solutionKey):
		m.focusExercise = true
		return m, m.saveProgress(func(pr *progress.Progress) { pr.ShowSolution(id) })
	case m.pressed(msg, resetKey):
		if p.phase == watching || p.phase == failed {
			m.overlay = confirmResetOverlay
		}
	case m.pressed(msg, shellKey):
		return m, m.openShell()
	}
	return m, nil
}

// startExercise creates the exercise's namespace, asking first on a
// cluster that does not look local (once per context).
func (m Model) startExercise() (tea.Model, tea.Cmd) {
	p := &m.exercise
	if p.phase == looking {
		p.startWhenLooked = true
		return m, nil
	}
	if (p.phase != notStarted && p.phase != failed) || !m.clusterUsable() {
		return m, nil
	}
	target := m.cluster.target
	if target.NeedsConsent(m.progress) {
		m.overlay = confirmRemoteOverlay
		return m, nil
	}
	p.phase, p.gone = starting, false
	return m, openSession(target, p.ex, true)
}

// confirm answers the question an overlay asks.
func (m Model) confirm(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	question := m.overlay
	yes := m.pressed(msg, yesKey)
	if !yes && !m.pressed(msg, noKey) {
		return m, nil
	}
	m.overlay = noOverlay
	if m.screen == quizScreen && question == confirmRemoteOverlay {
		return m.quizConfirmed(yes)
	}
	if !yes {
		return m, nil
	}
	p := &m.exercise
	if question == confirmRemoteOverlay {
		context := m.cluster.target.Context
		trust := m.saveProgress(func(pr *progress.Progress) { pr.Trust(context) })
		next, start := m.startExercise()
		return next, tea.Batch(trust, start)
	}
	old := p.session
	p.phase, p.session, p.results = resetting, nil, nil
	id := p.ex.ID
	save := m.saveProgress(func(pr *progress.Progress) { pr.Exercise(id).Resets++ })
	return m, tea.Batch(save, resetExercise(m.cluster.target, p.ex, old))
}

// offerSandbox starts kanzen's sandbox when no cluster is configured.
func (m Model) offerSandbox() (tea.Model, tea.Cmd) {
	if !m.sandboxOffered() || m.sandbox.running {
		return m, nil
	}
	m.sandbox = sandboxState{running: true}
	return m, startSandbox(m.opts.StartSandbox)
}

// scroll moves the focused pane.
func (m *Model) scroll(delta int) {
	if m.focusExercise && m.exercise.ex != nil {
		m.exercise.offset = max(m.exercise.offset+delta, 0)
		return
	}
	m.lesson.offset = max(m.lesson.offset+delta, 0)
}

// wheel scrolls the pane under the mouse.
func (m Model) wheel(msg tea.MouseWheelMsg) Model {
	delta := 3
	if msg.Button == tea.MouseWheelUp {
		delta = -3
	}
	switch m.screen {
	case homeScreen:
		m.homeCursor = clamp(m.homeCursor+delta/3, 0, max(len(m.homeEntries())-1, 0))
		return m
	case quizScreen:
		m.scrollQuizBy(delta / 3)
		return m
	}
	if m.twoColumns() {
		m.focusExercise = msg.X >= m.lessonWidth()
	}
	m.scroll(delta)
	return m
}

// click opens a lesson or a quiz in the chapter list, picks a quiz's
// choice, or focuses a pane.
func (m Model) click(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	switch m.screen {
	case homeScreen:
		if i, ok := m.homeEntryAt(msg.Y); ok {
			return m.openEntry(i)
		}
		return m, nil
	case quizScreen:
		if m.overlay != noOverlay || !m.quiz.open() {
			return m, nil
		}
		return m.quizClick(msg)
	}
	if m.twoColumns() {
		m.focusExercise = msg.X >= m.lessonWidth()
	}
	return m, nil
}
