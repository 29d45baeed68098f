package quiz

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"k8s.io/cli-runtime/pkg/genericiooptions"
	"k8s.io/cli-runtime/pkg/resource"
	"k8s.io/kubectl/pkg/cmd/apply"
	cmdutil "k8s.io/kubectl/pkg/cmd/util"
	"k8s.io/kubectl/pkg/scheme"
	"k8s.io/kubectl/pkg/util"
)

// execute runs the invocation with kubectl's own command code, in this
// process, through f: there is no kubectl binary, no PATH lookup and no
// plugin, and the only flags are the form's, with forcedFlags on top.
// What kubectl would print goes to streams.Out as JSON.
func execute(inv *Invocation, f cmdutil.Factory, streams genericiooptions.IOStreams) error {
	switch {
	case inv.form.path[0] == "apply":
		return applyManifest(inv, f, streams)
	case inv.form.manifest:
		return createManifest(inv, f, streams)
	}
	cmd := inv.form.command(f, streams)
	if err := cmd.ParseFlags(inv.Args); err != nil {
		return err
	}
	if err := force(cmd.Flags()); err != nil {
		return err
	}
	args := cmd.Flags().Args()
	for _, validate := range []func() error{
		func() error { return cmd.ValidateArgs(args) },
		cmd.ValidateRequiredFlags,
		cmd.ValidateFlagGroups,
	} {
		if err := validate(); err != nil {
			return err
		}
	}
	return catchFatal(func() error {
		if cmd.RunE != nil {
			return cmd.RunE(cmd, args)
		}
		cmd.Run(cmd, args)
		return nil
	})
}

// force sets forcedFlags on the flags that have them.
func force(flags *pflag.FlagSet) error {
	for _, kv := range forcedFlags {
		if flags.Lookup(kv[0]) == nil {
			continue
		}
		if err := flags.Set(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// applyManifest is kubectl apply -f -, its objects read from the answer's
// manifest rather than from the process's stdin.
func applyManifest(inv *Invocation, f cmdutil.Factory, streams genericiooptions.IOStreams) error {
	flags := apply.NewApplyFlags(streams)
	cmd := &cobra.Command{Use: "apply"}
	(&cobra.Command{Use: "kubectl"}).AddCommand(cmd)
	flags.AddFlags(cmd)
	if err := cmd.ParseFlags(inv.Args); err != nil {
		return err
	}
	if err := force(cmd.Flags()); err != nil {
		return err
	}
	return catchFatal(func() error {
		o, err := flags.ToOptions(f, cmd, "kubectl", cmd.Flags().Args())
		if err != nil {
			return err
		}
		infos, err := manifestObjects(f, inv.Stdin, o.Validator, o.Namespace, o.EnforceNamespace)
		if err != nil {
			return err
		}
		o.SetObjects(infos)
		if err := o.Validate(); err != nil {
			return err
		}
		return o.Run()
	})
}

// createManifest is kubectl create -f -, as kubectl's create runs it, its
// objects read from the answer's manifest.
func createManifest(inv *Invocation, f cmdutil.Factory, streams genericiooptions.IOStreams) error {
	cmd := inv.form.command(f, streams)
	if err := cmd.ParseFlags(inv.Args); err != nil {
		return err
	}
	if err := force(cmd.Flags()); err != nil {
		return err
	}
	if args := cmd.Flags().Args(); len(args) > 0 {
		return cmdutil.UsageErrorf(cmd, "Unexpected args: %v", args)
	}
	return catchFatal(func() error {
		directive, err := cmdutil.GetValidationDirective(cmd)
		if err != nil {
			return err
		}
		schema, err := f.Validator(directive)
		if err != nil {
			return err
		}
		namespace, enforce, err := f.ToRawKubeConfigLoader().Namespace()
		if err != nil {
			return err
		}
		infos, err := manifestObjects(f, inv.Stdin, schema, namespace, enforce)
		if err != nil {
			return err
		}
		if len(infos) == 0 {
			return errors.New("no objects passed to create")
		}
		saveConfig := cmdutil.GetFlagBool(cmd, cmdutil.ApplyAnnotationsFlag)
		for _, info := range infos {
			if err := util.CreateOrUpdateAnnotation(saveConfig, info.Object, scheme.DefaultJSONEncoder()); err != nil {
				return cmdutil.AddSourceToErr("creating", info.Source, err)
			}
			obj, err := resource.NewHelper(info.Client, info.Mapping).
				DryRun(true).
				WithFieldManager("kubectl-create").
				WithFieldValidation(directive).
				Create(info.Namespace, true, info.Object)
			if err != nil {
				return cmdutil.AddSourceToErr("creating", info.Source, err)
			}
			data, err := json.Marshal(obj)
			if err != nil {
				return err
			}
			streams.Out.Write(append(data, '\n'))
		}
		return nil
	})
}

// manifestObjects reads the manifest's objects as kubectl's -f - does, in
// the namespace, refusing another one when enforce is set.
func manifestObjects(f cmdutil.Factory, manifest string, schema resource.ContentValidator, namespace string, enforce bool) ([]*resource.Info, error) {
	b := f.NewBuilder().
		Unstructured().
		Schema(schema).
		ContinueOnError().
		NamespaceParam(namespace).DefaultNamespace().
		Stream(strings.NewReader(manifest), "STDIN")
	if enforce {
		b = b.RequireNamespace()
	}
	return b.Flatten().Do().Infos()
}

// fatal is how kubectl's command code ends with an error: its CheckErr
// would print the message and exit the process, and kanzen's handler
// panics with it instead, for catchFatal to recover.
type fatal struct {
	msg  string
	code int
}

var fatalOnce sync.Once

// catchFatal runs kubectl command code and returns its error: the one it
// returns, or the one CheckErr reports, with kubectl's wording. A panic of
// any other kind is kanzen's failure, not the answer's.
func catchFatal(run func() error) (err error) {
	fatalOnce.Do(func() {
		cmdutil.BehaviorOnFatal(func(msg string, code int) { panic(fatal{msg, code}) })
	})
	defer func() {
		switch r := recover().(type) {
		case nil:
		case fatal:
			msg := strings.TrimPrefix(strings.TrimSpace(r.msg), "error: ")
			if msg == "" {
				msg = fmt.Sprintf("kubectl ended with exit code %d", r.code)
			}
			err = errors.New(msg)
		default:
			err = kanzenFailure{fmt.Errorf("%v", r)}
		}
	}()
	if err := run(); err != nil {
		// Worded as kubectl would print it.
		cmdutil.CheckErr(err)
	}
	return nil
}

// kanzenFailure is an error of kanzen's, not of the answer.
type kanzenFailure struct{ err error }

func (e kanzenFailure) Error() string { return e.err.Error() }
