package quiz

import (
	"strings"
)

// Invocation is a command answer made safe to run: one of the forms the
// quizzes teach, with only the flags that form allows.
type Invocation struct {
	form *form
	// Args are the learner's words after the form's own, such as
	// "web --image=nginx" after "kubectl run".
	Args []string
	// Stdin is the manifest of -f -; empty when the command reads none.
	Stdin string
}

// Form names the command, such as "create deployment".
func (inv *Invocation) Form() string { return inv.form.name() }

// ParseCommand reads a command answer: the first line is the kubectl
// command, split like shell words but never run by a shell, and the lines
// after it are its stdin when it reads -f -. It returns a *Refusal for
// anything kanzen will not run, saying why and naming the word, and a
// kubectlError for what kubectl itself would reject before running.
func ParseCommand(answer string) (*Invocation, error) {
	words, rest, err := splitCommand(answer)
	if err != nil {
		return nil, err
	}
	if len(words) == 0 {
		return nil, refuse(emptyCommand)
	}
	switch first := words[0]; {
	case first == "kubectl":
	case first == "k" || first == "kc" || first == "kube":
		return nil, refuse(kubectlAlias, first)
	case strings.HasSuffix(first, "/kubectl"):
		return nil, refuse(kubectlPath)
	default:
		return nil, refuse(notKubectl, first)
	}
	args := words[1:]
	if len(args) == 0 {
		return nil, refuse(noVerb)
	}
	f, n, err := findForm(args)
	if err != nil {
		return nil, err
	}
	inv := &Invocation{form: f, Args: args[n:]}
	readsStdin, err := checkFlags(f, inv.Args)
	if err != nil {
		return nil, err
	}
	rest = endManifest(rest)
	switch {
	case readsStdin && strings.TrimSpace(rest) == "":
		return nil, refuse(stdinMissing)
	case readsStdin:
		inv.Stdin = rest
	case strings.TrimSpace(rest) != "":
		return nil, refuse(oneCommand)
	}
	return inv, nil
}

// endManifest drops a last line holding only ".", which ends a manifest
// typed at a prompt.
func endManifest(rest string) string {
	lines := strings.Split(strings.TrimRight(rest, " \t\r\n"), "\n")
	if n := len(lines); strings.TrimSpace(lines[n-1]) == "." {
		return strings.Join(lines[:n-1], "\n") + "\n"
	}
	return rest
}

// NeedsManifest reports whether a command line reads its manifest from
// stdin (-f -), so that a prompt knows to read the lines after it.
func NeedsManifest(line string) bool {
	words, _, err := splitCommand(line)
	if err != nil {
		return false
	}
	for i, w := range words {
		switch {
		case w == "--":
			return false
		case w == "-f-", w == "-f=-", w == "--filename=-":
			return true
		case (w == "-f" || w == "--filename") && i+1 < len(words) && words[i+1] == "-":
			return true
		}
	}
	return false
}
