package lessons

import (
	"fmt"
	"regexp"
	"strings"
)

// mapListed finds a list made from one of the object fields that hold maps.
var mapListed = regexp.MustCompile(`\.(labels|annotations|selector|matchLabels|nodeSelector|data|stringData)\.map\(`)

// CheckProblem is what is wrong with one field of a check; Field is
// relative to the check, such as "want" or "title.ja".
type CheckProblem struct{ Field, Problem string }

// CheckProblems lists what is wrong with a check on its own terms, wherever
// it stands: in an exercise or in a quiz's command question. earlier holds
// the ids of the checks before it, which needs may name. Its id and target
// depend on where it stands, and are for the caller to judge.
func CheckProblems(c Check, earlier map[string]bool) []CheckProblem {
	var out []CheckProblem
	bad := func(field, format string, args ...any) {
		out = append(out, CheckProblem{field, fmt.Sprintf(format, args...)})
	}
	text := func(field string, t Text) {
		for _, tp := range TextProblems(t) {
			bad(field+"."+string(tp.Lang), "%s", tp.Problem)
		}
	}
	text("title", c.Title)
	if strings.TrimSpace(c.Have) == "" {
		bad("have", "missing")
	}
	if problem := haveProblem(c.Have); problem != "" {
		bad("have", "%s", problem)
	}
	if c.Want == "" && len(c.WantText) == 0 {
		bad("want", "give want, wantText, or both")
	}
	if c.Want == "" && c.Pass == "" {
		bad("pass", "without want, a check needs a pass condition")
	}
	if len(c.WantText) > 0 {
		text("wantText", c.WantText)
	}
	if len(c.Hint) > 0 {
		text("hint", c.Hint)
	}
	for value, words := range c.Show {
		text(fmt.Sprintf("show[%s]", value), words)
	}
	for j, req := range c.Requires {
		if req != RequiresContainers {
			bad(fmt.Sprintf("requires[%d]", j), "%q is unknown (known: %s)", req, RequiresContainers)
		}
	}
	for j, need := range c.Needs {
		if !earlier[need] {
			bad(fmt.Sprintf("needs[%d]", j), "%q is not an earlier check", need)
		}
	}
	return out
}

// haveProblem says what makes a check's have expression read differently
// from one evaluation to the next, or "".
func haveProblem(have string) string {
	if list := unsortedMapList(have); list != "" {
		return fmt.Sprintf("%s(...) lists a map's keys, which come in no fixed order: end it with .sort()", list)
	}
	return ""
}

// unsortedMapList returns the first list an expression makes from a map's
// keys without sorting it right after, such as "labels.map", or "". A map's
// keys come in no fixed order, so such a have reads differently each time.
func unsortedMapList(expr string) string {
	for _, at := range mapListed.FindAllStringIndex(expr, -1) {
		end := closingParen(expr, at[1]-1)
		if end < 0 || !strings.HasPrefix(expr[end+1:], ".sort()") {
			return expr[at[0]+1 : at[1]-1]
		}
	}
	return ""
}

// closingParen returns the index of the parenthesis that closes the one at
// open, skipping quoted strings, or -1.
func closingParen(s string, open int) int {
	depth := 0
	var quote byte
	for i := open; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
