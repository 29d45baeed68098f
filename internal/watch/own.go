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
	inf := cache.NewSharedIndexInformerWithOptions(
		cache.ToListWatcherWithWatchListSemantics(lw, client),
		&unstructured.Unstructured{},
		cache.SharedIndexInformerOptions{ObjectDescription: "namespace " + w.namespace},
	)
	_, err := inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    func(obj any) { w.namespaceSeen(unwrap(obj)) },
		UpdateFunc: func(_, obj any) { w.namespaceSeen(unwrap(obj)) },
		DeleteFunc: func(any) { w.namespaceSeen(nil) },
	})
	if err != nil {
		stop()
		return
	}
	w.running.Go(func() {
		defer stop()
		inf.RunWithContext(ctx)
	})
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
