// Text for the panes: paragraphs reflowed and wrapped, inline code set
// apart, and a check drawn with its have and want.

package tui

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/textwrap"
	"kanzen.dev/kanzen/lessons"
)

// reflow joins the lines of each paragraph, as Markdown does, so that text
// written in YAML blocks wraps to the pane instead of to the source. A list
// item starts a line of its own.
func reflow(s string) string {
	paras := strings.Split(strings.TrimSpace(s), "\n\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		for j := range lines {
			lines[j] = strings.TrimSpace(lines[j])
		}
		joined := lines[0]
		for _, l := range lines[1:] {
			// Japanese joins without a space.
			if listItem.MatchString(l) {
				joined += "\n" + l
			} else if joined != "" && l != "" && (isWide(lastRune(joined)) || isWide(firstRune(l))) {
				joined += l
			} else {
				joined += " " + l
			}
		}
		paras[i] = joined
	}
	return strings.Join(paras, "\n\n")
}

// listItem is the start of a Markdown list item.
var listItem = regexp.MustCompile(`^([-*•]|[0-9]+\.) `)

func lastRune(s string) rune  { r := []rune(s); return r[len(r)-1] }
func firstRune(s string) rune { return []rune(s)[0] }
func isWide(r rune) bool      { return ansi.StringWidth(string(r)) > 1 }

// paragraph wraps text, setting `code` apart; backticks become zero-width
// marks while wrapping, so that they do not count towards the width.
func paragraph(s string, w int, text, code func(...string) string) []string {
	var out []string
	for _, l := range textwrap.Wrap(strings.ReplaceAll(strings.TrimSpace(s), "`", codeMark), w) {
		out = append(out, inlineCode(l, text, code))
	}
	return out
}

// hanging wraps one paragraph; a list item's lines after its first are
// indented under its text.
func hanging(s string, w int, text, code func(...string) string) []string {
	indent := ""
	if m := listItem.FindString(s); m != "" {
		indent = strings.Repeat(" ", ansi.StringWidth(m))
	}
	lines := paragraph(s, max(w-len(indent), 1), text, code)
	for i := 1; i < len(lines); i++ {
		lines[i] = indent + lines[i]
	}
	return lines
}

// codeMark stands for a Markdown backtick while text is wrapped.
const codeMark = "\u200b"

// inlineCode drops the code marks and sets the code apart; a wrapped line
// with an odd count keeps the style as far as it goes.
func inlineCode(line string, text, code func(...string) string) string {
	parts := strings.Split(line, codeMark)
	var b strings.Builder
	for i, p := range parts {
		if p == "" {
			continue
		}
		if i%2 == 1 {
			b.WriteString(code(p))
		} else {
			b.WriteString(text(p))
		}
	}
	return b.String()
}

// resultLines is one check: its mark and title, and have/want while it
// does not pass (beside a one-line title when there is room).
func resultLines(r check.Result, w int, st styles, lang lessons.Lang) []string {
	mark := map[check.Status]string{check.Pass: st.good.Render("✓"), check.Fail: st.bad.Render("✗"),
		check.Pending: st.dim.Render("·"), check.Unavailable: st.dim.Render("○")}[r.Status]
	titleLines := textwrap.Wrap(r.Title, max(w-2, 1))
	for i := range titleLines {
		titleLines[i] = "  " + titleLines[i]
	}
	titleLines[0] = mark + " " + strings.TrimPrefix(titleLines[0], "  ")
	title := titleLines[len(titleLines)-1]
	var detail string
	style := st.dim
	switch r.Status {
	case check.Fail:
		detail, style = check.HaveLabel.With(orDash(r.Have)).In(lang)+" · "+check.WantLabel.With(orDash(r.Want)).In(lang), st.bad
		if ansi.StringWidth(detail) > w-4 {
			// Too long for one line: want starts a line of its own, so
			// that it reads apart from have.
			detail = check.HaveLabel.With(orDash(r.Have)).In(lang) + "\n" + check.WantLabel.With(orDash(r.Want)).In(lang)
		}
	case check.Pending:
		detail = pendingCheck.In(lang)
	case check.Unavailable:
		detail = r.Have
	}
	if detail == "" {
		return titleLines
	}
	lines := titleLines
	// Beside a title of one line only: a wrapped title would pull the
	// detail in as if it were part of its words.
	if gap := w - ansi.StringWidth(title) - ansi.StringWidth(detail); gap >= 3 && len(lines) == 1 {
		lines[len(lines)-1] = title + strings.Repeat(" ", gap) + style.Render(detail)
	} else {
		for _, l := range textwrap.Wrap(detail, w-4) {
			lines = append(lines, "    "+style.Render(l))
		}
	}
	if r.Status == check.Fail && r.Hint != "" {
		for _, l := range textwrap.Wrap(strings.ReplaceAll(r.Hint, "`", codeMark), w-4) {
			lines = append(lines, "    "+inlineCode(l, st.dim.Render, st.key.Render))
		}
	}
	return lines
}

// hangWrap wraps one line in w cells, never cutting it: it keeps the
// line's own leading spaces, and indents the lines it continues on by
// indent more, so that a long command still reads as one.
func hangWrap(s string, w int, indent string) []string {
	text := strings.TrimLeft(s, " ")
	lead := s[:len(s)-len(text)]
	lines := textwrap.Line(text, max(w-len(lead)-len(indent), 1))
	for i := range lines {
		if i == 0 {
			lines[i] = lead + lines[i]
		} else {
			lines[i] = lead + indent + lines[i]
		}
	}
	return lines
}

// styled renders each of lines in style.
func styled(lines []string, style func(...string) string) []string {
	for i := range lines {
		lines[i] = style(lines[i])
	}
	return lines
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
