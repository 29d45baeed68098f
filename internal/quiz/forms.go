package quiz

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"k8s.io/cli-runtime/pkg/genericiooptions"
	"k8s.io/kubectl/pkg/cmd/apply"
	"k8s.io/kubectl/pkg/cmd/create"
	"k8s.io/kubectl/pkg/cmd/expose"
	"k8s.io/kubectl/pkg/cmd/run"
	cmdutil "k8s.io/kubectl/pkg/cmd/util"
)

// form is one kubectl command line kanzen grades: the words that name it
// and the flags it passes on. Any other flag is refused, so what kanzen
// runs is only ever what this table allows.
type form struct {
	// path is the command's words after kubectl, as kubectl names them:
	// {"create", "deployment"}, {"create", "service", "clusterip"}.
	path []string
	// flags are the long names of the flags the form passes on, besides
	// sharedFlags.
	flags []string
	// manifest forms read their objects from the lines typed under the
	// command: -f - is their only filename.
	manifest bool
}

// sharedFlags are taken by every form whose kubectl command has them.
// --dry-run and --output are accepted only to be replaced by forcedFlags.
var sharedFlags = []string{"dry-run", "output", "save-config", "validate"}

// forcedFlags are set on every form after the learner's flags: a
// server-side dry run that prints JSON, never attached to a container.
var forcedFlags = [][2]string{
	{"dry-run", "server"}, {"output", "json"},
	{"stdin", "false"}, {"tty", "false"}, {"attach", "false"}, {"rm", "false"}, {"quiet", "false"},
}

// forms are the commands the quizzes teach.
var forms = []*form{
	{path: []string{"run"}, flags: []string{
		"image", "port", "env", "labels", "restart", "command", "image-pull-policy",
		"annotations", "overrides", "privileged", "expose",
		// A fine answer attaches to the Pod; a dry run cannot, so these are
		// turned off (forcedFlags) rather than refused.
		"stdin", "tty", "attach", "rm", "quiet",
	}},
	{path: []string{"create", "deployment"}, flags: []string{"image", "replicas", "port"}},
	{path: []string{"create", "service", "clusterip"}, flags: []string{"tcp", "clusterip"}},
	{path: []string{"create", "service", "nodeport"}, flags: []string{"tcp", "node-port"}},
	{path: []string{"create", "service", "loadbalancer"}, flags: []string{"tcp"}},
	{path: []string{"create", "service", "externalname"}, flags: []string{"tcp", "external-name"}},
	{path: []string{"create", "configmap"}, flags: []string{"from-literal", "append-hash"}},
	{path: []string{"create", "secret", "generic"}, flags: []string{"from-literal", "type", "append-hash"}},
	{path: []string{"create", "secret", "docker-registry"}, flags: []string{"docker-server", "docker-username", "docker-password", "docker-email"}},
	// Its certificate and key are files, which kanzen does not read: the
	// form is here so that the refusal says so.
	{path: []string{"create", "secret", "tls"}},
	{path: []string{"create", "job"}, flags: []string{"image"}},
	{path: []string{"create", "cronjob"}, flags: []string{"image", "schedule", "restart"}},
	{path: []string{"create", "quota"}, flags: []string{"hard", "scopes"}},
	{path: []string{"create", "serviceaccount"}},
	{path: []string{"create", "namespace"}},
	{path: []string{"create"}, flags: []string{"filename"}, manifest: true},
	{path: []string{"apply"}, flags: []string{"filename", "server-side", "force-conflicts", "field-manager"}, manifest: true},
	{path: []string{"expose"}, flags: []string{
		"port", "target-port", "protocol", "type", "name", "selector", "labels",
		"cluster-ip", "external-ip", "session-affinity",
	}},
}

// verbNames are the verbs of the forms, in the order refusals list them.
var verbNames = []string{"run", "create", "apply", "expose"}

// allows reports whether the form passes on the flag of this long name.
func (f *form) allows(name string) bool {
	return slices.Contains(f.flags, name) || slices.Contains(sharedFlags, name)
}

// name is the form as typed after kubectl, such as "create deployment".
func (f *form) name() string { return strings.Join(f.path, " ") }

// command builds kubectl's own cobra command for the form, under a root
// named kubectl so that its messages say "kubectl create ...". The root
// has none of kubectl's global flags: no kubeconfig, server, credentials,
// namespace, cache or profile flag exists to be set. f may be nil when the
// command only parses.
func (fm *form) command(f cmdutil.Factory, streams genericiooptions.IOStreams) *cobra.Command {
	root := &cobra.Command{Use: "kubectl"}
	var top *cobra.Command
	switch fm.path[0] {
	case "run":
		top = run.NewCmdRun(f, streams)
	case "create":
		top = create.NewCmdCreate(f, streams)
	case "apply":
		top = apply.NewCmdApply("kubectl", f, streams)
	case "expose":
		top = expose.NewCmdExposeService(f, streams)
	}
	root.AddCommand(top)
	cmd := top
	for _, word := range fm.path[1:] {
		cmd = subcommand(cmd, word)
	}
	return cmd
}

// subcommand is cmd's subcommand called or aliased word, or nil.
func subcommand(cmd *cobra.Command, word string) *cobra.Command {
	for _, sub := range cmd.Commands() {
		if sub.Name() == word || sub.HasAlias(word) {
			return sub
		}
	}
	return nil
}

// findForm finds the form that words (after kubectl) start with, and how
// many words name it. It refuses, naming the word, a verb, a kind or a
// subcommand that no form has.
func findForm(words []string) (*form, int, error) {
	verb := words[0]
	switch {
	case strings.HasPrefix(verb, "-"):
		return nil, 0, flagFirst(verb)
	case !slices.Contains(verbNames, verb):
		return nil, 0, refuse(verbNotAllowed, verb)
	}
	cmd := (&form{path: []string{verb}}).command(nil, genericiooptions.NewTestIOStreamsDiscard())
	path := []string{verb}
	n := 1
	for ; n < len(words) && cmd.HasSubCommands() && !strings.HasPrefix(words[n], "-"); n++ {
		sub := subcommand(cmd, words[n])
		switch {
		case sub == nil && len(path) == 1 && verb == "create":
			return nil, 0, refuse(kindNotAllowed, words[n], createKinds())
		case sub == nil && len(path) > 1:
			return nil, 0, refuse(subcommandNotAllowed, strings.Join(path, " "), words[n])
		}
		if sub == nil {
			break // An argument, such as apply's: kubectl says what is wrong.
		}
		cmd = sub
		path = append(path, sub.Name())
	}
	f := formAt(path)
	switch {
	case f != nil:
		return f, n, nil
	case cmd.HasSubCommands():
		return nil, 0, refuse(typeMissing, strings.Join(path, " "))
	default:
		return nil, 0, refuse(subcommandNotAllowed, strings.Join(path[:len(path)-1], " "), words[n-1])
	}
}

// formAt is the form with exactly this path, or nil.
func formAt(path []string) *form {
	for _, f := range forms {
		if slices.Equal(f.path, path) {
			return f
		}
	}
	return nil
}

// createKinds lists the kinds kubectl create takes here, for a refusal.
func createKinds() string {
	var kinds []string
	for _, f := range forms {
		if len(f.path) > 1 && f.path[0] == "create" && !slices.Contains(kinds, f.path[1]) {
			kinds = append(kinds, f.path[1])
		}
	}
	return strings.Join(kinds, ", ")
}
