package tui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/internal/session"
)

// Update handles one message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.seen, m.drawn = m.drawn, &drawnLayouts{}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
	case clusterProbedMsg:
		if msg.target != m.cluster.target {
			return m, nil
		}
		m.cluster.version, m.cluster.err, m.cluster.probed = msg.version, msg.err, true
		if msg.err != nil {
			m.cluster.failures++
			return m, probeCluster(msg.target, reprobeWait(m.cluster.failures))
		}
		m.cluster.failures = 0
		return m, m.lookForExercise()
	case sessionMsg:
		return m.sessionOpened(msg)
	case changedMsg:
		return m.changed(msg)
	case progressSavedMsg:
		if msg.err != nil {
			m.notice = msg.err.Error()
		}
	case sandboxStartedMsg:
		return m, listen(msg.events)
	case sandboxBuildMsg:
		m.sandbox.compiled, m.sandbox.total = msg.compiled, msg.total
		return m, listen(msg.events)
	case sandboxDoneMsg:
		m.sandbox.running, m.sandbox.err = false, msg.err
		if msg.err != nil {
			return m, nil
		}
		m.cluster = clusterState{target: msg.target}
		if m.grader == nil || m.grader.Target == nil {
			// Quiz answers that need a cluster can now be graded too.
			m.grader = &quiz.Grader{Target: msg.target}
		}
		return m, probeCluster(msg.target, 0)
	case quizGradedMsg:
		return m.quizGraded(msg)
	case quizRewordedMsg:
		return m.quizReworded(msg)
	case tea.PasteMsg:
		if m.overlay == noOverlay && m.screen == quizScreen && m.quiz.typing() {
			m.quiz.input.insert(msg.Content)
		}
	case shellDoneMsg:
		if msg.err != nil {
			m.notice = msg.err.Error()
		}
	case tea.MouseWheelMsg:
		return m.wheel(msg), nil
	case tea.MouseClickMsg:
		return m.click(msg)
	case tea.KeyPressMsg:
		m.notice = ""
		return m.key(msg)
	}
	return m, nil
}

// lookForExercise opens the current exercise's session once the cluster
// answers, if the learner had started it before.
func (m *Model) lookForExercise() tea.Cmd {
	p := &m.exercise
	if m.screen != studyScreen || p.ex == nil || !m.clusterUsable() {
		return nil
	}
	if p.phase != notStarted && p.phase != failed {
		return nil
	}
	p.phase = looking
	return openSession(m.cluster.target, p.ex, false)
}

func (m Model) sessionOpened(msg sessionMsg) (tea.Model, tea.Cmd) {
	p := &m.exercise
	waiting := p.phase == looking || p.phase == starting || p.phase == resetting
	if msg.ex != p.ex || m.screen != studyScreen || !waiting {
		// The learner moved on, or came back and asked again: only the
		// answer the pane is waiting for is kept.
		return m, closeSession(msg.session)
	}
	switch {
	case errors.Is(msg.err, session.ErrNotStarted):
		p.phase, p.err = notStarted, nil
		if p.startWhenLooked {
			p.startWhenLooked = false
			return m.startExercise()
		}
		return m, nil
	case msg.err != nil:
		p.phase, p.err = failed, msg.err
		return m, nil
	}
	p.phase, p.err, p.session = watching, nil, msg.session
	p.snapshot = msg.session.Snapshot()
	if said := m.forgottenNotice(msg.forgotten); said != "" {
		m.notice = said
	}
	p.evaluate(m.lang)
	var save tea.Cmd
	if msg.started {
		id, started := p.ex.ID, msg.session.Info.Started
		save = m.saveProgress(func(pr *progress.Progress) { pr.MarkStarted(id, started) })
	}
	return m, tea.Batch(waitForChange(msg.session), save)
}

func (m Model) changed(msg changedMsg) (tea.Model, tea.Cmd) {
	p := &m.exercise
	if msg.session != p.session || msg.update.Closed {
		return m, nil
	}
	if msg.update.Snapshot.Gone {
		// Deleted from elsewhere: what was judged no longer exists.
		p.phase, p.session, p.results, p.gone = notStarted, nil, nil, true
		return m, closeSession(msg.session)
	}
	p.snapshot, p.watchErr = msg.update.Snapshot, msg.update.Err
	p.evaluate(m.lang)
	next := waitForChange(msg.session)
	if check.AllPass(p.results) && exerciseRecord(m.progress, p.ex.ID).Passed == nil {
		id, now := p.ex.ID, msg.at
		return m, tea.Batch(next, m.saveProgress(func(pr *progress.Progress) { pr.MarkPassed(id, now) }))
	}
	return m, next
}

// forgottenNotice tells the learner what a reset removed from their
// kubeconfig, or is empty.
func (m Model) forgottenNotice(f kube.Forgotten) string {
	if len(f.Removed) == 0 {
		return ""
	}
	removed := strings.Join(f.Removed, ", ")
	switch {
	case f.SwitchedTo != "":
		return contextRemovedSwitched.With(removed, f.SwitchedTo).In(m.lang)
	case f.Dangling != "":
		return contextRemovedDangling.With(removed, f.Dangling).In(m.lang)
	}
	return contextRemoved.With(removed).In(m.lang)
}

// saveProgress changes the learner's record now and on disk (in a command).
func (m *Model) saveProgress(change func(*progress.Progress)) tea.Cmd {
	change(m.progress)
	if m.opts.Store == nil {
		return nil
	}
	store := *m.opts.Store
	return func() tea.Msg {
		_, err := store.Update(change)
		return progressSavedMsg{err: err}
	}
}

// goTo moves to a step: the old exercise's watches stop, the new one's
// namespace is looked for, and the position is saved.
func (m *Model) goTo(i int) tea.Cmd {
	i = clamp(i, 0, len(m.steps)-1)
	old := m.exercise.session
	m.screen, m.pos, m.overlay = studyScreen, i, noOverlay
	m.lesson.offset = 0
	m.exercise = exercisePane{ex: m.steps[i].exercise, phase: notStarted}
	m.homeCursor = m.lessonIndex(i)
	s := m.steps[i]
	position := progress.Position{Lesson: s.lesson.ID}
	if s.exercise != nil {
		position.Exercise = s.exercise.ID
	}
	save := m.saveProgress(func(pr *progress.Progress) { pr.Last = position })
	return tea.Batch(closeSession(old), save, m.lookForExercise())
}
