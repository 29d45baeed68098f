package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/markdown"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/internal/textwrap"
	"kanzen.dev/kanzen/lessons"
)

// twoColumnsFrom is the narrowest terminal that gets the lesson and the
// exercise side by side; narrower ones get one pane with tabs.
const twoColumnsFrom = 100

// View draws the screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "kanzen"
	return v
}

func (m Model) render() string {
	w, h := max(m.width, 1), max(m.height, 1)
	notice := m.noticeLines(w, h)
	bodyHeight := max(h-2-len(notice), 0)
	var body []string
	switch {
	case m.screen == homeScreen:
		body = m.homeLines(w, bodyHeight)
	case m.screen == quizScreen && m.quiz.open():
		body = m.quizBox(w, bodyHeight)
	default:
		body = m.studyLines(w, bodyHeight)
	}
	lines := append([]string{m.header(w)}, body...)
	lines = append(append(lines, notice...), m.footer(w))
	if m.overlay != noOverlay {
		lines = m.drawOverlay(lines, w, h)
	}
	if len(lines) > h {
		// On a very short terminal, the header and the footer matter most.
		lines = append(lines[:max(h-1, 0)], lines[len(lines)-1])[:h]
	}
	for i := range lines {
		lines[i] = fit(lines[i], w)
	}
	return strings.Join(lines, "\n")
}

// header names where the learner is and which cluster exercises use.
func (m Model) header(w int) string {
	st := m.styles()
	where := " kanzen · " + m.course.Title.In(m.lang)
	switch {
	case m.screen == studyScreen:
		s := m.steps[m.pos]
		where = fmt.Sprintf(" kanzen · %s %s › %s", s.chapter.ID, s.chapter.Title.In(m.lang), s.lesson.Title.In(m.lang))
	case m.screen == quizScreen && m.quiz.open():
		where = " kanzen · " + reviewHeading.In(m.lang)
		chapter := m.quiz.asked.Chapter
		if !m.quiz.run.Review() {
			where, chapter = " kanzen", m.quiz.run.Quiz.Chapter
		}
		if ch := m.course.Chapter(chapter); ch != nil {
			where += fmt.Sprintf(" · %s %s", ch.ID, ch.Title.In(m.lang))
		}
		if !m.quiz.run.Review() {
			where += " › " + quizHeading.In(m.lang)
		}
	}
	return spread(st.title.Render(where), m.clusterLine(st), w)
}

// clusterLine shows the context, the server's state and version, and the
// exercise's namespace.
func (m Model) clusterLine(st styles) string {
	c := m.cluster
	var s string
	switch {
	case c.target == nil:
		return st.warn.Render(noClusterStatus.In(m.lang)) + " "
	case !c.probed:
		s = st.dim.Render(c.target.Context + " … " + connectingStatus.In(m.lang))
	case c.err != nil:
		s = st.dim.Render(c.target.Context) + st.bad.Render(" ● "+unreachableStatus.In(m.lang))
	case m.exercise.denied(m.lang) != "":
		s = st.dim.Render(c.target.Context) + st.bad.Render(" ● "+notAllowedStatus.In(m.lang))
	case m.exercise.watchErr != nil:
		s = st.dim.Render(c.target.Context) + st.warn.Render(" ● "+reconnectingStatus.In(m.lang))
	default:
		s = st.dim.Render(c.target.Context) + st.good.Render(" ● ") + st.dim.Render(c.version)
	}
	if m.screen == studyScreen && m.exercise.ex != nil {
		s += st.dim.Render(" · ns " + m.exercise.namespace())
	}
	return s + " "
}

// footer shows the keys (or a notice) and the learner's progress.
func (m Model) footer(w int) string {
	st := m.styles()
	passed, total := m.passedCount()
	bindings := homeFooter
	switch m.where() {
	case onStudy:
		bindings = studyFooter
	case onChoosing:
		bindings = choosingFooter
	case onTyping:
		bindings = textFooter
		if m.quiz.manifest() {
			bindings = manifestFooter
		} else if m.quiz.asked.Type == quiz.Command {
			bindings = commandFooter
		}
	case onGrading:
		bindings = gradingFooter
	case onJudged:
		bindings = judgedFooter
	case onFinished:
		bindings = finishedFooter
	}
	if m.where()&onQuiz != 0 {
		// The quiz's own progress: questions answered of the sitting's.
		passed, total = len(m.quiz.run.Outcomes()), len(m.quiz.run.Questions())
	}
	keys := footerText(bindings, m.lang, len(m.course.Chapters))
	right := progressBar(passed, total, 6) + fmt.Sprintf(" %d/%d ", passed, total)
	left := st.dim.Render(" " + fitKeys(keys, w-ansi.StringWidth(right)-2))
	return spread(left, st.dim.Render(right), w)
}

