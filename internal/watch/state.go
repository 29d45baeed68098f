package watch

import (
	"maps"
	"slices"
	"time"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/tools/cache"
)

// maxEvents is how many of the latest events a snapshot keeps.
const maxEvents = 2000

// handler feeds one kind's informer notifications to the watcher.
type handler struct {
	w    *Watcher
	kind string
}

func (h handler) OnAdd(obj any, _ bool) { h.w.apply(h.kind, Added, obj) }

func (h handler) OnUpdate(old, obj any) {
	// Relists deliver unchanged objects as updates; only a new
	// resourceVersion is a change.
	if o, n := unwrap(old), unwrap(obj); o != nil && n != nil && o.GetResourceVersion() == n.GetResourceVersion() {
		return
	}
	h.w.apply(h.kind, Modified, obj)
}

func (h handler) OnDelete(obj any) { h.w.apply(h.kind, Deleted, obj) }

// unwrap returns the object of a notification. A delete the watch missed
// arrives as a DeletedFinalStateUnknown holding the cache's last state.
func unwrap(obj any) *unstructured.Unstructured {
	if tomb, ok := obj.(cache.DeletedFinalStateUnknown); ok {
		obj = tomb.Obj
	}
	u, _ := obj.(*unstructured.Unstructured)
	return u
}

// apply updates the objects of kind and, once every kind has synced, records
// the change as an event and wakes the debouncer. Before that, changes are
// part of the first snapshot, which the sync signal announces.
func (w *Watcher) apply(kind string, typ EventType, obj any) {
	u := unwrap(obj)
	if u == nil {
		return
	}
	w.mu.Lock()
	if typ == Deleted {
		delete(w.objects[kind], u.GetName())
	} else {
		w.objects[kind][u.GetName()] = u
	}
	synced := w.synced
	if synced {
		w.record(Event{Type: typ, Kind: kind, Name: u.GetName(), UID: string(u.GetUID()), Object: u.Object})
	}
	w.mu.Unlock()
	if synced {
		w.changed()
	}
}

// record numbers and stores an event; w.mu must be held.
func (w *Watcher) record(e Event) {
	w.seq++
	e.Seq, e.Time = w.seq, time.Now()
	w.events = append(w.events, e)
	// Dropping old events in batches keeps recording cheap; Snapshot shows
	// only the latest maxEvents.
	if len(w.events) >= 2*maxEvents {
		w.events = slices.Clone(w.events[len(w.events)-maxEvents:])
	}
}

// Snapshot returns the live objects of each watched kind sorted by name, the
// latest events since the sync, and whether every kind has synced. Objects
// are shared with the watcher, which never mutates them: callers must not
// either.
func (w *Watcher) Snapshot() Snapshot {
	w.mu.Lock()
	defer w.mu.Unlock()
	objects := make(map[string][]Object, len(w.objects))
	for kind, byName := range w.objects {
		list := make([]Object, 0, len(byName))
		for _, name := range slices.Sorted(maps.Keys(byName)) {
			list = append(list, byName[name].Object)
		}
		objects[kind] = list
	}
	// The watcher only appends to events and never rewrites one, so the
	// caller may share them; capping the capacity makes a caller's append
	// copy instead of writing into the watcher's array.
	n := len(w.events)
	events := w.events[max(0, n-maxEvents):n:n]
	return Snapshot{Namespace: w.namespace, Objects: objects, Events: events, Synced: w.synced, Gone: w.gone}
}
