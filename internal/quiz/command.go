package quiz

import (
	"slices"
	"strings"

	"kanzen.dev/kanzen/internal/workspace"
)

// Invocation is a command answer made safe to run: kubectl's arguments
// after "kubectl", and the manifest it reads from stdin.
type Invocation struct {
	Verb string
	// Args are the learner's arguments without their own --dry-run and
	// --output, which kanzen sets.
	Args []string
	// Stdin is the manifest of -f -; empty when the command reads none.
	Stdin string
}

// verbs are the kubectl verbs that make an object.
var verbs = []string{"run", "create", "apply"}

// forbiddenLong and forbiddenShort are flags that choose another cluster,
// credentials or namespace than the ones kanzen picks.
var (
	forbiddenLong = []string{
		"namespace", "context", "kubeconfig", "cluster", "user", "server", "all-namespaces",
		"token", "as", "as-group", "as-uid", "username", "password", "certificate-authority",
		"client-certificate", "client-key", "insecure-skip-tls-verify", "tls-server-name",
	}
	forbiddenShort = "nsA"
)

// attachFlags make kubectl run attach to the Pod, which a dry run cannot
// do; they are dropped rather than refused, since they are a fine answer.
var attachFlags = []string{"-i", "-t", "-it", "-ti", "--stdin", "--tty", "--attach", "--rm"}

// ParseCommand reads a command answer: the first line is the kubectl
// command, split like shell words but never run by a shell, and the lines
// after it are its stdin when it reads -f -. It returns a *Refusal for
// anything kanzen will not run, saying why.
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
	if err := forbidden(args[0]); err != nil {
		return nil, err
	}
	inv := &Invocation{Verb: args[0]}
	switch {
	case strings.HasPrefix(inv.Verb, "-"):
		return nil, refuse(verbFirst, inv.Verb)
	case !slices.Contains(verbs, inv.Verb):
		return nil, refuse(verbNotAllowed, inv.Verb)
	}
	if len(args) > 1 && (inv.Verb == "apply" && strings.HasSuffix(args[1], "-last-applied") || inv.Verb == "create" && args[1] == "token") {
		return nil, refuse(subcommandNotAllowed, inv.Verb, args[1])
	}
	readsStdin := false
	inv.Args = []string{inv.Verb}
	for i := 1; i < len(args); i++ {
		w := args[i]
		if w == "--" {
			// What follows is the container's command, not kubectl's flags.
			inv.Args = append(inv.Args, args[i:]...)
			break
		}
		if err := forbidden(w); err != nil {
			return nil, err
		}
		name, value, hasValue := strings.Cut(w, "=")
		switch {
		case name == "--dry-run":
			continue
		case name == "-o" || name == "--output":
			if !hasValue {
				i++ // The value is the next word.
			}
			continue
		case strings.HasPrefix(w, "-o") && !strings.HasPrefix(w, "--"):
			continue // -oyaml
		case name == "--edit":
			return nil, refuse(editNotAllowed)
		case name == "--from-file" || name == "--from-env-file" || name == "--cert" || name == "--key":
			return nil, refuse(fromFileNotAllowed)
		case name == "-k" || name == "--kustomize" || strings.HasPrefix(w, "-k") && !strings.HasPrefix(w, "--"):
			return nil, refuse(kustomizeNotAllowed)
		case inv.Verb == "run" && slices.Contains(attachFlags, name):
			continue
		case name == "-f" || name == "--filename" || strings.HasPrefix(w, "-f") && !strings.HasPrefix(w, "--"):
			if !hasValue {
				switch {
				case name != "-f" && name != "--filename":
					value = strings.TrimPrefix(w, "-f") // -f-
				case i+1 < len(args):
					i++
					value = args[i]
				}
			}
			if value != "-" {
				return nil, refuse(fileNotAllowed)
			}
			readsStdin = true
			inv.Args = append(inv.Args, "-f", "-")
			continue
		}
		inv.Args = append(inv.Args, w)
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

// forbidden refuses a flag that would choose the cluster, the credentials
// or the namespace.
func forbidden(w string) error {
	if long, ok := strings.CutPrefix(w, "--"); ok {
		name, _, _ := strings.Cut(long, "=")
		if slices.Contains(forbiddenLong, name) {
			return refuse(flagNotAllowed, "--"+name, workspace.ScratchNamespace)
		}
		return nil
	}
	if len(w) > 1 && w[0] == '-' && strings.IndexByte(forbiddenShort, w[1]) >= 0 {
		return refuse(flagNotAllowed, w[:2], workspace.ScratchNamespace)
	}
	return nil
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

// KubectlArgs are the arguments kanzen runs: the learner's, in namespace,
// as a server-side dry run that prints JSON. They go before a "--", after
// which come the container's command and arguments.
func (inv *Invocation) KubectlArgs(namespace string) []string {
	ours := []string{"--namespace=" + namespace, "--dry-run=server", "-o", "json"}
	at := slices.Index(inv.Args, "--")
	if at < 0 {
		at = len(inv.Args)
	}
	out := slices.Clone(inv.Args[:at])
	out = append(out, ours...)
	return append(out, inv.Args[at:]...)
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
