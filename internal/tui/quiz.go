package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// quizStage is where the sitting stands.
type quizStage int

const (
	answering quizStage = iota
	// grading: the cluster is judging the answer, in a command.
	grading
	// judged: the verdict is on screen.
	judged
	// finished: every question is answered; the score is on screen.
	finished
)

// widget is how a question is answered on screen.
type widget int

const (
	// pickOne: a single question, a true/false one, or whether a resource
	// is namespaced.
	pickOne widget = iota
	pickSome
	ordering
	sorting
	// typing: a kubectl command, or a word the cluster knows.
	typing
)

func widgetOf(a quiz.Asked) widget {
	switch a.Type {
	case quiz.Multiple:
		return pickSome
	case quiz.Order:
		return ordering
	case quiz.Sort:
		return sorting
	case quiz.Command:
		return typing
	case quiz.Discovery:
		if a.Ask != quiz.AskNamespaced {
			return typing
		}
	}
	return pickOne
}

// quizPane is a sitting of a chapter's quiz or of a review, and the
// answer being put together for its current question.
type quizPane struct {
	run   *quiz.Run
	stage quizStage
	asked quiz.Asked
	// cursor is the chosen choice or item.
	cursor int
	// marked are a multiple question's marked choices.
	marked []bool
	// order is an order question's shown positions, as the learner has
	// arranged them.
	order []int
	// sorted is a sort question's category (an index into Categories)
	// for each shown item; -1 while not sorted.
	sorted []int
	input  textInput
	// problem says why an answer was not taken: it is incomplete, or
	// kanzen refused to run it.
	problem string
	answer  quiz.Answer
	verdict quiz.Verdict
	offset  int
	// declined: the learner would not have the scratch namespace created
	// on a cluster that does not look local; later commands are not sent.
	declined bool
}

func newQuizPane(run *quiz.Run) quizPane {
	p := quizPane{run: run}
	p.next()
	return p
}

func (p *quizPane) open() bool { return p.run != nil }

// typing reports whether keys type into the answer, rather than command.
func (p *quizPane) typing() bool {
	return p.open() && p.stage == answering && widgetOf(p.asked) == typing
}

// next moves to the run's next question, or to the score.
func (p *quizPane) next() {
	asked, ok := p.run.Next()
	if !ok {
		p.stage, p.offset = finished, 0
		return
	}
	*p = quizPane{run: p.run, asked: asked, declined: p.declined}
	n := p.options()
	switch widgetOf(asked) {
	case pickSome:
		p.marked = make([]bool, n)
	case ordering:
		for i := range n {
			p.order = append(p.order, i)
		}
	case sorting:
		p.sorted = slices.Repeat([]int{-1}, n)
	}
}

// options counts what the learner chooses among: choices or items.
func (p *quizPane) options() int {
	a := p.asked
	switch widgetOf(a) {
	case pickOne:
		if a.Type == quiz.Single {
			return len(a.Choices)
		}
		return 2
	case pickSome:
		return len(a.Choices)
	case ordering, sorting:
		return len(a.Shown)
	}
	return 0
}

// labels are the choices or items as shown, in lang.
func (p *quizPane) labels(lang lessons.Lang, qw quizWords) []string {
	a := p.asked
	switch a.Type {
	case quiz.Single, quiz.Multiple:
		out := a.ShownItems(lang)
		for k := range out {
			out[k] = strings.TrimSpace(out[k])
		}
		return out
	case quiz.TrueFalse:
		choices := quiz.TrueFalseChoices(lang)
		return choices[:]
	case quiz.Discovery:
		choices := quiz.NamespacedChoices(lang)
		return choices[:]
	case quiz.Order:
		shown := a.ShownItems(lang)
		out := make([]string, len(p.order))
		for k, pos := range p.order {
			out[k] = strings.TrimSpace(shown[pos])
		}
		return out
	case quiz.Sort:
		return a.ShownItems(lang)
	}
	return nil
}

// pick is the answer of choosing the k-th shown choice of a pickOne
// question.
func (p *quizPane) pick(k int) quiz.Answer {
	if p.asked.Type == quiz.Single {
		return p.asked.ChoiceAnswer(k)
	}
	return quiz.Says(k == 0)
}

