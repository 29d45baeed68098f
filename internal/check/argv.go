package check

import (
	"path"
	"strings"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"
)

// argvFunction declares argv(container): the words a container runs, from
// its command and then its args, written without a shell where one is not
// needed. `sh -c 'echo hello'`, `/bin/echo hello` and `echo hello` all give
// ["echo", "hello"], so a check can accept every form its goal allows. A
// script that needs the shell (; | $ and the like) stays ["sh", "-c",
// script]. A container that sets neither runs its image's default, which
// the check cannot see: the list is empty.
var argvFunction = cel.Function("argv",
	cel.Overload("argv_container", []*cel.Type{cel.DynType}, cel.ListType(cel.StringType),
		cel.UnaryBinding(func(c ref.Val) ref.Val {
			m, _ := c.Value().(map[string]any)
			return types.DefaultTypeAdapter.NativeToValue(Argv(stringList(m["command"]), stringList(m["args"])))
		})))

// Argv is argv's Go side: command and args joined, a simple shell script
// unwrapped, a leading exec dropped, and the program named without its
// directory.
func Argv(command, args []string) []string {
	words := append(append([]string{}, command...), args...)
	if len(words) == 3 && shells[path.Base(words[0])] && words[1] == "-c" {
		if script, ok := simpleWords(words[2]); ok && len(script) > 0 {
			words = script
		} else {
			words = []string{path.Base(words[0]), "-c", words[2]}
		}
	}
	if len(words) > 1 && words[0] == "exec" {
		words = words[1:]
	}
	if len(words) > 0 {
		words[0] = path.Base(words[0])
	}
	return words
}

// shells are the programs whose -c runs a script.
var shells = map[string]bool{"sh": true, "bash": true, "ash": true, "dash": true}

// shellSyntax is what makes a script more than one plain command.
const shellSyntax = ";|&<>()$`*?[]{}~#\\\n"

// simpleWords splits a script into words the way a shell would, if it is
// one plain command: words, single and double quotes, nothing else.
func simpleWords(script string) ([]string, bool) {
	var words []string
	var word strings.Builder
	inWord := false
	var quote rune
	for _, r := range script {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			if quote == '"' && strings.ContainsRune("$`\\", r) {
				return nil, false
			}
			word.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		case strings.ContainsRune(shellSyntax, r):
			return nil, false
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, false
	}
	if inWord {
		words = append(words, word.String())
	}
	return words, true
}

// stringList reads a list of strings from a decoded object.
func stringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, s := range list {
		if s, ok := s.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
