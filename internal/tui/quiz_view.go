package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/internal/quiz"
)

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
