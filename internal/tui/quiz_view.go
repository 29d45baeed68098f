package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/lessons"
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

// quizLayout is the quiz box's content laid out for a width: its lines,
// the choice or item each line picks (-1 for none), and the line to keep
// in view (-1 for none).
type quizLayout struct {
	lines   []string
	targets []int
	focus   int
	// w and h are the screen width and box height it was laid out for.
	w, h int
}

// offset is the first line shown: the learner's, moved so that the
// cursor stays in view.
func (l *quizLayout) offset(want int) int {
	inner := max(l.h-2, 0)
	if l.focus >= 0 && inner > 0 {
		want = clamp(want, l.focus-inner+1, l.focus)
	}
	return clamp(want, 0, max(len(l.lines)-inner, 0))
}

// quizLayoutFor lays the quiz out for a screen width and box height.
func (m Model) quizLayoutFor(w, h int) *quizLayout {
	l := m.quiz.content(m.frame(quizWrap(w), h), m.quizSurroundings())
	l.w, l.h = w, h
	return l
}

// shownQuizLayout is the layout the screen shows: the one the last View
// drew, when it drew this model at this size, so that a scroll or a click
// does not lay the whole quiz out again.
func (m Model) shownQuizLayout() *quizLayout {
	w, h := m.width, m.quizBoxHeight()
	if m.seen != nil && m.seen.quiz != nil && m.seen.quiz.w == w && m.seen.quiz.h == h {
		return m.seen.quiz
	}
	return m.quizLayoutFor(w, h)
}

// quizBox draws the quiz screen's box, and keeps its layout for the
// scrolls and clicks that follow.
func (m Model) quizBox(w, h int) []string {
	l := m.quizLayoutFor(w, h)
	if m.drawn != nil {
		m.drawn.quiz = l
	}
	visible, _ := window(l.lines, l.offset(m.quiz.offset), max(h-2, 0))
	return box(m.quiz.title(m.lang), visible, w, h, true, m.styles())
}

// title is the question's number and the score so far, in lang.
func (p *quizPane) title(lang lessons.Lang) string {
	count := len(p.run.Questions())
	n := min(len(p.run.Outcomes())+1, count)
	if p.stage == judged || p.stage == finished {
		n = len(p.run.Outcomes())
	}
	title := questionCount.With(n, count).In(lang)
	s := p.run.Score()
	if s.Judged > 0 {
		title += " · " + scoreSoFar.With(s.Correct, s.Judged).In(lang)
	}
	if s.Skipped > 0 {
		title += " · " + notGradedSoFar.With(s.Skipped).In(lang)
	}
	return title
}

// quizSurroundings is what the quiz screen shows besides the sitting.
type quizSurroundings struct {
	// noCluster: answers that need a cluster cannot be graded.
	noCluster bool
	// scratch is the namespace command answers are dry-run in.
	scratch string
	// due counts the questions due for review now.
	due int
}

func (m Model) quizSurroundings() quizSurroundings {
	return quizSurroundings{
		noCluster: m.grader == nil || m.grader.Target == nil,
		scratch:   m.scratchNamespace(),
		due:       m.dueCount(),
	}
}

// quizLines gathers the quiz box's lines, and the choice or item each
// line picks.
type quizLines struct {
	f frame
	quizLayout
}

func (b *quizLines) add(target int, s ...string) {
	for _, l := range s {
		b.lines = append(b.lines, l)
		b.targets = append(b.targets, target)
	}
}

// para wraps a paragraph, with inline code, indented.
func (b *quizLines) para(s string, indent int, style func(...string) string) {
	pad := strings.Repeat(" ", indent)
	for _, l := range paragraph(s, max(b.f.w-indent, 1), style, b.f.st.key.Render) {
		b.add(-1, pad+l)
	}
}

// content lays out the quiz box's lines in f.w cells.
func (p *quizPane) content(f frame, around quizSurroundings) *quizLayout {
	st, lang := f.st, f.lang
	b := &quizLines{f: f, quizLayout: quizLayout{focus: -1}}
	if p.stage == finished {
		b.add(-1, presentLines(quiz.SummaryLines(p.run, around.due, reviewPlace, lang), f, "")...)
		b.add(-1, "")
		b.para(footerText(finishedKeys, lang, 0), 0, st.dim.Render)
		return &b.quizLayout
	}
	a := p.asked
	promptStyle := plain
	if p.stage == judged {
		promptStyle = st.dim.Render
	}
	b.para(a.Text(lang), 0, promptStyle)
	b.add(-1, "")

	if p.stage == judged {
		b.add(-1, p.yours(f)...)
		b.add(-1, presentLines(quiz.VerdictLines(p.verdict, a, p.answer, f.course, lang), f, opensLesson.With(lessonKey.Help().Key).In(lang))...)
		b.add(-1, "")
		keys := judgedKeys
		if p.run.Done() {
			keys = lastKeys
		}
		b.para(footerText(keys, lang, 0), 0, st.dim.Render)
		return &b.quizLayout
	}
	if a.NeedsCluster() && around.noCluster {
		b.para(quizNoCluster.In(lang), 0, st.warn.Render)
		b.add(-1, "")
	}
	if a.Type == quiz.Command {
		b.para(commandHelp.With(around.scratch).In(lang), 0, st.dim.Render)
		b.add(-1, "")
	}
	if p.stage == grading {
		b.add(-1, p.yours(f)...)
		b.add(-1, "", st.dim.Render(checkingAnswer.In(lang)))
		return &b.quizLayout
	}
	keys := p.answerWidget(b)
	b.add(-1, "")
	if p.problem != "" {
		b.para(p.problem, 0, st.warn.Render)
	}
	if p.manifest() {
		keys = manifestKeysHint.With(lineKey.Help().Key, checkKey.footName()).In(lang)
	}
	b.para(keys, 0, st.dim.Render)
	return &b.quizLayout
}

