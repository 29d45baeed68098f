package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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
		box := m.lesson.box(m.frame(w, h-1), s.lesson, lessonTitle, true)
		if active == 1 {
			box = m.exerciseBox(w, h-1, true, st)
		}
		return append([]string{line + st.dim.Render("(tab)")}, box...)
	}
	lw := m.lessonWidth()
	left := m.lesson.box(m.frame(lw, h), s.lesson, lessonTitle, !m.focusExercise)
	var right []string
	if s.exercise == nil {
		right = box(exerciseTab.In(m.lang), wrapAll(noLessonExercise.In(m.lang), w-lw-4), w-lw, h, m.focusExercise, st)
	} else {
		right = m.exerciseBox(w-lw, h, m.focusExercise, st)
	}
	return beside(left, right)
}

func wrapAll(s string, w int) []string { return textwrap.Wrap(s, w) }

func (m Model) exerciseBox(w, h int, focused bool, st styles) []string {
	if m.exercise.ex == nil {
		return box(exerciseTab.In(m.lang), textwrap.Wrap(noLessonExercise.In(m.lang), max(w-4, 1)), w, h, focused, st)
	}
	content := m.exercise.lines(m.frame(max(w-4, 1), max(h-2, 0)), m.clusterProblem(), exerciseRecord(m.progress, m.exercise.ex.ID))
	visible, _ := window(content, m.exercise.offset, max(h-2, 0))
	return box(exerciseTab.In(m.lang), visible, w, h, focused, st)
}
