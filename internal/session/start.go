package session

import (
	"context"
	"fmt"
	"sync"

	"k8s.io/client-go/rest"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// The front ends reach kanzen's namespaces through session, not workspace.

// ErrNotStarted means the exercise has no namespace ready: Open fails with
// it until the exercise is started.
var ErrNotStarted = workspace.ErrNotStarted

// Namespace is the default namespace of an exercise.
func Namespace(exerciseID string) string { return workspace.Namespace(exerciseID) }

// ScratchNamespace is where quiz answers are dry-run, unless the grader
// names another.
const ScratchNamespace = workspace.ScratchNamespace

// Prepared is an exercise namespace made ready to work in.
type Prepared struct {
	workspace.Info
	// Forgotten is what a reset took back from the learner's kubeconfig:
	// the contexts the exercise had them add.
	Forgotten kube.Forgotten
}

// Prepare starts the exercise in namespace, or with reset starts it over:
// the namespace is deleted and made afresh, and the contexts the exercise
// had the learner add are taken out of opts.KubeconfigFiles. opts.Report,
// when set, hears of each slow step before it begins.
func Prepare(ctx context.Context, config *rest.Config, ex *lessons.Exercise, namespace string, reset bool, opts Options) (Prepared, error) {
	info, err := workspace.Prepare(ctx, config, ex, namespace, reset, opts.Report)
	if err != nil {
		return Prepared{}, err
	}
	p := Prepared{Info: info}
	if reset {
		if p.Forgotten, err = kube.RemoveContexts(opts.KubeconfigFiles, ex.Reset.KubeconfigContexts); err != nil {
			return p, fmt.Errorf("the namespace was reset, but %w", err)
		}
	}
	return p, nil
}

// Start is Prepare, then Open: the exercise ready and watched.
func Start(ctx context.Context, config *rest.Config, ex *lessons.Exercise, namespace string, reset bool, opts Options) (*Session, Prepared, error) {
	p, err := Prepare(ctx, config, ex, namespace, reset, opts)
	if err != nil {
		return nil, p, err
	}
	s, err := Open(ctx, config, ex, p.Namespace, opts)
	return s, p, err
}

// compiled holds each exercise's checks compiled once, or why they do not
// compile, by exercise.
var compiled sync.Map

type compiledChecks struct {
	program *check.Program
	err     error
}

// checksOf compiles the exercise's checks the first time they are asked for.
func checksOf(ex *lessons.Exercise) (*check.Program, error) {
	if c, ok := compiled.Load(ex); ok {
		return c.(compiledChecks).program, c.(compiledChecks).err
	}
	program, err := check.Compile(ex)
	c, _ := compiled.LoadOrStore(ex, compiledChecks{program, err})
	return c.(compiledChecks).program, c.(compiledChecks).err
}

// ReadsKubeconfig reports whether the exercise's checks read the learner's
// kubeconfig: such an exercise is done in the learner's own kubeconfig.
func ReadsKubeconfig(ex *lessons.Exercise) bool {
	program, err := checksOf(ex)
	return err == nil && program.ReadsKubeconfig()
}