// answerWidget lays out what the learner answers with, and returns the
// keys it takes.
func (p *quizPane) answerWidget(b *quizLines) (keys string) {
	st, lang, w := b.f.st, b.f.lang, b.f.w
	a := p.asked
	labels := p.labels(lang)
	n := p.options()
	switch widgetOf(a) {
	case pickOne, pickSome, ordering:
		choose, answer := quizUpKey.footer(lang, 0), answerKey.footer(lang, 0)
		switch widgetOf(a) {
		case pickSome:
			keys = strings.Join([]string{choose, markKey.or(numbers(n), lang), answer}, " · ")
		case ordering:
			keys = strings.Join([]string{choose, moveUpKey.or("K/J", lang), answer}, " · ")
		default:
			keys = choose + " · " + answerKey.or(numbers(n), lang)
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
				b.focus = len(b.lines)
			}
			indent := strings.Repeat(" ", 2+len(mark))
			for j, l := range paragraph(label, max(w-len(indent), 1), style, st.key.Render) {
				if j == 0 {
					b.add(i, style(lead+mark)+l)
				} else {
					b.add(i, indent+l)
				}
			}
		}
	case sorting:
		keys = strings.Join([]string{
			quizUpKey.footName() + " " + sortItem.In(lang), nextCategory.or(numbers(len(a.Categories)), lang), answerKey.footer(lang, 0),
		}, " · ")
		p.sortWidget(b, labels)
	case typing:
		keys = footerText(textFooter, lang, 0)
		if a.Type == quiz.Command {
			keys = strings.Join([]string{sendKey.footer(lang, 0), newLineKey.or("ctrl+j", lang), leaveQuizKey.footer(lang, 0)}, " · ")
		}
		view, cursor := p.input.view(w, p.prompt(), true, st)
		b.focus = len(b.lines) + cursor
		b.add(-1, view...)
	}
	return keys
}

// sortWidget lays out a sort question: the categories' legend, then each
// item with the category the learner gave it.
func (p *quizPane) sortWidget(b *quizLines, labels []string) {
	st, lang, w := b.f.st, b.f.lang, b.f.w
	a := p.asked
	// The legend breaks between categories, never inside one.
	legend := ""
	for i, c := range a.Categories {
		item := fmt.Sprintf("%d %s", i+1, c.Name(lang))
		switch {
		case legend == "":
			legend = item
		case ansi.StringWidth(legend+" · "+item) > w:
			b.add(-1, st.dim.Render(legend))
			legend = item
		default:
			legend += " · " + item
		}
	}
	b.add(-1, st.dim.Render(legend))
	b.add(-1, "")
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
			b.focus = len(b.lines)
		} else {
			cat = "  " + cat
		}
		b.add(i, style(lead+name+strings.Repeat(" ", nameWidth-ansi.StringWidth(name)+2))+cat)
	}
}

// yours is the learner's answer, as a line or, for a command, as typed.
func (p *quizPane) yours(f frame) []string {
	st, lang, w := f.st, f.lang, f.w
	a := p.answer
	var said string
	choice := func(i int) string {
		if i < 0 || i >= len(p.asked.Choices) {
			return ""
		}
		return strings.TrimSpace(p.asked.Choices[i].In(f.lang))
	}
	switch widgetOf(p.asked) {
	case pickOne:
		labels := p.labels(f.lang)
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
		out := []string{st.dim.Render(strings.TrimSpace(yourAnswer.In(lang)))}
		for _, c := range a.Choices {
			for i, l := range hanging(choice(c), max(w-4, 1), st.dim.Render, st.key.Render) {
				out = append(out, map[bool]string{true: "  • ", false: "    "}[i == 0]+l)
			}
		}
		return out
	case ordering:
		out := []string{st.dim.Render(strings.TrimSpace(yourAnswer.In(lang)))}
		for i, l := range p.labels(f.lang) {
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
		return append(append([]string{st.dim.Render(strings.TrimSpace(yourAnswer.In(lang)))}, view...), "")
	}
	return paragraph(yourAnswer.In(lang)+said, w, st.dim.Render, st.key.Render)
}

// presentLines styles and wraps lines the quiz engine presents, to w
// cells; opensLesson says how to open a line's lesson.
func presentLines(lines []quiz.Line, f frame, opensLesson string) []string {
	st, w := f.st, f.w
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
			rows = resultLines(*l.Result, inner, st, f.lang)
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
