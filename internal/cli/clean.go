package cli

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"kanzen.dev/kanzen/internal/workspace"
)

func (a *app) cleanCommand() *cobra.Command {
	var yes, dryRun bool
	cmd := &cobra.Command{
		Use:   "clean",
		Short: "Delete every namespace kanzen made on the cluster (exercises and the quiz scratch space), after asking",
		Long: `Delete every namespace kanzen made on the cluster: the exercises' and the
quiz scratch space, with everything in them. Only namespaces that carry
kanzen's labels are touched. Your progress is kept; an exercise whose
namespace is gone starts afresh.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.clean(cmd.Context(), yes, dryRun)
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask first")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "only list what would be deleted")
	return cmd
}

func (a *app) clean(ctx context.Context, yes, dryRun bool) error {
	target, err := a.target(ctx)
	if err != nil {
		return err
	}
	owned, err := workspace.ListOwned(ctx, target.Config)
	if err != nil {
		return explainUnreachable(target, err)
	}
	if len(owned) == 0 {
		fmt.Fprintf(a.stdout, "kanzen has no namespaces on context %s\n", target.Context)
		return nil
	}
	fmt.Fprintf(a.stdout, "kanzen's namespaces on context %s:\n", target.Context)
	// The names line up in one column, however long the longest.
	width := 12
	for _, o := range owned {
		width = max(width, len(o.Name))
	}
	for _, o := range owned {
		fmt.Fprintf(a.stdout, "  %-*s %s\n", width, o.Name, describeOwned(o))
	}
	if dryRun {
		return nil
	}
	them, theyAre := "them", "they are"
	if len(owned) == 1 {
		them, theyAre = "it", "it is"
	}
	question := fmt.Sprintf("Delete %s and everything in %s from context %q (%s)?", countOf(len(owned), "namespace"), them, target.Context, target.Server)
	if err := a.confirm(question, yes); err != nil {
		return err
	}
	// Deleting a namespace's contents takes the cluster seconds.
	fmt.Fprintf(a.stdout, "Deleting %s and everything in %s, and waiting until %s gone…\n", countOf(len(owned), "namespace"), them, theyAre)
	began := time.Now()
	var printing sync.Mutex
	failed := 0
	err = workspace.DeleteOwned(ctx, target.Config, owned, func(o workspace.Owned, err error) {
		printing.Lock()
		defer printing.Unlock()
		if err != nil {
			failed++
			fmt.Fprintf(a.stdout, "✗ %s: %v\n", o.Name, err)
			return
		}
		fmt.Fprintf(a.stdout, "✓ deleted %s\n", o.Name)
	})
	if err != nil {
		return explainUnreachable(target, err)
	}
	fmt.Fprintf(a.stdout, "deleted %d of %s in %s\n", len(owned)-failed, countOf(len(owned), "namespace"), time.Since(began).Round(100*time.Millisecond))
	if failed > 0 {
		return silentError{fmt.Errorf("%d namespaces not deleted", failed)}
	}
	return nil
}

// describeOwned says what a namespace of kanzen's is for.
func describeOwned(o workspace.Owned) string {
	what := "quiz scratch space"
	if o.Exercise != "" {
		what = "exercise " + o.Exercise
	}
	if o.Deleting {
		what += " (already being deleted)"
	}
	return what
}