// noticeLines is the notice, above the footer, in at most three lines and
// never more than a third of the screen.
func (m Model) noticeLines(w, h int) []string {
	if m.notice == "" {
		return nil
	}
	lines := textwrap.Wrap(strings.ReplaceAll(m.notice, "\n", " "), max(w-2, 1))
	lines = lines[:min(len(lines), 3, h/3)]
	for i, l := range lines {
		lines[i] = m.styles().warn.Render(" " + l)
	}
	return lines
}

// fitKeys keeps as many of the " · "-separated keys as fit in w cells;
// the first ones (help among them) matter most.
func fitKeys(keys string, w int) string {
	out := ""
	for _, k := range strings.Split(keys, " · ") {
		next := k
		if out != "" {
			next = out + " · " + k
		}
		if ansi.StringWidth(next) > w {
			break
		}
		out = next
	}
	return out
}

// passedCount counts the course's exercises the learner has passed.
func (m Model) passedCount() (passed, total int) {
	for _, ch := range m.course.Chapters {
		p, t := m.chapterProgress(ch)
		passed, total = passed+p, total+t
	}
	return passed, total
}

func progressBar(done, total, cells int) string {
	if total <= 0 {
		return strings.Repeat("□", cells)
	}
	full := clamp(done*cells/total, 0, cells)
	return strings.Repeat("■", full) + strings.Repeat("□", cells-full)
}

// homeEntry is a line of the chapter list that can be chosen: a lesson,
// a chapter's quiz, or the review of the questions due.
type homeEntry struct {
	lesson *lessons.Lesson
	quiz   *quiz.Quiz
	review bool
}

// homeEntries lists what the chapter list offers, in order: the review
// when questions are due, then each chapter's lessons and its quiz.
func (m Model) homeEntries() []homeEntry {
	var all []homeEntry
	if m.dueCount() > 0 {
		all = append(all, homeEntry{review: true})
	}
	for i := range m.course.Chapters {
		ch := &m.course.Chapters[i]
		for j := range ch.Lessons {
			all = append(all, homeEntry{lesson: &ch.Lessons[j]})
		}
		if z := quiz.Find(m.opts.Quizzes, ch.ID); z != nil {
			all = append(all, homeEntry{quiz: z})
		}
	}
	return all
}

// lessonIndex is the home list position of a step's lesson.
func (m Model) lessonIndex(step int) int {
	if step >= len(m.steps) {
		return 0
	}
	for i, e := range m.homeEntries() {
		if e.lesson == m.steps[step].lesson {
			return i
		}
	}
	return 0
}

// firstStepOf is the first step of the lesson of the i-th home entry.
func (m Model) firstStepOf(i int) int {
	all := m.homeEntries()
	if i >= len(all) {
		return 0
	}
	for s, st := range m.steps {
		if st.lesson == all[i].lesson {
			return s
		}
	}
	return 0
}

// homeRow is one line of the chapter list; rows that can be chosen carry
// their index in homeEntries.
type homeRow struct {
	text  string
	entry int // -1 for chapter headings and other text
}

func (m Model) chapterRows(w int) []homeRow {
	st := m.styles()
	var rows []homeRow
	n := 0
	// label is a row's text, marked when the cursor is on it.
	label := func(s string) string {
		if n == m.homeCursor {
			return st.selected.Render(" › " + s)
		}
		return st.item.Render("   " + s)
	}
	if due := m.dueCount(); due > 0 {
		rows = append(rows, homeRow{label(reviewRow.With(due).In(m.lang)), n}, homeRow{"", -1})
		n++
	}
	for _, ch := range m.course.Chapters {
		heading := st.title.Render(fmt.Sprintf(" %s %s", ch.ID, ch.Title.In(m.lang)))
		if done, all := m.chapterProgress(ch); all > 0 {
			heading = spread(heading, st.dim.Render(fmt.Sprintf("%d/%d ", done, all)), w)
		}
		rows = append(rows, homeRow{heading, -1})
		if len(ch.Lessons) == 0 {
			rows = append(rows, homeRow{st.dim.Render("     " + ch.Summary.In(m.lang) + " (" + comingSoon.In(m.lang) + ")"), -1})
		}
		for j := range ch.Lessons {
			l := &ch.Lessons[j]
			marks := ""
			for _, e := range l.Exercises {
				marks += "  " + m.exerciseMark(e.ID, st) + " " + e.ID
			}
			rows = append(rows, homeRow{spread(label(l.Title.In(m.lang)), marks+" ", w), n})
			n++
		}
		if z := quiz.Find(m.opts.Quizzes, ch.ID); z != nil {
			text := quizRow.With(len(z.Questions)).In(m.lang)
			passed := ""
			if r, ok := m.progress.QuizResults(ch.ID); ok && r.Best.Total > 0 {
				text += quizBest.With(quiz.Percent(float64(r.Best.Score) / float64(r.Best.Total))).In(m.lang)
				if r.Best.Passed {
					passed = st.good.Render(" ✓")
				}
			}
			rows = append(rows, homeRow{label(text) + passed, n})
			n++
		}
	}
	return rows
}

