package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/session"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// exerciseFlags are shared by the commands that act on one exercise.
type exerciseFlags struct {
	namespace string
	yes       bool
}

func (f *exerciseFlags) register(cmd *cobra.Command, writes bool) {
	cmd.Flags().StringVarP(&f.namespace, "namespace", "n", "", "the exercise's namespace (default: kz-ID, e.g. kz-2-1)")
	if writes {
		cmd.Flags().BoolVarP(&f.yes, "yes", "y", false, "do not ask before creating namespaces on a cluster that does not look local")
	}
}

func (a *app) startCommand() *cobra.Command {
	return a.lifecycleCommand("start ID", "Start an exercise: create its namespace and set it up; prints the namespace", false)
}

func (a *app) resetCommand() *cobra.Command {
	return a.lifecycleCommand("reset ID", "Start an exercise over: delete its namespace and set it up again", true)
}

// lifecycleCommand is start or reset: they differ only in whether the
// namespace is made anew.
func (a *app) lifecycleCommand(use, short string, reset bool) *cobra.Command {
	var f exerciseFlags
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  exactlyOneID,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.startOrReset(cmd.Context(), args[0], &f, reset)
		},
	}
	f.register(cmd, true)
	return cmd
}

func exactlyOneID(cmd *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usageError{fmt.Errorf("%s needs one exercise ID, such as 2.1", cmd.CommandPath())}
	}
	return nil
}

// exercise finds an exercise of the built-in course by its ID.
func exercise(id string) (*lessons.Course, *lessons.Exercise, error) {
	course, err := builtInCourse()
	if err != nil {
		return nil, nil, err
	}
	if ex := course.Exercise(id); ex != nil {
		return course, ex, nil
	}
	var ids []string
	for _, e := range course.AllExercises() {
		ids = append(ids, e.ID)
	}
	return nil, nil, usageError{fmt.Errorf("there is no exercise %q; the exercises are %s", id, strings.Join(ids, ", "))}
}

func (f *exerciseFlags) namespaceFor(ex *lessons.Exercise) string {
	if f.namespace != "" {
		return f.namespace
	}
	return workspace.Namespace(ex.ID)
}

// exerciseOn finds an exercise, the cluster, and the exercise's namespace.
func (a *app) exerciseOn(ctx context.Context, id string, f *exerciseFlags) (*lessons.Course, *lessons.Exercise, *kube.Target, string, error) {
	course, ex, err := exercise(id)
	if err != nil {
		return nil, nil, nil, "", err
	}
	target, err := a.target(ctx)
	if err != nil {
		return nil, nil, nil, "", err
	}
	return course, ex, target, f.namespaceFor(ex), nil
}

func (a *app) startOrReset(ctx context.Context, id string, f *exerciseFlags, reset bool) error {
	course, ex, target, ns, err := a.exerciseOn(ctx, id, f)
	if err != nil {
		return err
	}
	store, p := a.progress()
	if err := a.mayCreate(target, ns, agreementOf(f.yes), store, p); err != nil {
		return err
	}
	info, err := session.Prepare(ctx, target.Config, ex, ns, reset, session.Options{
		KubeconfigFiles: target.Files(),
		Report:          func(step workspace.Step) { fmt.Fprintln(a.stderr, stepLine(step, ex.ID, ns)) },
	})
	if err != nil {
		return explainUnreachable(target, err)
	}
	sayForgotten(a.stderr, info.Forgotten)
	if ns == workspace.Namespace(ex.ID) {
		_, err := store.Update(func(p *progress.Progress) {
			p.MarkStarted(ex.ID, info.Started)
			if _, l := course.Find(ex.ID); l != nil {
				p.Last = progress.Position{Exercise: ex.ID, Lesson: l.ID}
			}
			if reset {
				p.Exercise(ex.ID).Resets++
			}
		})
		if err != nil {
			fmt.Fprintf(a.stderr, "kanzen: could not save progress: %v\n", err)
		}
	}
	verb := "started"
	switch {
	case reset:
		verb = "reset"
	case !info.Created:
		verb = "already started"
	}
	fmt.Fprintf(a.stderr, "exercise %s %s in namespace %s (context %s)\n", ex.ID, verb, info.Namespace, target.Context)
	lang, _ := learnerLang("", p)
	fmt.Fprintf(a.stderr, "  %s\n", strings.ReplaceAll(strings.TrimSpace(ex.Goal.In(lang)), "\n", "\n  "))
	fmt.Fprintf(a.stderr, "work in it:  %s\n", workAdvice(target, info.Namespace))
	fmt.Fprintf(a.stderr, "check it:    kanzen check %s --watch\n", ex.ID)
	fmt.Fprintln(a.stdout, info.Namespace)
	return nil
}

// stepLine says what a slow step of starting an exercise is doing, so that
// the seconds it takes are not silent.
func stepLine(step workspace.Step, exerciseID, ns string) string {
	switch step {
	case workspace.Deleting:
		return fmt.Sprintf("Deleting namespace %s and everything in it…", ns)
	case workspace.WaitingGone:
		return fmt.Sprintf("Waiting for namespace %s to be deleted…", ns)
	default:
		return fmt.Sprintf("Setting up exercise %s in namespace %s…", exerciseID, ns)
	}
}

// sayForgotten tells the learner what a reset removed from their kubeconfig.
func sayForgotten(w io.Writer, f kube.Forgotten) {
	if len(f.Removed) == 0 {
		return
	}
	fmt.Fprintf(w, "removed context %s from your kubeconfig, as the exercise asked you to add it\n", strings.Join(f.Removed, ", "))
	switch {
	case f.SwitchedTo != "":
		fmt.Fprintf(w, "the current context is %s again\n", f.SwitchedTo)
	case f.Dangling != "":
		fmt.Fprintf(w, "%s was the current context: choose another with kubectl config use-context NAME (kubectl config get-contexts lists them)\n", f.Dangling)
	}
}

// workAdvice says how to run kubectl in the exercise's namespace. A new
// shell knows nothing of kanzen's sandbox (and may find an older kubectl
// first on PATH), so on the sandbox the advice starts with what sets both.
func workAdvice(target *kube.Target, ns string) string {
	if name, ok := sandboxOf(target); ok {
		return fmt.Sprintf(`eval "$(kanzen sandbox env%s)"   then add -n %s to each kubectl command`, nameFlag(name), ns)
	}
	return fmt.Sprintf("kubectl config set-context --current --namespace %s   (or add -n %s)", ns, ns)
}
