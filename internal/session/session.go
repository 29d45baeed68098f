// Package session follows one started exercise: it watches the exercise's
// namespace and judges its checks whenever the namespace changes. The TUI and
// `kanzen check` share it, so both see the same verdicts.
package session

import (
	"context"
	"sync"
	"time"

	"k8s.io/client-go/rest"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// Options say where to find what lies outside the cluster.
type Options struct {
	// KubeconfigFiles are the learner's kubeconfig files in kubectl's
	// order, read only by exercises whose checks read the kubeconfig.
	KubeconfigFiles []string
	// Report, when set, hears of each slow step of Prepare and Start
	// before it begins.
	Report func(workspace.Step)
}

// Session is one exercise being watched.
type Session struct {
	Exercise *lessons.Exercise
	Info     workspace.Info
	program  *check.Program
	watcher  *watch.Watcher
	changes  <-chan struct{}
	cancel   context.CancelFunc
	stopped  sync.WaitGroup

	api       []check.APIResource
	simulated bool

	mu sync.Mutex
	// kubeconfig is the last read of the learner's kubeconfig, and
	// kubeconfigErr the last failure to read it.
	kubeconfig    check.Kubeconfig
	kubeconfigErr error
}

// Open finds the exercise's namespace (it must have been started) and starts
// watching it, and whatever else its checks read.
func Open(ctx context.Context, config *rest.Config, ex *lessons.Exercise, namespace string, opts Options) (*Session, error) {
	program, err := checksOf(ex)
	if err != nil {
		return nil, err
	}
	info, err := workspace.Lookup(ctx, config, ex.ID, namespace)
	if err != nil {
		return nil, err
	}
	s := &Session{Exercise: ex, Info: info, program: program}
	if program.NeedsContainers() {
		if s.simulated, err = simulatedNodes(ctx, config); err != nil {
			return nil, err
		}
	}
	if program.ReadsAPI() {
		if s.api, err = serverAPI(config); err != nil {
			return nil, err
		}
	}
	if s.watcher, err = watch.Start(ctx, config, info.Namespace, ex.Kinds); err != nil {
		return nil, err
	}
	s.changes = s.watcher.Changes()
	if program.ReadsKubeconfig() {
		s.followKubeconfig(ctx, opts.KubeconfigFiles)
	}
	return s, nil
}

// followKubeconfig reads the kubeconfig now and whenever its files change,
// and merges those changes into the namespace's.
func (s *Session) followKubeconfig(ctx context.Context, files []string) {
	s.readKubeconfig(files)
	merged := make(chan struct{}, 1)
	signal := func() {
		select {
		case merged <- struct{}{}:
		default:
		}
	}
	ctx, s.cancel = context.WithCancel(ctx)
	s.stopped.Go(func() {
		followKubeconfig(ctx, files, func() { s.readKubeconfig(files); signal() })
	})
	namespace := s.changes
	s.stopped.Go(func() {
		defer close(merged)
		for {
			select {
			case _, ok := <-namespace:
				if !ok {
					return
				}
				signal()
			case <-ctx.Done():
				return
			}
		}
	})
	s.changes = merged
}

func (s *Session) readKubeconfig(files []string) {
	k, err := readKubeconfig(files)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.kubeconfigErr = err
	if err == nil {
		s.kubeconfig = k
	}
}

// Changes signals, debounced, that the namespace (or the kubeconfig, for
// exercises that read it) changed.
func (s *Session) Changes() <-chan struct{} { return s.changes }

// Snapshot is the namespace as last seen.
func (s *Session) Snapshot() watch.Snapshot { return s.watcher.Snapshot() }

// Err is the watch's last connection problem, or a kubeconfig that cannot
// be read; nil while all is well.
func (s *Session) Err() error {
	if err := s.watcher.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.kubeconfigErr
}

// Evaluate judges the checks against a snapshot, in one language.
func (s *Session) Evaluate(snap watch.Snapshot, lang lessons.Lang) []check.Result {
	return s.program.Evaluate(s.input(snap), lang)
}

// DeadEnds says what in the snapshot the checks cannot come back from by
// themselves, in one language; none means the exercise can still be done.
func (s *Session) DeadEnds(snap watch.Snapshot, lang lessons.Lang) []string {
	return s.program.DeadEnds(s.input(snap), lang)
}

// input is what the checks see of one snapshot.
func (s *Session) input(snap watch.Snapshot) check.Input {
	s.mu.Lock()
	kubeconfig := s.kubeconfig
	s.mu.Unlock()
	return check.Input{
		Snapshot:       snap,
		Started:        s.Info.Started,
		Kubeconfig:     kubeconfig,
		API:            s.api,
		SimulatedNodes: s.simulated,
	}
}

// Close stops the watches.
func (s *Session) Close() {
	s.watcher.Stop()
	if s.cancel != nil {
		s.cancel()
	}
	s.stopped.Wait()
}

// Update is one change of the namespace, ready to show.
type Update struct {
	Snapshot watch.Snapshot
	Err      error
	// Closed means the session was closed and no more updates follow.
	Closed bool
}

// Next waits for the next change, or at most quiet, so that a caller
// showing the connection state learns of lost connections too.
func (s *Session) Next(quiet time.Duration) Update {
	timer := time.NewTimer(quiet)
	defer timer.Stop()
	select {
	case _, ok := <-s.Changes():
		if !ok {
			return Update{Closed: true}
		}
	case <-timer.C:
	}
	return Update{Snapshot: s.Snapshot(), Err: s.Err()}
}
