package watch

import (
	"context"
	"time"
)

const (
	// quietPeriod is how long a burst of changes must pause before it is
	// signalled, so that one kubectl apply gives one signal, not ten.
	quietPeriod = 30 * time.Millisecond
	// maxDelay bounds how late a change is signalled when changes never
	// pause, such as during a rollout.
	maxDelay = 150 * time.Millisecond
)

// debouncer decides when a burst of changes is signalled.
type debouncer struct {
	quiet, max time.Duration
	// first is when the current burst began; zero between bursts.
	first time.Time
}

// change records a change at now and returns when the burst it belongs to
// is due: after a quiet period, but no later than max after its first change.
func (d *debouncer) change(now time.Time) time.Time {
	if d.first.IsZero() {
		d.first = now
	}
	due := now.Add(d.quiet)
	if limit := d.first.Add(d.max); limit.Before(due) {
		return limit
	}
	return due
}

// signalled ends the current burst.
func (d *debouncer) signalled() { d.first = time.Time{} }

// changed tells run that the namespace changed, without ever blocking: one
// pending poke stands for any number of changes.
func (w *Watcher) changed() {
	select {
	case w.poke <- struct{}{}:
	default:
	}
}

// signal offers a signal on Changes; an unread one already stands for it.
func (w *Watcher) signal() {
	select {
	case w.changes <- struct{}{}:
	default:
	}
}

// run waits until ready is closed, once every kind's first list has been
// delivered, signals that, then turns pokes into debounced signals until ctx
// ends. It owns Changes and closes it on return.
func (w *Watcher) run(ctx context.Context, ready <-chan struct{}) {
	defer close(w.changes)
	select {
	case <-ready:
	case <-ctx.Done():
		return
	}
	w.mu.Lock()
	w.synced = true
	w.mu.Unlock()
	w.signal()

	d := debouncer{quiet: quietPeriod, max: maxDelay}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-w.poke:
			// Since Go 1.23, Reset drops a tick that was due but unread.
			timer.Reset(time.Until(d.change(time.Now())))
		case <-timer.C:
			d.signalled()
			w.signal()
		}
	}
}
