package tui

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// textInput is a small editor for typed answers: a kubectl command, and
// the manifest of -f - on the lines after it. The module has no bubbles,
// and an answer needs little more than typing, moving and deleting.
type textInput struct {
	lines    [][]rune
	row, col int
}

// Value is the text typed, lines joined by newlines.
func (in *textInput) Value() string {
	parts := make([]string, len(in.lines))
	for i, l := range in.lines {
		parts[i] = string(l)
	}
	return strings.Join(parts, "\n")
}

// trimEnd drops blank lines at the end, which a manifest typed to its last
// enter leaves, so the answer shows as it was meant.
func (in *textInput) trimEnd() {
	for len(in.lines) > 1 && strings.TrimSpace(string(in.lines[len(in.lines)-1])) == "" {
		in.lines = in.lines[:len(in.lines)-1]
	}
	in.ensure()
}

// line is the line the cursor is on.
func (in *textInput) line() []rune {
	in.ensure()
	return in.lines[in.row]
}

// ensure keeps at least one line and the cursor inside the text.
func (in *textInput) ensure() {
	if len(in.lines) == 0 {
		in.lines = [][]rune{nil}
	}
	in.row = clamp(in.row, 0, len(in.lines)-1)
	in.col = clamp(in.col, 0, len(in.lines[in.row]))
}

// insert types s at the cursor; its newlines (pasted text) start lines,
// and tabs become two spaces, since YAML indents with spaces.
func (in *textInput) insert(s string) {
	in.ensure()
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	s = strings.ReplaceAll(s, "\t", "  ")
	for i, part := range strings.Split(s, "\n") {
		if i > 0 {
			in.split("")
		}
		var runes []rune
		for _, r := range part {
			if unicode.IsPrint(r) || r == ' ' {
				runes = append(runes, r)
			}
		}
		l := in.lines[in.row]
		l = append(l[:in.col], append(runes, l[in.col:]...)...)
		in.lines[in.row] = l
		in.col += len(runes)
	}
}

// split breaks the line at the cursor; the new line starts with indent.
func (in *textInput) split(indent string) {
	in.ensure()
	l := in.lines[in.row]
	rest := append([]rune(indent), l[in.col:]...)
	in.lines[in.row] = append([]rune(nil), l[:in.col]...)
	in.lines = append(in.lines[:in.row+1], append([][]rune{rest}, in.lines[in.row+1:]...)...)
	in.row++
	in.col = len([]rune(indent))
}

// newline starts a line. It adds no indentation: a manifest is typed as it
// would be in a shell's here-document, every line with its own spaces, and
// indentation carried over from the line above would add to the typed one.
func (in *textInput) newline() { in.split("") }

// key edits the text for an editing key; false if the key is not one.
func (in *textInput) key(k string) bool {
	in.ensure()
	l := in.lines[in.row]
	switch k {
	case "left", "ctrl+b":
		if in.col > 0 {
			in.col--
		} else if in.row > 0 {
			in.row--
			in.col = len(in.lines[in.row])
		}
	case "right", "ctrl+f":
		if in.col < len(l) {
			in.col++
		} else if in.row+1 < len(in.lines) {
			in.row, in.col = in.row+1, 0
		}
	case "up", "ctrl+p":
		if in.row > 0 {
			in.row--
		}
	case "down", "ctrl+n":
		if in.row+1 < len(in.lines) {
			in.row++
		}
	case "home", "ctrl+a":
		in.col = 0
	case "end", "ctrl+e":
		in.col = len(l)
	case "backspace", "ctrl+h":
		switch {
		case in.col > 0:
			in.lines[in.row] = append(l[:in.col-1], l[in.col:]...)
			in.col--
		case in.row > 0:
			prev := in.lines[in.row-1]
			in.col = len(prev)
			in.lines[in.row-1] = append(prev, l...)
			in.lines = append(in.lines[:in.row], in.lines[in.row+1:]...)
			in.row--
		}
	case "delete":
		switch {
		case in.col < len(l):
			in.lines[in.row] = append(l[:in.col], l[in.col+1:]...)
		case in.row+1 < len(in.lines):
			in.lines[in.row] = append(l, in.lines[in.row+1]...)
			in.lines = append(in.lines[:in.row+1], in.lines[in.row+2:]...)
		}
	case "ctrl+u":
		in.lines[in.row] = append([]rune(nil), l[in.col:]...)
		in.col = 0
	case "ctrl+k":
		in.lines[in.row] = l[:in.col]
	case "ctrl+w", "alt+backspace":
		start := in.col
		for start > 0 && l[start-1] == ' ' {
			start--
		}
		for start > 0 && l[start-1] != ' ' {
			start--
		}
		in.lines[in.row] = append(l[:start], l[in.col:]...)
		in.col = start
	default:
		return false
	}
	in.ensure()
	return true
}

// view draws the text in lines of at most w cells, long lines wrapped, the
// first after a two-cell prompt and the rest indented under it, with a
// block cursor when focused. cursorLine is the index of the line holding
// the cursor.
func (in *textInput) view(w int, prompt string, focused bool, st styles) (out []string, cursorLine int) {
	in.ensure()
	avail := max(w-2, 1)
	for r, l := range in.lines {
		lead := "  "
		if r == 0 {
			lead = st.key.Render(prompt)
		}
		// Cut the line into pieces of at most avail cells, remembering
		// where the cursor falls.
		start, width := 0, 0
		var pieces [][2]int
		for i, ch := range l {
			cw := max(ansi.StringWidth(string(ch)), 1)
			if width+cw > avail && i > start {
				pieces = append(pieces, [2]int{start, i})
				start, width = i, 0
			}
			width += cw
		}
		pieces = append(pieces, [2]int{start, len(l)})
		for p, piece := range pieces {
			text := string(l[piece[0]:piece[1]])
			last := p == len(pieces)-1
			if focused && r == in.row && in.col >= piece[0] && (in.col < piece[1] || last && in.col == piece[1]) {
				cursorLine = len(out)
				at := in.col - piece[0]
				seg := l[piece[0]:piece[1]]
				under := " "
				after := ""
				if at < len(seg) {
					under, after = string(seg[at]), string(seg[at+1:])
				}
				text = string(seg[:at]) + st.cursor.Render(under) + after
			}
			out = append(out, lead+text)
			lead = "  "
		}
	}
	return out, cursorLine
}
