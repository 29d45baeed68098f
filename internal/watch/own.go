package watch

import (
	"context"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/tools/cache"
)

var namespacesResource = schema.GroupVersionResource{Version: "v1", Resource: "namespaces"}

// followNamespace watches the watched namespace itself, so that a snapshot
// says when it goes: a reset from another terminal, kanzen clean, or
// kubectl delete namespace. Reading one namespace by name needs permission
// to list namespaces; without it the follower stops, and a deletion goes
// unnoticed rather than reported as a lost connection.
func (w *Watcher) followNamespace(ctx context.Context, client dynamic.Interface) {
	ctx, stop := context.WithCancel(ctx)
	res := client.Resource(namespacesResource)
	byName := fields.OneTermEqualSelector("metadata.name", w.namespace).String()
	giveUpIfForbidden := func(err error) {
		if apierrors.IsForbidden(err) {
			stop()
		}
	}
	lw := &cache.ListWatch{
		ListWithContextFunc: func(ctx context.Context, opts metav1.ListOptions) (runtime.Object, error) {
			opts.FieldSelector = byName
			list, err := res.List(ctx, opts)
			giveUpIfForbidden(err)
			if err != nil {
				return nil, err
			}
			return list, nil
		},
		WatchFuncWithContext: func(ctx context.Context, opts metav1.ListOptions) (watch.Interface, error) {
			opts.FieldSelector = byName
			wi, err := res.Watch(ctx, opts)
			giveUpIfForbidden(err)
			return wi, err
		},
	}
	refl := cache.NewReflectorWithOptions(
		cache.ToListWatcherWithWatchListSemantics(lw, client),
		&unstructured.Unstructured{},
		namespaceStore{w},
		cache.ReflectorOptions{TypeDescription: "namespace " + w.namespace, Backoff: &retry},
	)
	w.running.Go(func() {
		defer stop()
		refl.RunWithContext(ctx)
	})
}

// namespaceStore hears of the watched namespace itself.
type namespaceStore struct{ w *Watcher }

func (s namespaceStore) Add(obj any) error    { s.w.namespaceSeen(unwrap(obj)); return nil }
func (s namespaceStore) Update(obj any) error { s.w.namespaceSeen(unwrap(obj)); return nil }
func (s namespaceStore) Delete(any) error     { s.w.namespaceSeen(nil); return nil }
func (s namespaceStore) Resync() error        { return nil }

func (s namespaceStore) Replace(list []any, _ string) error {
	var ns *unstructured.Unstructured
	if len(list) > 0 {
		ns = unwrap(list[0])
	}
	s.w.namespaceSeen(ns)
	return nil
}

// namespaceSeen records the namespace as last seen: nil once it is deleted.
// A namespace being deleted is as good as gone: what is in it goes too, and
// nothing new may be made in it.
func (w *Watcher) namespaceSeen(ns *unstructured.Unstructured) {
	gone := ns == nil || ns.GetDeletionTimestamp() != nil
	w.mu.Lock()
	changed := gone != w.gone
	w.gone = gone
	w.mu.Unlock()
	if changed {
		w.changed()
	}
}
