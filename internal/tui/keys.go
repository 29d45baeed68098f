package tui

import (
	tea "charm.land/bubbletea/v2"

	"kanzen.dev/kanzen/internal/progress"
)

// key handles a key press for the screen and overlay in front.
func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := msg.String()
	if k == "ctrl+c" {
		return m.quit()
	}
	switch m.overlay {
	case helpOverlay:
		m.overlay = noOverlay
		return m, nil
	case confirmRemoteOverlay, confirmResetOverlay:
		return m.confirm(k)
	}
	if m.screen == quizScreen && m.quiz.typing() {
		// Every printable key types into the answer.
		return m.quizKey(msg)
	}
	switch k {
	case "q":
		return m.quit()
	case "?":
		m.overlay = helpOverlay
		return m, nil
	case "L":
		m.lang = nextLang(m.lang)
		m.exercise.evaluate(m.lang)
		reword := m.relang()
		lang := string(m.lang)
		return m, tea.Batch(reword, m.saveProgress(func(p *progress.Progress) { p.Lang = lang }))
	case "S":
		return m.offerSandbox()
	}
	switch m.screen {
	case homeScreen:
		return m.homeKey(k)
	case quizScreen:
		if !m.quiz.open() {
			return m.leaveQuiz()
		}
		return m.quizKey(msg)
	}
	return m.studyKey(k)
}

func (m Model) homeKey(k string) (tea.Model, tea.Cmd) {
	n := len(m.homeEntries())
	page := max(m.height-3, 1)
	switch k {
	case "up", "k":
		m.homeCursor = max(m.homeCursor-1, 0)
	case "down", "j":
		m.homeCursor = clamp(m.homeCursor+1, 0, n-1)
	case "pgup", "b":
		m.homeCursor = max(m.homeCursor-page, 0)
	case "pgdown", "space", "f":
		m.homeCursor = clamp(m.homeCursor+page, 0, n-1)
	case "home", "g":
		m.homeCursor = 0
	case "end", "G":
		m.homeCursor = max(n-1, 0)
	case "1", "2", "3", "4", "5", "6", "7", "8", "9":
		if i, ok := m.chapterEntry(k); ok {
			m.homeCursor = i
		}
	case "enter", "right", "l":
		if n > 0 {
			return m.openEntry(clamp(m.homeCursor, 0, n-1))
		}
	case "esc":
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

func (m Model) studyKey(k string) (tea.Model, tea.Cmd) {
	p := &m.exercise
	page := max(m.paneHeight()-2, 1)
	switch k {
	case "esc", "c":
		old := p.session
		m.screen, m.exercise = homeScreen, exercisePane{}
		return m, closeSession(old)
	case "Q":
		return m.chapterQuiz()
	case "right", "n":
		if m.pos+1 < len(m.steps) {
			return m, m.goTo(m.pos + 1)
		}
	case "left", "p":
		if m.pos > 0 {
			return m, m.goTo(m.pos - 1)
		}
	case "tab", "shift+tab":
		m.focusExercise = !m.focusExercise
	case "up", "k":
		m.scroll(-1)
	case "down", "j":
		m.scroll(1)
	case "pgup", "b":
		m.scroll(-page)
	case "pgdown", "space", "f":
		m.scroll(page)
	case "home", "g":
		m.scroll(-1 << 20)
	case "end", "G":
		m.scroll(1 << 20)
	}
	if p.ex == nil {
		return m, nil
	}
	id := p.ex.ID
	switch k {
	case "enter":
		return m.startExercise()
	case "h":
		level := min(exerciseRecord(m.progress, id).HintsUsed+1, len(p.ex.Hints))
		m.focusExercise = true
		return m, m.saveProgress(func(pr *progress.Progress) { pr.UseHint(id, level) })
	case "s":
		m.focusExercise = true
		return m, m.saveProgress(func(pr *progress.Progress) { pr.ShowSolution(id) })
	case "r":
		if p.phase == watching || p.phase == failed {
			m.overlay = confirmResetOverlay
		}
	case "!":
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
func (m Model) confirm(k string) (tea.Model, tea.Cmd) {
	question := m.overlay
	var yes bool
	switch k {
	case "y", "Y":
		yes = true
	case "n", "N", "esc", "q":
	default:
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
		if msg.Button == tea.MouseWheelUp {
			m.scrollQuiz("up")
		} else {
			m.scrollQuiz("down")
		}
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
