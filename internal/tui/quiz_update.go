package tui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/internal/session"
)

// relang re-words the verdict on screen when the language changes. The
// content's verdicts are judged again here, which is pure; the cluster's
// are asked for again in a command (kubectl's dry run has no side effects),
// and only the words change: what was recorded stays.
func (m *Model) relang() tea.Cmd {
	p := &m.quiz
	if !p.open() || p.stage != judged {
		return nil
	}
	switch {
	case !p.asked.NeedsCluster():
		var content *quiz.Grader
		p.verdict = content.Grade(context.Background(), p.asked.Question, p.answer, m.lang)
	case p.declined && p.asked.Type == quiz.Command && p.verdict.Skipped:
		p.verdict = m.declinedVerdict()
	default:
		grade := gradeQuiz(m.grader, p.run, p.asked, p.answer, m.lang)
		return func() tea.Msg { return quizRewordedMsg(grade().(quizGradedMsg)) }
	}
	return nil
}

// quizReworded shows the cluster's verdict in the new language, if it is
// still on screen and judges the answer as before.
func (m Model) quizReworded(msg quizRewordedMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	v := msg.verdict
	if msg.run == p.run && p.stage == judged && msg.number == p.asked.Number &&
		v.Correct == p.verdict.Correct && v.Skipped == p.verdict.Skipped && !v.Refused {
		p.verdict = v
	}
	return m, nil
}

// openQuiz starts a chapter's quiz, or goes back to the sitting of it
// under way. A sitting of another quiz keeps the answers it has.
func (m Model) openQuiz(z *quiz.Quiz) (tea.Model, tea.Cmd) {
	if m.quiz.open() && m.quiz.stage != finished && m.quiz.run.Quiz == z {
		return m.showQuiz()
	}
	seed := uint64(m.now().UnixNano())
	m.quiz = newQuizPane(quiz.NewRun(z, seed))
	return m.showQuiz()
}

// openReview asks the questions due for review, of every chapter.
func (m Model) openReview() (tea.Model, tea.Cmd) {
	if m.quiz.open() && m.quiz.stage != finished && m.quiz.run.Review() {
		return m.showQuiz()
	}
	due := quiz.Due(m.opts.Quizzes, m.progress, "", m.now())
	if len(due) == 0 {
		m.notice = quiz.NothingDue.In(m.lang)
		return m, nil
	}
	seed := uint64(m.now().UnixNano())
	m.quiz = newQuizPane(quiz.NewReview(due, seed))
	return m.showQuiz()
}

// showQuiz puts the quiz screen in front; the exercise's watch stops, as
// it does on the chapter list.
func (m Model) showQuiz() (tea.Model, tea.Cmd) {
	old := m.exercise.session
	m.screen, m.overlay, m.exercise = quizScreen, noOverlay, exercisePane{}
	return m, closeSession(old)
}

// chapterQuiz opens the quiz of the chapter being studied, or goes back to
// the sitting under way.
func (m Model) chapterQuiz() (tea.Model, tea.Cmd) {
	if m.quiz.open() && m.quiz.stage != finished {
		return m.showQuiz()
	}
	ch := m.steps[m.pos].chapter
	z := quiz.Find(m.opts.Quizzes, ch.ID)
	if z == nil {
		m.notice = noQuiz.With(ch.ID).In(m.lang)
		return m, nil
	}
	return m.openQuiz(z)
}

// leaveQuiz returns to the chapter list; every answer is saved already.
func (m Model) leaveQuiz() (tea.Model, tea.Cmd) {
	run := m.quiz.run
	m.quiz = quizPane{}
	m.screen, m.overlay = homeScreen, noOverlay
	for i, e := range m.homeEntries() {
		if run != nil && (e.review && run.Review() || e.quiz != nil && e.quiz == run.Quiz) {
			m.homeCursor = i
		}
	}
	m.homeCursor = clamp(m.homeCursor, 0, max(len(m.homeEntries())-1, 0))
	return m, nil
}

// quit ends kanzen; a sitting under way has saved each answer already.
func (m Model) quit() (tea.Model, tea.Cmd) {
	return m, tea.Quit
}

