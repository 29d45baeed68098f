package lessons

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// TextProblem is one thing wrong with a Text, in one language's field.
type TextProblem struct {
	Lang    Lang
	Problem string
}

// TextProblems lists what is wrong with a Text: a missing language, an
// unknown one, Markdown emphasis, which the panes that show these texts draw
// as literal asterisks, or Japanese with a space between two Japanese
// characters, which YAML's folded blocks (>) leave at every line break.
func TextProblems(t Text) []TextProblem {
	var out []TextProblem
	for _, lang := range Langs {
		if strings.TrimSpace(t[lang]) == "" {
			out = append(out, TextProblem{lang, "missing"})
		}
	}
	for lang := range t {
		if !slices.Contains(Langs, lang) {
			out = append(out, TextProblem{lang, fmt.Sprintf("unknown language (want one of %v)", Langs)})
		}
	}
	for _, lang := range Langs {
		if at := outsideCode(t[lang], "**"); at >= 0 {
			out = append(out, TextProblem{lang, fmt.Sprintf("Markdown emphasis at %q: only `code` is drawn here, so the asterisks would show; say it with words", around(t[lang], at))})
		}
	}
	if at := foldedSpace(t[Japanese]); at >= 0 {
		out = append(out, TextProblem{Japanese, fmt.Sprintf("a space between Japanese characters at %q, as a folded YAML block (>) leaves at a line break: write the text on one line, or use a literal block (|)", around(t[Japanese], at))})
	}
	if at := foldedBeforeASCII(t[Japanese]); at >= 0 {
		out = append(out, TextProblem{Japanese, fmt.Sprintf("a space between a Japanese character and a word at %q, as a folded YAML block (>) leaves at a line break: Japanese runs on into Latin words without a space", around(t[Japanese], at))})
	}
	for _, lang := range Langs {
		if line := numberedLine(t[lang]); line != "" {
			out = append(out, TextProblem{lang, fmt.Sprintf("the line %q starts with a number and a full stop, which Markdown draws as a list item: move the number to the line before", line)})
		}
	}
	if at := spaceAfterPunctuation(t[Japanese]); at >= 0 {
		out = append(out, TextProblem{Japanese, fmt.Sprintf("a space after Japanese punctuation at %q: 、 and 。 carry their own space", around(t[Japanese], at))})
	}
	return out
}

// listItem is a line that Markdown may draw as an item of a numbered list.
var listItem = regexp.MustCompile(`^[0-9]+[.)] `)

// numberedLine returns the first line that starts a numbered list item in
// the middle of a paragraph, or "". A wrapped sentence that puts "80." at
// the start of a line turns into a list there; a real list follows a blank
// line, another item, or an item's indented continuation.
func numberedLine(s string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		prev := lines[i-1]
		if listItem.MatchString(lines[i]) && strings.TrimSpace(prev) != "" && !listItem.MatchString(prev) && !strings.HasPrefix(prev, " ") {
			return lines[i]
		}
	}
	return ""
}

// outsideCode returns the byte offset of mark outside `code`, or -1.
func outsideCode(s, mark string) int {
	code := false
	for i, r := range s {
		switch {
		case r == '`':
			code = !code
		case !code && strings.HasPrefix(s[i:], mark):
			return i
		}
	}
	return -1
}

// foldedSpace returns the byte offset of a space between two wide
// characters outside `code`, or -1.
func foldedSpace(s string) int {
	return spaceOutsideCode(s, func(prev, next rune) bool { return wide(prev) && wide(next) })
}

// foldedBeforeASCII returns the byte offset of a space between a wide
// character and an ASCII letter or digit outside `code`, or -1. A space
// before `code` is the course's style and is left alone; a space before a
// bare word is what a folded line break leaves.
func foldedBeforeASCII(s string) int {
	return spaceOutsideCode(s, func(prev, next rune) bool {
		return wide(prev) && !strings.ContainsRune(japanesePunctuation, prev) && next < utf8.RuneSelf && (unicode.IsLetter(next) || unicode.IsDigit(next))
	})
}

// spaceAfterPunctuation returns the byte offset of a space that follows
// Japanese punctuation and precedes more text, outside `code`, or -1.
func spaceAfterPunctuation(s string) int {
	return spaceOutsideCode(s, func(prev, next rune) bool {
		return strings.ContainsRune(japanesePunctuation, prev) && next != ' ' && next != '\n' && next != utf8.RuneError
	})
}

// japanesePunctuation is what spaceAfterPunctuation reports a space after.
const japanesePunctuation = "、。）」"

// spaceOutsideCode returns the byte offset of the first space outside
// `code` whose neighbours are wrong, or -1.
func spaceOutsideCode(s string, wrong func(prev, next rune) bool) int {
	code := false
	prev := rune(0)
	for i, r := range s {
		switch {
		case r == '`':
			code = !code
		case r == ' ' && !code:
			if next, _ := utf8.DecodeRuneInString(s[i+1:]); wrong(prev, next) {
				return i
			}
		}
		prev = r
	}
	return -1
}

func wide(r rune) bool { return r != 0 && ansi.StringWidth(string(r)) > 1 }

// around is a few characters either side of a byte offset.
func around(s string, at int) string {
	r := []rune(s[:at])
	after := []rune(s[at:])
	return string(r[max(len(r)-6, 0):]) + string(after[:min(len(after), 7)])
}
