// Package textwrap wraps text for the terminal, Japanese included: it breaks
// at spaces and between wide characters, and keeps closing punctuation off
// the start of a line.
package textwrap

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Wrap breaks plain text into lines of at most w cells. It breaks at
// spaces and between wide (Japanese) characters, which need no spaces, and
// cuts a word only when it is longer than a line.
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		out = append(out, Line(para, w)...)
	}
	return out
}

// Line wraps one paragraph, which has no newlines.
func Line(para string, w int) []string {
	var lines []string
	line, width := "", 0
	flush := func() {
		lines = append(lines, strings.TrimRight(line, " "))
		line, width = "", 0
	}
	for _, tok := range tokens(para) {
		tw := ansi.StringWidth(tok)
		if tok == " " && width == 0 && len(lines) > 0 {
			continue // No line but the first starts with a space.
		}
		if width+tw > w && width > 0 {
			flush()
			if tok == " " {
				continue
			}
		}
		for tw > w { // A word longer than a line is cut.
			cut := max(w-width, 1)
			head := ansi.Truncate(tok, cut, "")
			if ansi.StringWidth(head) == 0 {
				break // A wide character in a one-cell line: let it overflow.
			}
			line += head
			flush()
			tok = ansi.TruncateLeft(tok, cut, "")
			tw = ansi.StringWidth(tok)
		}
		line += tok
		width += tw
	}
	flush()
	return lines
}

// noLineStart are the characters Japanese typesetting keeps from starting
// a line: closing punctuation, the long-vowel mark, small kana and the
// repetition mark, which all belong to what comes before them.
const noLineStart = "。、，．）」』】〉》！？ー・：；ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々"

// asciiClosers are kept off a line's start when they follow a wide
// character: "（kz-quiz)" must not leave ")" alone on the next line.
const asciiClosers = ")]},.:;!?"

// tokens splits text into breakable pieces: runs of narrow non-space
// characters, single spaces, and single wide characters.
func tokens(s string) []string {
	var out []string
	word := ""
	for _, r := range s {
		switch {
		case r == ' ':
			if word != "" {
				out, word = append(out, word), ""
			}
			out = append(out, " ")
		case strings.ContainsRune(noLineStart, r) && word != "":
			// Closing punctuation stays with what it closes, and a line may
			// break after it: "Node、Namespace" is two pieces, not a word.
			out, word = append(out, word+string(r)), ""
		case strings.ContainsRune(noLineStart+asciiClosers, r) && word == "" && len(out) > 0 && out[len(out)-1] != " ":
			out[len(out)-1] += string(r)
		case ansi.StringWidth(string(r)) > 1:
			if word != "" {
				out, word = append(out, word), ""
			}
			out = append(out, string(r))
		default:
			word += string(r)
		}
	}
	if word != "" {
		out = append(out, word)
	}
	return out
}
