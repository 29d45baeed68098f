package quiz

import (
	"strings"

	"kanzen.dev/kanzen/lessons"
)

// splitCommand splits the first command of text into words the way a POSIX
// shell would (quotes, backslashes, line continuations, comments), but
// never expands or runs anything: what only a shell can do, such as pipes,
// redirections, command lists, substitutions and variables, is refused.
// Blank and comment lines before the command are skipped; rest is the text
// after the command's last line.
func splitCommand(text string) (words []string, rest string, err error) {
	var cur strings.Builder
	inWord := false
	flush := func() {
		if inWord {
			words = append(words, cur.String())
			cur.Reset()
			inWord = false
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\\':
			switch {
			case i+1 == len(text):
				cur.WriteByte(c)
				inWord = true
				i++
			case text[i+1] == '\n':
				// A line continuation joins the next line to this one.
				i += 2
			default:
				cur.WriteByte(text[i+1])
				inWord = true
				i += 2
			}
		case c == '\'':
			end := strings.IndexByte(text[i+1:], '\'')
			if end < 0 {
				return nil, "", refuse(unterminated, "'")
			}
			cur.WriteString(text[i+1 : i+1+end])
			inWord = true
			i += end + 2
		case c == '"':
			n, err := doubleQuoted(text[i+1:], &cur)
			if err != nil {
				return nil, "", err
			}
			inWord = true
			i += n + 1
		case c == ' ' || c == '\t' || c == '\r':
			flush()
			i++
		case c == '\n':
			flush()
			i++
			if len(words) > 0 {
				return words, text[i:], nil
			}
		case c == '#' && !inWord:
			// A comment runs to the end of the line.
			if end := strings.IndexByte(text[i:], '\n'); end >= 0 {
				i += end
			} else {
				i = len(text)
			}
		case strings.IndexByte("|&;<>()`", c) >= 0:
			return nil, "", shellOnly(text[i:])
		case c == '$' && expands(text, i):
			return nil, "", shellOnly(text[i:])
		default:
			cur.WriteByte(c)
			inWord = true
			i++
		}
	}
	flush()
	return words, "", nil
}

// doubleQuoted copies the inside of a double-quoted string to cur and
// returns how many bytes it took, the closing quote included. A backslash
// escapes only $ ` " \ and newline there, as in a shell.
func doubleQuoted(s string, cur *strings.Builder) (int, error) {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '"':
			return i + 1, nil
		case c == '\\' && i+1 < len(s) && strings.IndexByte("$`\"\\\n", s[i+1]) >= 0:
			if s[i+1] != '\n' {
				cur.WriteByte(s[i+1])
			}
			i += 2
		case c == '`', c == '$' && expands(s, i):
			return 0, shellOnly(s[i:])
		default:
			cur.WriteByte(c)
			i++
		}
	}
	return 0, refuse(unterminated, `"`)
}

// expands reports whether the $ at s[i] would make a shell substitute
// something: a variable, ${...} or $(...).
func expands(s string, i int) bool {
	if i+1 >= len(s) {
		return false
	}
	c := s[i+1]
	return c == '_' || c == '{' || c == '(' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || strings.IndexByte("@*#?$!-", c) >= 0
}

// shellOnly refuses the shell syntax at the start of s, naming it.
func shellOnly(s string) error {
	var what lessons.Text
	token := s[:1]
	switch {
	case strings.HasPrefix(s, "||"), strings.HasPrefix(s, "&&"):
		token, what = s[:2], shellList
	case s[0] == '|':
		what = shellPipe
	case s[0] == '<' || s[0] == '>':
		what = shellRedirect
	case s[0] == ';' || s[0] == '&':
		what = shellList
	case s[0] == '`' || strings.HasPrefix(s, "$("):
		token, what = s[:min(2, len(s))], shellSubstitution
		if s[0] == '`' {
			token = "`"
		}
	case s[0] == '$':
		token, what = s[:2], shellVariable
	default:
		what = shellGrouping
	}
	return refuse(shellSyntax, token, what)
}
