package quiz

import (
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"k8s.io/cli-runtime/pkg/genericclioptions"
	"k8s.io/cli-runtime/pkg/genericiooptions"

	"kanzen.dev/kanzen/internal/workspace"
)

// checkFlags parses the learner's arguments after the form's words as
// kubectl would (pflag: --flag=v, --flag v, -x v, joined short flags, --
// before a container's command), but knowing only the flags the form
// allows. A flag it does not allow is refused, naming it as typed; a flag
// kubectl itself does not have is kubectl's own error, a wrong answer like
// any other. A manifest form's only filename is -, its stdin: readsStdin
// says whether it was given.
func checkFlags(f *form, args []string) (readsStdin bool, err error) {
	cmd := f.command(nil, genericiooptions.NewTestIOStreamsDiscard())
	allowed := pflag.NewFlagSet(f.name(), pflag.ContinueOnError)
	allowed.SetOutput(discard{})
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if f.allows(fl.Name) {
			allowed.AddFlag(fl)
		}
	})
	err = allowed.Parse(args)
	var unknown *pflag.NotExistError
	if errors.As(err, &unknown) {
		return false, unknownFlag(f, cmd, unknown)
	}
	if err != nil {
		return false, kubectlError{err}
	}
	if !f.manifest {
		return false, nil
	}
	files, _ := allowed.GetStringSlice("filename")
	for i, file := range files {
		// One manifest, typed under the command: a second -f - would be
		// the same one again.
		if file != "-" || i > 0 {
			return false, refuse(fileNotAllowed, file)
		}
	}
	return len(files) == 1, nil
}

// kubectlError is kubectl's own complaint about an answer, found before
// anything runs: the answer is wrong, not refused.
type kubectlError struct{ err error }

func (e kubectlError) Error() string { return e.err.Error() }

// unknownFlag judges a flag the form does not allow. Spelled as kubectl
// knows it (its own flags, with _ for - as kubectl accepts, and its global
// flags), it is refused with why; otherwise kubectl would not know it
// either, and says so.
func unknownFlag(f *form, cmd *cobra.Command, e *pflag.NotExistError) error {
	typed := "--" + e.GetSpecifiedName()
	short := e.GetSpecifiedShortnames() != ""
	if short {
		typed = "-" + e.GetSpecifiedName()
	}
	fl := kubectlFlag(cmd, e.GetSpecifiedName(), short)
	if fl == nil {
		return kubectlError{e}
	}
	if !short && strings.Contains(e.GetSpecifiedName(), "_") && f.allows(fl.Name) {
		return refuse(spellWithDashes, typed, "--"+fl.Name)
	}
	switch fl.Name {
	case "filename", "recursive":
		return refuse(fileNotAllowed, typed)
	case "kustomize":
		return refuse(kustomizeNotAllowed, typed)
	case "from-file", "from-env-file", "cert", "key":
		return refuse(fromFileNotAllowed, typed)
	case "edit":
		return refuse(editNotAllowed, typed)
	case "profile", "profile-output", "cache-dir":
		return refuse(writesFiles, typed)
	}
	if slices.Contains(scopeFlags, fl.Name) {
		return refuse(flagNotAllowed, typed, workspace.ScratchNamespace)
	}
	return refuse(flagNotTaken, typed, f.name(), f.takes(cmd))
}

// flagFirst refuses a flag typed before the verb: by why, when it chooses
// the cluster, the credentials or the namespace; else by where it goes.
func flagFirst(word string) error {
	typed, short := word, false
	if long, ok := strings.CutPrefix(word, "--"); ok {
		name, _, _ := strings.Cut(long, "=")
		typed = "--" + name
	} else if len(word) > 1 {
		typed, short = word[:2], true
	}
	fl := kubectlFlag(&cobra.Command{}, strings.TrimLeft(typed, "-"), short)
	if fl != nil && slices.Contains(scopeFlags, fl.Name) {
		return refuse(flagNotAllowed, typed, workspace.ScratchNamespace)
	}
	return refuse(verbFirst, word)
}

// scopeFlags choose the cluster, the credentials or the namespace, which
// kanzen chooses.
var scopeFlags = []string{
	"namespace", "context", "kubeconfig", "cluster", "user", "server", "all-namespaces",
	"token", "as", "as-group", "as-uid", "as-user-extra", "username", "password",
	"certificate-authority", "client-certificate", "client-key", "insecure-skip-tls-verify",
	"tls-server-name", "disable-compression", "request-timeout", "match-server-version", "proxy-url",
}

// kubectlFlag finds a flag as kubectl would: the command's own, then
// kubectl's global ones, a long name with _ read as -.
func kubectlFlag(cmd *cobra.Command, name string, short bool) *pflag.Flag {
	sets := []*pflag.FlagSet{cmd.Flags(), globalFlags()}
	for _, set := range sets {
		var fl *pflag.Flag
		if short {
			fl = set.ShorthandLookup(name)
		} else {
			fl = set.Lookup(strings.ReplaceAll(name, "_", "-"))
		}
		if fl != nil {
			return fl
		}
	}
	return nil
}

// globalFlags are kubectl's flags for every command: its kubeconfig and
// connection flags, and those its root command adds. kanzen never parses
// with them; it only knows them to refuse them by name.
var globalFlags = sync.OnceValue(func() *pflag.FlagSet {
	set := pflag.NewFlagSet("kubectl", pflag.ContinueOnError)
	genericclioptions.NewConfigFlags(true).AddFlags(set)
	set.String("profile", "", "")
	set.String("profile-output", "", "")
	set.Bool("warnings-as-errors", false, "")
	set.Bool("match-server-version", false, "")
	set.String("kuberc", "", "")
	set.StringP("v", "v", "", "")
	set.String("vmodule", "", "")
	set.BoolP("all-namespaces", "A", false, "")
	set.BoolP("help", "h", false, "")
	return set
})

// takes lists the flags the form passes on, as --name or -x, --name.
func (f *form) takes(cmd *cobra.Command) string {
	var out []string
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if !f.allows(fl.Name) || fl.Name == "dry-run" || fl.Name == "output" || fl.Deprecated != "" {
			return
		}
		name := "--" + fl.Name
		if fl.Shorthand != "" {
			name = "-" + fl.Shorthand + "/" + name
		}
		out = append(out, name)
	})
	if len(out) == 0 {
		return "—"
	}
	return strings.Join(out, " ")
}

// discard swallows pflag's usage output.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
