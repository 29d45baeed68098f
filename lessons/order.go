package lessons

import (
	"fmt"
	"regexp"
	"strings"
)

// mapListed finds a list made from one of the object fields that hold maps.
var mapListed = regexp.MustCompile(`\.(labels|annotations|selector|matchLabels|nodeSelector|data|stringData)\.map\(`)

// HaveProblem says what makes a check's have expression read differently
// from one evaluation to the next, or "".
func HaveProblem(have string) string {
	if list := UnsortedMapList(have); list != "" {
		return fmt.Sprintf("%s(...) lists a map's keys, which come in no fixed order: end it with .sort()", list)
	}
	return ""
}

// UnsortedMapList returns the first list an expression makes from a map's
// keys without sorting it right after, such as "labels.map", or "". A map's
// keys come in no fixed order, so such a have reads differently each time.
func UnsortedMapList(expr string) string {
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
