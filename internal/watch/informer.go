package watch

import (
	"context"
	"errors"
	"fmt"
	"io"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/tools/cache"
)

// informer builds the informer of one kind in the watcher's namespace (or
// across the cluster for a cluster-scoped kind), with no resync, and returns
// it with the checker of its first full delivery.
//
// Its list and watch calls report their outcome to the watcher: the
// reflector's error handler only hears of failures, and it never hears of a
// refused watch, which the reflector retries quietly.
func (w *Watcher) informer(client dynamic.Interface, r Resolved, kind string) (cache.SharedIndexInformer, cache.DoneChecker, error) {
	gvr := r.GroupVersionResource
	var res dynamic.ResourceInterface = client.Resource(gvr)
	if r.Namespaced {
		res = client.Resource(gvr).Namespace(w.namespace)
	}
	lw := &cache.ListWatch{
		ListWithContextFunc: func(ctx context.Context, opts metav1.ListOptions) (runtime.Object, error) {
			list, err := res.List(ctx, opts)
			w.observe(ctx, kind, err)
			if err != nil {
				return nil, err
			}
			return list, nil
		},
		WatchFuncWithContext: func(ctx context.Context, opts metav1.ListOptions) (watch.Interface, error) {
			wi, err := res.Watch(ctx, opts)
			w.observe(ctx, kind, err)
			return wi, err
		},
	}
	inf := cache.NewSharedIndexInformerWithOptions(
		cache.ToListWatcherWithWatchListSemantics(lw, client),
		&unstructured.Unstructured{},
		cache.SharedIndexInformerOptions{ObjectDescription: gvr.String()},
	)
	err := inf.SetWatchErrorHandlerWithContext(func(ctx context.Context, _ *cache.Reflector, err error) {
		w.observe(ctx, kind, err)
	})
	if err != nil {
		return nil, nil, err
	}
	reg, err := inf.AddEventHandler(handler{w: w, kind: kind})
	if err != nil {
		return nil, nil, err
	}
	return inf, reg.HasSyncedChecker(), nil
}

// kindErr is the outstanding error of one kind; seq orders errors so that
// Err can return the latest.
type kindErr struct {
	err error
	seq int
}

// observe records the outcome of a list or watch of kind: an error, or with
// nil, that the server answers again.
func (w *Watcher) observe(ctx context.Context, kind string, err error) {
	// Stopping cancels calls, and expired resource versions and closed
	// streams are routine: the reflector just lists or watches again.
	if ctx.Err() != nil || errors.Is(err, io.EOF) || apierrors.IsResourceExpired(err) || apierrors.IsGone(err) {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if err == nil {
		delete(w.errs, kind)
		return
	}
	w.errSeq++
	w.errs[kind] = kindErr{err: fmt.Errorf("watch %s: %w", kind, err), seq: w.errSeq}
}

// Err returns the latest list or watch error of a kind whose lists and
// watches have not succeeded since, or nil. A failing kind stays reported
// while other kinds succeed.
func (w *Watcher) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	var last kindErr
	for _, e := range w.errs {
		if e.seq > last.seq {
			last = e
		}
	}
	return last.err
}
