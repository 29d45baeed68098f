package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/tools/cache"
	"k8s.io/utils/ptr"
)

// retry is how long a reflector waits before it lists or watches again
// after a failure. client-go's default grows to 30–60 s, so a learner whose
// API server came back would wait up to a minute for their checks; kanzen
// watches a handful of kinds in one namespace and can afford to ask every
// second.
var retry = wait.Backoff{Duration: 200 * time.Millisecond, Factor: 2, Jitter: 0.2, Steps: 4, Cap: time.Second}

// errRelist makes a reflector list again instead of resuming a watch.
var errRelist = errors.New("list again: the view may have missed changes")

// reflector builds the reflector of one kind in the watcher's namespace (or
// across the cluster for a cluster-scoped kind), feeding the watcher.
//
// Its list and watch calls report their outcome to the watcher, failures
// and successes alike, which the reflector's error handler would not: it
// never hears of a refused watch, which the reflector retries quietly.
// After any failure the kind is stale: its next watch is refused with
// errRelist, so that the reflector lists again at once rather than resume
// from a resource version the restarted server may no longer know (410
// Gone), and the view is fresh again only once that list is in.
func (w *Watcher) reflector(client dynamic.Interface, r Resolved, kind string) *cache.Reflector {
	gvr := r.GroupVersionResource
	var res dynamic.ResourceInterface = client.Resource(gvr)
	if r.Namespaced {
		res = client.Resource(gvr).Namespace(w.namespace)
	}
	lw := &cache.ListWatch{
		ListWithContextFunc: func(ctx context.Context, opts metav1.ListOptions) (runtime.Object, error) {
			list, err := res.List(ctx, opts)
			w.observe(ctx, kind, "list", w.denied(err, kind, "list", r))
			if err != nil {
				return nil, err
			}
			return list, nil
		},
		WatchFuncWithContext: func(ctx context.Context, opts metav1.ListOptions) (watch.Interface, error) {
			// A watch that begins with a full list (client-go's watch-list)
			// makes the view fresh by itself, and does a list's job.
			listing := ptr.Deref(opts.SendInitialEvents, false)
			if w.isStale(kind) && !listing {
				return nil, errRelist
			}
			wi, err := res.Watch(ctx, opts)
			w.observe(ctx, kind, "watch", w.denied(err, kind, "watch", r))
			if err != nil {
				return nil, err
			}
			if listing {
				w.observe(ctx, kind, "list", nil)
			}
			return onExpiry(wi, func() { w.markStale(kind) }), nil
		},
	}
	return cache.NewReflectorWithOptions(
		cache.ToListWatcherWithWatchListSemantics(lw, client),
		&unstructured.Unstructured{},
		kindStore{w: w, kind: kind},
		cache.ReflectorOptions{TypeDescription: gvr.String(), Backoff: &retry},
	)
}

// isExpired says the server no longer knows the resource version asked for:
// after a restart of the API server, or a long disconnection.
func isExpired(err error) bool { return apierrors.IsResourceExpired(err) || apierrors.IsGone(err) }

// kindErr is the outstanding error of one kind's list or watch calls; seq
// orders errors so that Err can return the latest.
type kindErr struct {
	err error
	seq int
}

// call names one kind's list or watch calls, whose errors are kept apart:
// a list that succeeds says nothing of a watch that is refused.
type call struct{ kind, verb string }

// observe records the outcome of a list or watch (verb) of kind: an error,
// or with nil, that the server answers again. Any error leaves the kind
// stale until it is listed again.
func (w *Watcher) observe(ctx context.Context, kind, verb string, err error) {
	// Stopping cancels calls, and closed streams are routine: the reflector
	// just watches again.
	if ctx.Err() != nil || errors.Is(err, io.EOF) {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if err == nil {
		delete(w.errs, call{kind, verb})
		return
	}
	w.stale[kind] = true
	if isExpired(err) {
		// Not a connection problem: the reflector lists again.
		return
	}
	w.errSeq++
	w.errs[call{kind, verb}] = kindErr{err: fmt.Errorf("watch %s: %w", kind, err), seq: w.errSeq}
}

// markStale records that kind's view may miss changes until it is listed again.
func (w *Watcher) markStale(kind string) {
	w.mu.Lock()
	w.stale[kind] = true
	w.mu.Unlock()
}

func (w *Watcher) isStale(kind string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.stale[kind]
}

// ErrStale means the cluster answers again, but a kind has not been listed
// since it lost the connection: the snapshot may miss what changed meanwhile.
var ErrStale = errors.New("the cluster answers again; catching up with what changed meanwhile")

// Err returns the latest list or watch error of a kind whose lists and
// watches have not succeeded since; else, once synced, ErrStale while a kind
// that lost the connection has not been listed again; else nil. A failing
// kind stays reported while other kinds succeed.
func (w *Watcher) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	var last kindErr
	for _, e := range w.errs {
		if e.seq > last.seq {
			last = e
		}
	}
	if last.err != nil {
		return last.err
	}
	for _, kind := range w.kinds {
		if w.stale[kind] && w.synced {
			return fmt.Errorf("watch %s: %w", kind, ErrStale)
		}
	}
	return nil
}