// chapterProgress counts a chapter's exercises and those passed.
func (m Model) chapterProgress(ch lessons.Chapter) (passed, total int) {
	for _, l := range ch.Lessons {
		for _, e := range l.Exercises {
			total++
			if exerciseRecord(m.progress, e.ID).Passed != nil {
				passed++
			}
		}
	}
	return passed, total
}

// exerciseMark is ✓ for passed, ● for started, · for not yet.
func (m Model) exerciseMark(id string, st styles) string {
	r := exerciseRecord(m.progress, id)
	switch {
	case r.Passed != nil:
		return st.good.Render("✓")
	case !r.Started.IsZero():
		return st.warn.Render("●")
	}
	return st.dim.Render("·")
}

func (m Model) homeLines(w, h int) []string {
	rows := m.homeRows(w)
	// Keep the selected lesson on screen.
	offset := 0
	for i, r := range rows {
		if r.entry == m.homeCursor && i >= h {
			offset = i - h + 1
		}
	}
	var lines []string
	for _, r := range rows[min(offset, len(rows)):] {
		lines = append(lines, r.text)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines[:h]
}

// homeRows are the chapter list's lines, after a word on the cluster when
// exercises cannot run yet.
func (m Model) homeRows(w int) []homeRow {
	rows := m.chapterRows(w)
	if problem := m.clusterProblem(); problem != "" && m.opts.StartSandbox != nil {
		// Exercises need a cluster: say how to get one before the list.
		var top []homeRow
		for _, l := range textwrap.Wrap(problem, max(w-2, 1)) {
			top = append(top, homeRow{m.styles().warn.Render(" " + l), -1})
		}
		rows = append(append(top, homeRow{"", -1}), rows...)
	}
	return rows
}

// homeEntryAt maps a screen row to an entry of the chapter list.
func (m Model) homeEntryAt(y int) (int, bool) {
	rows := m.homeRows(m.width)
	h := max(m.height-2-len(m.noticeLines(max(m.width, 1), max(m.height, 1))), 0)
	offset := 0
	for i, r := range rows {
		if r.entry == m.homeCursor && i >= h {
			offset = i - h + 1
		}
	}
	i := y - 1 + offset // The header is row 0.
	if y < 1 || i < 0 || i >= len(rows) || rows[i].entry < 0 {
		return 0, false
	}
	return rows[i].entry, true
}

func (m Model) twoColumns() bool { return m.width >= twoColumnsFrom }

// lessonWidth gives the lesson 55% of the terminal, or more where that is
// what keeps its code from wrapping, as long as the exercise keeps
// minExerciseWidth.
func (m Model) lessonWidth() int {
	return max(m.width*11/20, min(codeFitsWidth, m.width-minExerciseWidth))
}

// codeFitsWidth is the lesson box that holds a code line of the widest the
// lint allows: Glamour's margin and code indent take 6 columns of the wrap
// width, and the box's border and padding 4 more.
const codeFitsWidth = lessons.MaxCodeWidth + 10

// minExerciseWidth keeps the checks' titles and have/want readable.
const minExerciseWidth = 42

// paneHeight is the height of a pane's box.
func (m Model) paneHeight() int {
	h := max(m.height-2, 0)
	if !m.twoColumns() {
		h--
	}
	return h
}

func (m Model) studyLines(w, h int) []string {
	st := m.styles()
	s := m.steps[m.pos]
	lessonTitle := lessonTab.In(m.lang)
	if !m.twoColumns() {
		tabs := []string{lessonTab.In(m.lang), exerciseTab.In(m.lang) + m.exercise.tally()}
		active := 0
		if m.focusExercise && s.exercise != nil {
			active = 1
		}
		line := " "
		for i, tab := range tabs {
			if i == 1 && s.exercise == nil {
				break
			}
			if i == active {
				line += st.selected.Render("["+tab+"]") + " "
			} else {
				line += st.dim.Render(" "+tab+" ") + " "
			}
		}
		box := m.lessonBox(w, h-1, lessonTitle, true, st)
		if active == 1 {
			box = m.exerciseBox(w, h-1, true, st)
		}
		return append([]string{line + st.dim.Render("(tab)")}, box...)
	}
	lw := m.lessonWidth()
	left := m.lessonBox(lw, h, lessonTitle, !m.focusExercise, st)
	var right []string
	if s.exercise == nil {
		right = box(exerciseTab.In(m.lang), wrapAll(noLessonExercise.In(m.lang), w-lw-4), w-lw, h, m.focusExercise, st)
	} else {
		right = m.exerciseBox(w-lw, h, m.focusExercise, st)
	}
	return beside(left, right)
}

func wrapAll(s string, w int) []string { return textwrap.Wrap(s, w) }

func (m Model) lessonBox(w, h int, title string, focused bool, st styles) []string {
	s := m.steps[m.pos]
	inner := max(w-4, 1)
	page := m.lesson.renders.Lines(s.lesson, m.lang, inner, markdown.Style(m.dark, m.opts.NoColor))
	visible, _ := window(page, m.lesson.offset, max(h-2, 0))
	if len(page) > h-2 && h > 2 {
		_, offset := window(page, m.lesson.offset, h-2)
		title += fmt.Sprintf(" %d–%d/%d", offset+1, offset+len(visible), len(page))
	}
	return box(title, visible, w, h, focused, st)
}

func (m Model) exerciseBox(w, h int, focused bool, st styles) []string {
	if m.exercise.ex == nil {
		return box(exerciseTab.In(m.lang), textwrap.Wrap(noLessonExercise.In(m.lang), max(w-4, 1)), w, h, focused, st)
	}
	content := m.exercise.lines(m.frame(max(w-4, 1), max(h-2, 0)), m.clusterProblem(), exerciseRecord(m.progress, m.exercise.ex.ID))
	visible, _ := window(content, m.exercise.offset, max(h-2, 0))
	return box(exerciseTab.In(m.lang), visible, w, h, focused, st)
}

// drawOverlay puts the help or a question in a box over the screen.
func (m Model) drawOverlay(lines []string, w, h int) []string {
	st := m.styles()
	bw := min(w, 72)
	var title string
	var body []string
	switch m.overlay {
	case helpOverlay:
		title = helpTitle.In(m.lang)
		page := onReading
		if m.screen == quizScreen {
			page = onQuiz
		}
		for _, kv := range helpRows(page, m.lang, len(m.course.Chapters)) {
			body = append(body, st.key.Render(fmt.Sprintf("%-14s", kv[0]))+" "+kv[1])
		}
	case confirmRemoteOverlay:
		title = "?"
		var c *kube.Target
		var ns string
		if m.screen == quizScreen && m.grader != nil {
			c, ns = m.grader.Target, m.scratchNamespace()
		} else if m.exercise.ex != nil {
			c, ns = m.cluster.target, m.exercise.namespace()
		}
		if c != nil {
			body = append(textwrap.Wrap(confirmRemote.With(c.Context, c.Server, ns).In(m.lang), bw-4), "", st.key.Render(footerText(yesNoFooter, m.lang, 0)))
		}
	case confirmResetOverlay:
		title = "?"
		body = textwrap.Wrap(resetConfirm.With(m.exercise.ex.ID, m.exercise.namespace()).In(m.lang), bw-4)
	}
	bh := min(len(body)+2, h)
	panel := box(title, body, bw, bh, true, st)
	top := max((h-bh)/2, 0)
	left := max((w-bw)/2, 0)
	for i, row := range panel {
		y := top + i
		if y >= len(lines) {
			break
		}
		lines[y] = splice(fit(lines[y], w), row, left, w)
	}
	return lines
}

func nextLang(l lessons.Lang) lessons.Lang {
	for i, known := range lessons.Langs {
		if known == l {
			return lessons.Langs[(i+1)%len(lessons.Langs)]
		}
	}
	return lessons.English
}

// splice lays row over line at column left, in a line w cells wide. A wide
// character the row's edges cut in half becomes a space on either side, so
// the row stays where it belongs and the line keeps its width.
func splice(line, row string, left, w int) string {
	before := ansi.Truncate(line, left, "")
	before += strings.Repeat(" ", max(left-ansi.StringWidth(before), 0))
	right := left + ansi.StringWidth(row)
	after := ansi.TruncateLeft(line, right, "")
	after = strings.Repeat(" ", max(w-right-ansi.StringWidth(after), 0)) + after
	return before + row + after
}