// submitTyped sends a typed answer, unless nothing is typed.
func (m Model) submitTyped() (tea.Model, tea.Cmd) {
	p := &m.quiz
	p.input.trimEnd()
	text := p.input.Value()
	if strings.TrimSpace(text) == "" {
		p.problem = quiz.TypeAnAnswer.In(m.lang)
		return m, nil
	}
	if p.asked.Type != quiz.Command {
		text = strings.TrimSpace(text)
	}
	return m.submitQuiz(quiz.Typed(text))
}

// submitQuiz grades an answer. The content's answers are judged here,
// since that is pure and instant; the cluster judges the others in a
// command, after the learner is asked before kanzen creates its scratch
// namespace on a cluster that does not look local.
func (m Model) submitQuiz(a quiz.Answer) (tea.Model, tea.Cmd) {
	p := &m.quiz
	p.answer, p.problem = a, ""
	q := p.asked
	if !q.NeedsCluster() {
		var content *quiz.Grader // The content alone grades these.
		return m.judge(content.Grade(context.Background(), q.Question, a, m.lang))
	}
	if q.Type == quiz.Command && m.asksBeforeScratch() {
		if p.declined {
			return m.judge(m.declinedVerdict())
		}
		m.overlay = confirmRemoteOverlay
		return m, nil
	}
	p.stage = grading
	return m, gradeQuiz(m.grader, p.run, q, a, m.lang)
}

// asksBeforeScratch reports whether the learner is to be asked before the
// scratch namespace is created: on a cluster that does not look local and
// that they have not agreed to before, as for exercises.
func (m Model) asksBeforeScratch() bool {
	g := m.grader
	return g != nil && g.Target != nil && g.Target.NeedsConsent(m.progress)
}

// scratchNamespace is where command answers are dry-run.
func (m Model) scratchNamespace() string {
	if m.grader != nil && m.grader.Namespace != "" {
		return m.grader.Namespace
	}
	return session.ScratchNamespace
}

// quizConfirmed answers the question about the scratch namespace.
func (m Model) quizConfirmed(yes bool) (tea.Model, tea.Cmd) {
	p := &m.quiz
	if p.stage != answering {
		return m, nil
	}
	if !yes {
		p.declined = true
		return m.judge(m.declinedVerdict())
	}
	context := m.grader.Target.Context
	// The trust is on disk before the grader, which reads it, creates
	// the namespace.
	trust := m.saveProgress(func(pr *progress.Progress) { pr.Trust(context) })
	p.stage = grading
	return m, tea.Sequence(trust, gradeQuiz(m.grader, p.run, p.asked, p.answer, m.lang))
}

// declinedVerdict skips a command answer the learner would not send.
func (m Model) declinedVerdict() quiz.Verdict {
	q := m.quiz.asked
	v := quiz.Verdict{
		Skipped: true, Reason: declinedScratch.With(m.scratchNamespace(), m.grader.Target.Context).In(m.lang),
		Explain: strings.TrimSpace(q.Explain.In(m.lang)), Lesson: q.Lesson,
	}
	if len(q.Examples) > 0 {
		v.Want = quiz.ForExample.With(q.Examples[0]).In(m.lang)
	}
	return v
}

// judge shows a verdict, records it and saves it; a refused answer is
// asked again.
func (m Model) judge(v quiz.Verdict) (tea.Model, tea.Cmd) {
	p := &m.quiz
	if v.Refused {
		p.stage, p.problem = answering, v.Reason+"\n"+quiz.TypeAgain.In(m.lang)
		return m, nil
	}
	p.run.Record(v)
	p.stage, p.verdict, p.offset = judged, v, 0
	run, now := p.run, m.now()
	return m, m.saveProgress(func(pr *progress.Progress) { run.SaveLatest(pr, now) })
}

// quizGraded takes the cluster's verdict, if it is still awaited.
func (m Model) quizGraded(msg quizGradedMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	if msg.run != p.run || p.stage != grading || msg.number != p.asked.Number {
		return m, nil
	}
	return m.judge(msg.verdict)
}

// dueCount is how many questions are due for review now.
func (m Model) dueCount() int {
	if len(m.opts.Quizzes) == 0 {
		return 0
	}
	return len(quiz.Due(m.opts.Quizzes, m.progress, "", m.now()))
}
