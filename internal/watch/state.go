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

// kindStore is where one kind's reflector puts what it lists and watches:
// the watcher's objects of that kind.
type kindStore struct {
	w    *Watcher
	kind string
}

func (s kindStore) Add(obj any) error    { s.w.apply(s.kind, Added, obj); return nil }
func (s kindStore) Update(obj any) error { s.w.apply(s.kind, Modified, obj); return nil }
func (s kindStore) Delete(obj any) error { s.w.apply(s.kind, Deleted, obj); return nil }
func (s kindStore) Resync() error        { return nil }

func (s kindStore) Replace(list []any, _ string) error {
	s.w.replace(s.kind, list)
	return nil
}

// unwrap returns the object of a notification. A delete the watch missed
// may arrive as a DeletedFinalStateUnknown holding the last state seen.
func unwrap(obj any) *unstructured.Unstructured {
	if tomb, ok := obj.(cache.DeletedFinalStateUnknown); ok {
		obj = tomb.Obj
	}
	u, _ := obj.(*unstructured.Unstructured)
	return u
}

// apply updates the objects of kind and, once every kind has synced, records
// the change as an event and wakes the debouncer. Before that, changes are
// part of the first snapshot, which the sync signal announces. An update
// that changes nothing (the same resourceVersion) is no event.
func (w *Watcher) apply(kind string, typ EventType, obj any) {
	u := unwrap(obj)
	if u == nil {
		return
	}
	w.mu.Lock()
	old := w.objects[kind][u.GetName()]
	if typ == Deleted {
		delete(w.objects[kind], u.GetName())
	} else {
		w.objects[kind][u.GetName()] = u
	}
	record := w.synced && (typ != Modified || old == nil || old.GetResourceVersion() != u.GetResourceVersion())
	if record {
		w.record(Event{Type: typ, Kind: kind, Name: u.GetName(), UID: string(u.GetUID()), Object: u.Object})
	}
	w.mu.Unlock()
	if record {
		w.changed()
	}
}

// replace makes list the objects of kind, after a full list. The kind is
// fresh again. Once synced, what the list shows changed since the objects
// held is recorded as events, deletions first, so a change made while the
// connection was down is seen as if it had been watched.
func (w *Watcher) replace(kind string, list []any) {
	fresh := make(map[string]*unstructured.Unstructured, len(list))
	for _, obj := range list {
		if u := unwrap(obj); u != nil {
			fresh[u.GetName()] = u
		}
	}
	w.mu.Lock()
	old := w.objects[kind]
	w.objects[kind] = fresh
	delete(w.stale, kind)
	synced := w.synced
	if synced {
		w.recordDiff(kind, old, fresh)
	}
	w.listed[kind] = true
	allListed := len(w.listed) == len(w.kinds)
	w.mu.Unlock()
	if allListed {
		w.readyOnce.Do(func() { close(w.ready) })
	}
	if synced {
		// Freshness is news too: it ends ErrStale. Before the sync, the
		// sync signal says it all.
		w.changed()
	}
}

// recordDiff records the events that turn old into fresh; w.mu must be held.
func (w *Watcher) recordDiff(kind string, old, fresh map[string]*unstructured.Unstructured) {
	event := func(typ EventType, u *unstructured.Unstructured) {
		w.record(Event{Type: typ, Kind: kind, Name: u.GetName(), UID: string(u.GetUID()), Object: u.Object})
	}
	for _, name := range slices.Sorted(maps.Keys(old)) {
		if u, ok := fresh[name]; !ok || u.GetUID() != old[name].GetUID() {
			event(Deleted, old[name])
		}
	}
	for _, name := range slices.Sorted(maps.Keys(fresh)) {
		u, o := fresh[name], old[name]
		switch {
		case o == nil || o.GetUID() != u.GetUID():
			event(Added, u)
		case o.GetResourceVersion() != u.GetResourceVersion():
			event(Modified, u)
		}
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
// latest events since the sync, whether every kind has synced, and whether
// a kind is stale. Objects
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
	return Snapshot{Namespace: w.namespace, Objects: objects, Events: events, Synced: w.synced, Gone: w.gone, Stale: len(w.stale) > 0}
}
