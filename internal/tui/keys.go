package tui

import (
	tea "charm.land/bubbletea/v2"

	"kanzen.dev/kanzen/internal/progress"
)

// key handles a key press for the screen and overlay in front.
func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := msg.String()
	if k == "ctrl+c" {
		return m, tea.Quit
	}
	switch m.overlay {
	case helpOverlay:
		m.overlay = noOverlay
		return m, nil
	case confirmRemoteOverlay, confirmResetOverlay:
		return m.confirm(k)
	}
	switch k {
	case "q":
		return m, tea.Quit
	case "?":
		m.overlay = helpOverlay
		return m, nil
	case "L":
		m.lang = nextLang(m.lang)
		m.exercise.evaluate(m.lang)
		lang := string(m.lang)
		return m, m.saveProgress(func(p *progress.Progress) { p.Lang = lang })
	case "S":
		return m.offerSandbox()
	}
	if m.screen == homeScreen {
		return m.homeKey(k)
	}
	return m.studyKey(k)
}

func (m Model) homeKey(k string) (tea.Model, tea.Cmd) {
	n := len(m.homeLessons())
	switch k {
	case "up", "k":
		m.homeCursor = max(m.homeCursor-1, 0)
	case "down", "j":
		m.homeCursor = clamp(m.homeCursor+1, 0, n-1)
	case "enter", "right", "l":
		if n > 0 {
			return m, m.goTo(m.firstStepOf(m.homeCursor))
		}
	case "esc":
		if len(m.steps) > 0 && m.progress.Last.Lesson != "" {
			return m, m.goTo(m.pos)
		}
	}
	return m, nil
}

func (m Model) studyKey(k string) (tea.Model, tea.Cmd) {
	p := &m.exercise
	page := max(m.paneHeight()-2, 1)
	switch k {
	case "esc", "c":
		old := p.session
		m.screen, m.exercise = homeScreen, exercisePane{}
		return m, closeSession(old)
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
	if !target.LooksLocal() && !m.progress.Trusts(target.Context) {
		m.overlay = confirmRemoteOverlay
		return m, nil
	}
	p.phase = starting
	return m, openSession(target, p.ex, true)
}

// confirm answers the question an overlay asks.
func (m Model) confirm(k string) (tea.Model, tea.Cmd) {
	question := m.overlay
	switch k {
	case "y", "Y":
		m.overlay = noOverlay
	case "n", "N", "esc", "q":
		m.overlay = noOverlay
		return m, nil
	default:
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

// offerSandbox starts kanzen's sandbox unless a cluster already works.
func (m Model) offerSandbox() (tea.Model, tea.Cmd) {
	if m.opts.StartSandbox == nil || m.sandbox.running || m.clusterUsable() {
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
	if m.screen != studyScreen {
		m.homeCursor = clamp(m.homeCursor+delta/3, 0, max(len(m.homeLessons())-1, 0))
		return m
	}
	if m.twoColumns() {
		m.focusExercise = msg.X >= m.lessonWidth()
	}
	m.scroll(delta)
	return m
}

// click opens a lesson in the chapter list, or focuses a pane.
func (m Model) click(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	if m.screen == homeScreen {
		if i, ok := m.homeLessonAt(msg.Y); ok {
			m.homeCursor = i
			return m, m.goTo(m.firstStepOf(i))
		}
		return m, nil
	}
	if m.twoColumns() {
		m.focusExercise = msg.X >= m.lessonWidth()
	}
	return m, nil
}
