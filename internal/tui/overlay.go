package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/textwrap"
	"kanzen.dev/kanzen/lessons"
)

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
