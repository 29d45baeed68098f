// Package watch keeps a live view of one namespace: an informer per kind,
// debounced signals when something changes, and snapshots of the objects and
// of the events seen since the first sync.
package watch

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/rest"
	"k8s.io/klog/v2"
)

// Watcher watches some kinds in one namespace. Create it with Start.
type Watcher struct {
	namespace string
	// changes is what Changes returns; only run sends on it and closes it.
	changes chan struct{}
	// poke wakes run after a change; it holds one pending poke so that
	// informers never block on a busy debouncer.
	poke     chan struct{}
	cancel   context.CancelFunc
	running  sync.WaitGroup
	stopOnce sync.Once

	mu    sync.Mutex
	kinds []string
	// ready is closed once every kind has been listed; run then marks the
	// watcher synced.
	ready     chan struct{}
	readyOnce sync.Once
	listed    map[string]bool
	synced    bool
	// stale holds the kinds that lost the connection and have not been
	// listed since.
	stale map[string]bool
	// objects holds the live objects by kind, then by name.
	objects map[string]map[string]*unstructured.Unstructured
	events  []Event
	seq     int
	errs    map[call]kindErr
	errSeq  int
	// gone says the namespace itself was deleted or is being deleted.
	gone bool
}

// Start resolves kinds (e.g. "Deployment", "Pod") through the API server's
// discovery, starts one informer per kind limited to namespace, and returns
// without waiting for them to sync. The watcher runs until Stop is called or
// ctx ends, so ctx must outlive it.
func Start(ctx context.Context, config *rest.Config, namespace string, kinds []string) (*Watcher, error) {
	if namespace == "" {
		return nil, errors.New("watch: a namespace is required")
	}
	kinds = unique(kinds)
	disco, err := discovery.NewDiscoveryClientForConfig(config)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	gvrs, err := Resolve(disco, kinds)
	if err != nil {
		return nil, err
	}
	client, err := dynamic.NewForConfig(config)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := newWatcher(namespace, kinds)
	// The watcher reports failures itself (Err); the reflectors would also
	// log them, over the TUI or into kanzen check's output. A zero logger
	// discards.
	ctx = klog.NewContext(ctx, klog.Logger{})
	ctx, w.cancel = context.WithCancel(ctx)
	for _, kind := range kinds {
		refl := w.reflector(client, gvrs[kind], kind)
		w.running.Go(func() { refl.RunWithContext(ctx) })
	}
	w.followNamespace(ctx, client)
	w.running.Go(func() { w.run(ctx, w.ready) })
	return w, nil
}

// newWatcher returns a watcher of kinds with nothing running yet.
func newWatcher(namespace string, kinds []string) *Watcher {
	w := &Watcher{
		namespace: namespace,
		kinds:     kinds,
		ready:     make(chan struct{}),
		listed:    make(map[string]bool, len(kinds)),
		stale:     make(map[string]bool),
		changes:   make(chan struct{}, 1),
		poke:      make(chan struct{}, 1),
		objects:   make(map[string]map[string]*unstructured.Unstructured, len(kinds)),
		errs:      make(map[call]kindErr),
	}
	for _, kind := range kinds {
		w.objects[kind] = make(map[string]*unstructured.Unstructured)
	}
	return w
}

// Changes delivers a signal after the namespace changed, and once after the
// first full sync. Signals are debounced and coalesce; the channel is closed
// when the watcher stops.
func (w *Watcher) Changes() <-chan struct{} { return w.changes }

// Stop stops every informer, waits for them to finish and closes Changes. It
// may be called more than once, but not from a goroutine the watcher runs.
func (w *Watcher) Stop() {
	w.stopOnce.Do(func() {
		w.cancel()
		w.running.Wait()
	})
}

// unique drops repeated kinds, keeping the first of each, so that a kind is
// watched once.
func unique(kinds []string) []string {
	seen := make(map[string]bool, len(kinds))
	out := make([]string, 0, len(kinds))
	for _, k := range kinds {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}
