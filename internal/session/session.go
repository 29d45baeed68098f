// Package session follows one started exercise: it watches the exercise's
// namespace and judges its checks whenever the namespace changes. The TUI and
// `kanzen check` share it, so both see the same verdicts.
package session

import (
	"context"
	"time"

	"k8s.io/client-go/rest"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// Session is one exercise being watched.
type Session struct {
	Exercise *lessons.Exercise
	Info     workspace.Info
	program  *check.Program
	watcher  *watch.Watcher
}

// Open finds the exercise's namespace (it must have been started) and starts
// watching it.
func Open(ctx context.Context, config *rest.Config, ex *lessons.Exercise, namespace string) (*Session, error) {
	program, err := check.Compile(ex)
	if err != nil {
		return nil, err
	}
	info, err := workspace.Lookup(ctx, config, ex.ID, namespace)
	if err != nil {
		return nil, err
	}
	w, err := watch.Start(ctx, config, info.Namespace, ex.Kinds)
	if err != nil {
		return nil, err
	}
	return &Session{Exercise: ex, Info: info, program: program, watcher: w}, nil
}

// Changes signals, debounced, that the namespace changed.
func (s *Session) Changes() <-chan struct{} { return s.watcher.Changes() }

// Snapshot is the namespace as last seen.
func (s *Session) Snapshot() watch.Snapshot { return s.watcher.Snapshot() }

// Err is the watch's last connection problem, nil while it is healthy.
func (s *Session) Err() error { return s.watcher.Err() }

// Evaluate judges the checks against a snapshot, in one language.
func (s *Session) Evaluate(snap watch.Snapshot, lang lessons.Lang) []check.Result {
	return s.program.Evaluate(snap, s.Info.Started, lang)
}

// Close stops the watches.
func (s *Session) Close() { s.watcher.Stop() }

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