// prompt goes before a typed answer: a shell's for a command.
func (p *quizPane) prompt() string {
	if p.asked.Type == quiz.Command {
		return "$ "
	}
	return "› "
}

// command is the part of a typed answer that is the kubectl command: its
// first line and the lines a trailing backslash continues it onto.
func (p *quizPane) command() string {
	lines := strings.Split(p.input.Value(), "\n")
	n := 1
	for n < len(lines) && strings.HasSuffix(lines[n-1], `\`) {
		n++
	}
	return strings.Join(lines[:n], "\n")
}

// manifest reports whether the typed command reads a manifest (-f -), so
// that enter starts the manifest's next line instead of sending it.
func (p *quizPane) manifest() bool {
	return p.asked.Type == quiz.Command && quiz.NeedsManifest(p.command())
}

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

// missed counts the answers judged wrong: they go to the review deck.
func (p *quizPane) missed() int {
	n := 0
	for _, o := range p.run.Outcomes() {
		if !o.Verdict.Skipped && !o.Verdict.Correct {
			n++
		}
	}
	return n
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
		m.notice = m.qwords().nothingDue
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
		m.notice = fmt.Sprintf(m.qwords().noQuiz, ch.ID)
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

// quizKey handles a key on the quiz screen.
func (m Model) quizKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	k := msg.String()
	if k == "esc" {
		return m.leaveQuiz()
	}
	switch p.stage {
	case grading:
		return m, nil
	case judged:
		return m.judgedKey(k)
	case finished:
		if k == "enter" {
			return m.leaveQuiz()
		}
		m.scrollQuiz(k)
		return m, nil
	}
	n := p.options()
	number := 0
	if len(k) == 1 && k[0] >= '1' && k[0] <= '9' {
		number = int(k[0] - '0')
	}
	switch widgetOf(p.asked) {
	case typing:
		return m.typingKey(msg)
	case pickOne:
		switch {
		case k == "enter":
			return m.submitQuiz(p.pick(p.cursor))
		case number >= 1 && number <= n:
			p.cursor = number - 1
			return m.submitQuiz(p.pick(p.cursor))
		}
	case pickSome:
		switch {
		case k == "space" || k == "x":
			p.marked[p.cursor] = !p.marked[p.cursor]
			return m, nil
		case number >= 1 && number <= n:
			p.cursor = number - 1
			p.marked[p.cursor] = !p.marked[p.cursor]
			return m, nil
		case k == "enter":
			var chosen []int
			for i, on := range p.marked {
				if on {
					chosen = append(chosen, i)
				}
			}
			if len(chosen) == 0 {
				p.problem = m.qwords().markOne
				return m, nil
			}
			return m.submitQuiz(p.asked.ChoiceAnswer(chosen...))
		}
	case ordering:
		c := p.cursor
		switch k {
		case "shift+up", "K":
			if c > 0 {
				p.order[c], p.order[c-1] = p.order[c-1], p.order[c]
				p.cursor--
			}
			return m, nil
		case "shift+down", "J":
			if c+1 < n {
				p.order[c], p.order[c+1] = p.order[c+1], p.order[c]
				p.cursor++
			}
			return m, nil
		case "enter":
			return m.submitQuiz(p.asked.OrderAnswer(p.order))
		}
	case sorting:
		cats := len(p.asked.Categories)
		c := p.cursor
		switch {
		case k == "right" || k == "l":
			p.sorted[c] = (p.sorted[c] + 1) % cats
			return m, nil
		case k == "left" || k == "h":
			if p.sorted[c] <= 0 {
				p.sorted[c] = cats - 1
			} else {
				p.sorted[c]--
			}
			return m, nil
		case number >= 1 && number <= cats:
			// A number sorts the item and goes on to the next, so that a
			// list is sorted with one key per item.
			p.sorted[c] = number - 1
			p.cursor = min(c+1, n-1)
			return m, nil
		case k == "enter":
			left := 0
			sorted := map[string]quiz.Category{}
			for i, cat := range p.sorted {
				if cat < 0 {
					left++
					continue
				}
				sorted[p.asked.Sorted[p.asked.Shown[i]].Name] = p.asked.Categories[cat]
			}
			if left > 0 {
				p.problem = fmt.Sprintf(m.qwords().sortAll, left)
				return m, nil
			}
			return m.submitQuiz(quiz.Answer{Sort: sorted})
		}
	}
	// Keys every widget shares: moving the cursor, and scrolling.
	switch k {
	case "up", "k":
		p.cursor = max(p.cursor-1, 0)
	case "down", "j", "tab":
		p.cursor = clamp(p.cursor+1, 0, max(n-1, 0))
	case "shift+tab":
		p.cursor = max(p.cursor-1, 0)
	default:
		m.scrollQuiz(k)
	}
	return m, nil
}

// typingKey edits a typed answer, or sends it.
func (m Model) typingKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	command := p.asked.Type == quiz.Command
	switch k := msg.String(); k {
	case "ctrl+d", "ctrl+s":
		return m.submitTyped()
	case "alt+enter", "ctrl+j", "shift+enter":
		if command {
			p.input.newline()
		}
	case "enter":
		line := strings.TrimSpace(string(p.input.line()))
		last := p.input.row+1 == len(p.input.lines)
		switch {
		case command && strings.HasSuffix(line, `\`):
			p.input.newline()
		case p.manifest() && (line != "." || !last):
			// A last line holding only a dot ends the manifest, as in
			// kanzen quiz; until then enter starts its next line.
			p.input.newline()
		default:
			return m.submitTyped()
		}
	case "pgup", "pgdown":
		m.scrollQuiz(k)
	case "tab":
		// YAML indents with spaces.
		p.input.insert("  ")
	default:
		before := p.input.Value()
		if !p.input.key(k) && msg.Text != "" {
			p.input.insert(msg.Text)
		}
		if p.input.Value() != before {
			// What was wrong with the answer is being put right.
			p.problem = ""
		}
	}
	return m, nil
}

// submitTyped sends a typed answer, unless nothing is typed.
func (m Model) submitTyped() (tea.Model, tea.Cmd) {
	p := &m.quiz
	p.input.trimEnd()
	text := p.input.Value()
	if strings.TrimSpace(text) == "" {
		p.problem = m.qwords().typeSomething
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
	return g != nil && g.Target != nil && !g.Target.LooksLocal() && !m.progress.Trusts(g.Target.Context)
}

// scratchNamespace is where command answers are dry-run.
func (m Model) scratchNamespace() string {
	if m.grader != nil && m.grader.Namespace != "" {
		return m.grader.Namespace
	}
	return workspace.ScratchNamespace
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
	q, qw := m.quiz.asked, m.qwords()
	v := quiz.Verdict{
		Skipped: true, Reason: fmt.Sprintf(qw.declined, m.scratchNamespace(), m.grader.Target.Context),
		Explain: strings.TrimSpace(q.Explain.In(m.lang)), Lesson: q.Lesson,
	}
	if len(q.Examples) > 0 {
		v.Want = qw.forExample + q.Examples[0]
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

// judgedKey handles a key while a verdict is on screen.
func (m Model) judgedKey(k string) (tea.Model, tea.Cmd) {
	p := &m.quiz
	switch k {
	case "enter", "n", "right":
		p.next()
	case "l":
		for i, s := range m.steps {
			if s.lesson.ID == p.verdict.Lesson {
				cmd := m.goTo(i)
				m.notice = m.qwords().paused
				return m, cmd
			}
		}
	default:
		m.scrollQuiz(k)
	}
	return m, nil
}

// scrollQuiz scrolls the quiz screen for a scrolling key.
func (m *Model) scrollQuiz(k string) {
	page := max(m.height-6, 1)
	delta := map[string]int{"up": -1, "k": -1, "down": 1, "j": 1, "pgup": -page, "b": -page,
		"pgdown": page, "space": page, "f": page, "home": -1 << 20, "g": -1 << 20, "end": 1 << 20, "G": 1 << 20}[k]
	if delta == 0 {
		return
	}
	lines, _, offset := m.quizLayout(m.width, m.quizBoxHeight())
	m.quiz.offset = clamp(offset+delta, 0, max(len(lines)-(m.quizBoxHeight()-2), 0))
}

// quizBoxHeight is the height of the quiz screen's box: the screen but
// the header, the notice and the footer.
func (m Model) quizBoxHeight() int {
	w, h := max(m.width, 1), max(m.height, 1)
	return max(h-2-len(m.noticeLines(w, h)), 0)
}

// quizWrap is how wide the quiz's text runs: the box's inside, but no
// wider than reads well.
func quizWrap(w int) int { return clamp(w-4, 1, 100) }

// quizLayout is the quiz box's content for a screen width and box height,
// the choice or item each line picks (-1 for none), and the first line
// shown: the learner's offset, moved so that the cursor stays in view.
func (m Model) quizLayout(w, h int) (lines []string, targets []int, offset int) {
	lines, targets, focus := m.quiz.content(&m, quizWrap(w))
	inner := max(h-2, 0)
	offset = m.quiz.offset
	if focus >= 0 && inner > 0 {
		offset = clamp(offset, focus-inner+1, focus)
	}
	offset = clamp(offset, 0, max(len(lines)-inner, 0))
	return lines, targets, offset
}

// quizBox draws the quiz screen's box.
func (m Model) quizBox(w, h int) []string {
	lines, _, offset := m.quizLayout(w, h)
	visible, _ := window(lines, offset, max(h-2, 0))
	return box(m.quizTitle(), visible, w, h, true, m.styles())
}

// quizTitle is the question's number and the score so far.
func (m Model) quizTitle() string {
	p, qw := &m.quiz, m.qwords()
	count := len(p.run.Questions())
	n := min(len(p.run.Outcomes())+1, count)
	if p.stage == judged || p.stage == finished {
		n = len(p.run.Outcomes())
	}
	title := fmt.Sprintf(qw.question, n, count)
	s := p.run.Score()
	if s.Judged > 0 {
		title += " · " + fmt.Sprintf(qw.score, s.Correct, s.Judged)
	}
	if s.Skipped > 0 {
		title += " · " + fmt.Sprintf(qw.notGraded, s.Skipped)
	}
	return title
}

// quizClick picks the choice or item under the mouse.
func (m Model) quizClick(msg tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	p := &m.quiz
	if p.stage != answering || widgetOf(p.asked) == typing {
		return m, nil
	}
	_, targets, offset := m.quizLayout(m.width, m.quizBoxHeight())
	// The header is row 0 and the box's top edge row 1.
	i := msg.Y - 2 + offset
	if msg.Y < 2 || msg.Y >= m.quizBoxHeight() || i < 0 || i >= len(targets) || targets[i] < 0 {
		return m, nil
	}
	p.cursor = targets[i]
	switch widgetOf(p.asked) {
	case pickOne:
		return m.submitQuiz(p.pick(p.cursor))
	case pickSome:
		p.marked[p.cursor] = !p.marked[p.cursor]
	}
	return m, nil
}

// content is the quiz box's lines for a width, the choice or item each
// line picks (-1 for none), and the line to keep in view (-1 for none).
func (p *quizPane) content(m *Model, w int) (lines []string, targets []int, focus int) {
	st, qw, lang := m.styles(), m.qwords(), m.lang
	focus = -1
	add := func(target int, s ...string) {
		for _, l := range s {
			lines = append(lines, l)
			targets = append(targets, target)
		}
	}
	para := func(s string, indent int, style func(...string) string) {
		pad := strings.Repeat(" ", indent)
		for _, l := range paragraph(s, max(w-indent, 1), style, st.key.Render) {
			add(-1, pad+l)
		}
	}
	plain := func(s ...string) string { return strings.Join(s, "") }

	if p.stage == finished {
		p.summary(m, w, add, para)
		return lines, targets, focus
	}
	a := p.asked
	promptStyle := plain
	if p.stage == judged {
		promptStyle = st.dim.Render
	}
	para(a.Text(lang), 0, promptStyle)
	add(-1, "")

	if p.stage == judged {
		p.verdictLines(m, w, add, para)
		return lines, targets, focus
	}
	if a.NeedsCluster() && (m.grader == nil || m.grader.Target == nil) {
		para(qw.noCluster, 0, st.warn.Render)
		add(-1, "")
	}
	if a.Type == quiz.Command {
		para(fmt.Sprintf(qw.commandHelp, m.scratchNamespace()), 0, st.dim.Render)
		add(-1, "")
	}
	if p.stage == grading {
		add(-1, p.yours(m, w)...)
		add(-1, "", st.dim.Render(qw.checking))
		return lines, targets, focus
	}

	labels := p.labels(lang, qw)
	n := p.options()
	var keys string
	switch widgetOf(a) {
	case pickOne, pickSome, ordering:
		keys = fmt.Sprintf(qw.choiceKeys, n)
		if widgetOf(a) == pickSome {
			keys = fmt.Sprintf(qw.multipleKeys, n)
		} else if widgetOf(a) == ordering {
			keys = qw.orderKeys
		}
		for i, label := range labels {
			mark := fmt.Sprintf("%d  ", i+1)
			if p.marked != nil {
				box := "[ ] "
				if p.marked[i] {
					box = "[x] "
				}
				mark = box + mark
			}
			lead, style := "  ", st.item.Render
			if i == p.cursor {
				lead, style = "› ", st.selected.Render
				focus = len(lines)
			}
			indent := strings.Repeat(" ", 2+len(mark))
			for j, l := range paragraph(label, max(w-len(indent), 1), style, st.key.Render) {
				if j == 0 {
					add(i, style(lead+mark)+l)
				} else {
					add(i, indent+l)
				}
			}
		}
	case sorting:
		keys = fmt.Sprintf(qw.sortKeys, len(a.Categories))
		// The legend breaks between categories, never inside one.
		legend := ""
		for i, c := range a.Categories {
			item := fmt.Sprintf("%d %s", i+1, c.Name(lang))
			switch {
			case legend == "":
				legend = item
			case ansi.StringWidth(legend+" · "+item) > w:
				add(-1, st.dim.Render(legend))
				legend = item
			default:
				legend += " · " + item
			}
		}
		add(-1, st.dim.Render(legend))
		add(-1, "")
		nameWidth := 0
		for _, l := range labels {
			nameWidth = max(nameWidth, ansi.StringWidth(l))
		}
		for i, name := range labels {
			cat := st.dim.Render(quiz.UnsortedMark)
			if c := p.sorted[i]; c >= 0 {
				cat = a.Categories[c].Name(lang)
			}
			lead, style := "  ", st.item.Render
			if i == p.cursor {
				lead, style = "› ", st.selected.Render
				cat = st.selected.Render("‹ ") + cat + st.selected.Render(" ›")
				focus = len(lines)
			} else {
				cat = "  " + cat
			}
			add(i, style(lead+name+strings.Repeat(" ", nameWidth-ansi.StringWidth(name)+2))+cat)
		}
	case typing:
		keys = qw.textKeys
		if a.Type == quiz.Command {
			keys = qw.commandKeys
		}
		view, cursor := p.input.view(w, p.prompt(), true, st)
		focus = len(lines) + cursor
		add(-1, view...)
	}
	add(-1, "")
	if p.problem != "" {
		para(p.problem, 0, st.warn.Render)
	}
	if p.manifest() {
		keys = qw.manifestKeys
	}
	para(keys, 0, st.dim.Render)
	return lines, targets, focus
}

// yours is the learner's answer, as a line or, for a command, as typed.
func (p *quizPane) yours(m *Model, w int) []string {
	st, qw := m.styles(), m.qwords()
	a := p.answer
	var said string
	choice := func(i int) string {
		if i < 0 || i >= len(p.asked.Choices) {
			return ""
		}
		return strings.TrimSpace(p.asked.Choices[i].In(m.lang))
	}
	switch widgetOf(p.asked) {
	case pickOne:
		labels := p.labels(m.lang, qw)
		switch {
		case a.Bool != nil && *a.Bool:
			said = labels[0]
		case a.Bool != nil:
			said = labels[1]
		case len(a.Choices) == 1:
			said = choice(a.Choices[0])
		}
	case pickSome:
		// Several answers get a line each, as the right answer does.
		out := []string{st.dim.Render(strings.TrimSpace(qw.yours))}
		for _, c := range a.Choices {
			for i, l := range hanging(choice(c), max(w-4, 1), st.dim.Render, st.key.Render) {
				out = append(out, map[bool]string{true: "  • ", false: "    "}[i == 0]+l)
			}
		}
		return out
	case ordering:
		out := []string{st.dim.Render(strings.TrimSpace(qw.yours))}
		for i, l := range p.labels(m.lang, qw) {
			for _, hl := range hanging(fmt.Sprintf("%d. %s", i+1, l), max(w-2, 1), st.dim.Render, st.key.Render) {
				out = append(out, "  "+hl)
			}
		}
		return out
	case sorting:
		return nil // The reason names the misplaced items.
	case typing:
		if p.asked.Type != quiz.Command {
			said = strings.TrimSpace(a.Text)
			break
		}
		view, _ := p.input.view(w, p.prompt(), false, st)
		return append(append([]string{st.dim.Render(strings.TrimSpace(qw.yours))}, view...), "")
	}
	return paragraph(qw.yours+said, w, st.dim.Render, st.key.Render)
}

// verdictLines are the learner's answer, the verdict as the quiz engine
// presents it, and the keys that go on.
func (p *quizPane) verdictLines(m *Model, w int, add func(int, ...string), para func(string, int, func(...string) string)) {
	st, qw := m.styles(), m.qwords()
	add(-1, p.yours(m, w)...)
	lines := quiz.VerdictLines(p.verdict, p.asked, p.answer, m.course, m.lang)
	add(-1, presentLines(lines, w, st, m.words(), qw.opensLesson)...)
	add(-1, "")
	keys := qw.judgedKeys
	if p.run.Done() {
		keys = qw.lastKeys
	}
	para(keys, 0, st.dim.Render)
}

// summary is the end of a sitting, as the quiz engine presents it, and the
// key that goes on.
func (p *quizPane) summary(m *Model, w int, add func(int, ...string), para func(string, int, func(...string) string)) {
	st, qw := m.styles(), m.qwords()
	lines := quiz.SummaryLines(p.run, m.dueCount(), reviewPlace, m.lang)
	add(-1, presentLines(lines, w, st, m.words(), "")...)
	add(-1, "")
	para(qw.finishedKeys, 0, st.dim.Render)
}

// presentLines styles and wraps lines the quiz engine presents, to w
// cells; opensLesson says how to open a line's lesson.
func presentLines(lines []quiz.Line, w int, st styles, t words, opensLesson string) []string {
	plain := func(s ...string) string { return strings.Join(s, "") }
	tones := map[quiz.Tone]func(...string) string{
		quiz.Plain: plain, quiz.Good: st.good.Render, quiz.Bad: st.bad.Render, quiz.Warn: st.warn.Render,
		quiz.Dim: st.dim.Render, quiz.Title: st.title.Render, quiz.Code: st.key.Render,
	}
	var out []string
	for _, l := range lines {
		pad, style := strings.Repeat(" ", l.Indent), tones[l.Tone]
		inner := max(w-l.Indent, 1)
		var rows []string
		switch {
		case l.Blank():
			rows = []string{""}
		case l.Result != nil:
			rows = resultLines(*l.Result, inner, st, t)
		case l.Badge != "":
			rows = []string{style(l.Text) + tones[l.BadgeTone](l.Badge)}
		case l.Prose:
			for _, para := range strings.Split(reflow(l.Text), "\n") {
				rows = append(rows, hanging(para, inner, style, st.key.Render)...)
			}
		case l.Item:
			rows = hanging(l.Text, inner, style, st.key.Render)
		case l.Mark != "":
			under := strings.Repeat(" ", ansi.StringWidth(l.Mark))
			for i, row := range paragraph(l.Text, max(inner-len(under), 1), style, st.key.Render) {
				if i == 0 {
					row = style(l.Mark) + row
				} else {
					row = under + row
				}
				rows = append(rows, row)
			}
		case l.Lesson != "" && opensLesson != "":
			rows = paragraph(l.Text+" · "+opensLesson, inner, style, st.key.Render)
		default:
			rows = paragraph(l.Text, inner, style, st.key.Render)
		}
		for _, row := range rows {
			if row != "" {
				row = pad + row
			}
			out = append(out, row)
		}
	}
	return out
}

// dueCount is how many questions are due for review now.
func (m Model) dueCount() int {
	if len(m.opts.Quizzes) == 0 {
		return 0
	}
	return len(quiz.Due(m.opts.Quizzes, m.progress, "", m.now()))
}
