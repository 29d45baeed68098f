package watch

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/tools/cache"
)

func pod(name, rv string) *unstructured.Unstructured {
	u := &unstructured.Unstructured{}
	u.SetKind("Pod")
	u.SetNamespace("ns")
	u.SetName(name)
	u.SetUID(types.UID("uid-" + name))
	u.SetResourceVersion(rv)
	return u
}

// field returns a string field of an object, or "" if it has none.
func field(o Object, path ...string) string {
	v, _, _ := unstructured.NestedString(o, path...)
	return v
}

// eventLine describes an event for comparisons.
func eventLine(e Event) string { return fmt.Sprintf("%d %s %s %s", e.Seq, e.Type, e.Kind, e.Name) }

func TestStoreRecordsChangesOnlyAfterSync(t *testing.T) {
	w := newWatcher("ns", []string{"Pod"})
	st := kindStore{w: w, kind: "Pod"}
	st.Replace([]any{pod("b", "1"), pod("a", "2")}, "2")
	if s := w.Snapshot(); len(s.Events) != 0 || len(s.Objects["Pod"]) != 2 {
		t.Fatalf("initial list recorded as events: %v", s.Events)
	}
	select {
	case <-w.ready:
	default:
		t.Fatal("the only kind was listed, but the watcher is not ready")
	}
	if len(w.poke) != 0 {
		t.Fatal("the first list poked the debouncer: a signal after the sync signal would announce no change")
	}
	w.synced = true

	st.Update(pod("a", "2"))
	st.Add(pod("c", "3"))
	st.Update(pod("a", "4"))
	st.Delete(pod("b", "5"))
	st.Delete(cache.DeletedFinalStateUnknown{Key: "ns/c", Obj: pod("c", "3")})

	s := w.Snapshot()
	want := []string{"1 ADDED Pod c", "2 MODIFIED Pod a", "3 DELETED Pod b", "4 DELETED Pod c"}
	if got := eventLines(s.Events); strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Fatalf("events:\n got %q\nwant %q", got, want)
	}
	if e := s.Events[3]; e.UID != "uid-c" || e.Object["metadata"] == nil || e.Time.IsZero() {
		t.Fatalf("tombstone delete: %+v", e)
	}
	if pods := s.Objects["Pod"]; len(pods) != 1 || field(pods[0], "metadata", "resourceVersion") != "4" {
		t.Fatalf("objects: %v", pods)
	}
	if len(w.poke) != 1 {
		t.Fatal("changes after sync did not poke the debouncer")
	}
}

// TestRelistRecordsWhatChangedMeanwhile is a reconnection: what changed while
// the watch was down arrives as one list, and becomes events.
func TestRelistRecordsWhatChangedMeanwhile(t *testing.T) {
	w := newWatcher("ns", []string{"Pod"})
	st := kindStore{w: w, kind: "Pod"}
	st.Replace([]any{pod("kept", "1"), pod("changed", "2"), pod("deleted", "3"), pod("replaced", "4")}, "4")
	w.synced = true

	w.observe(context.Background(), "Pod", "watch", errors.New("connection refused"))
	w.observe(context.Background(), "Pod", "watch", nil)
	if !w.Snapshot().Stale || !errors.Is(w.Err(), ErrStale) {
		t.Fatalf("the server answers again but nothing was listed: Stale %v, Err %v; want stale", w.Snapshot().Stale, w.Err())
	}
	replacement := pod("replaced", "8")
	replacement.SetUID("uid-new")
	st.Replace([]any{pod("kept", "1"), pod("changed", "7"), replacement, pod("added", "9")}, "9")

	s := w.Snapshot()
	want := []string{"1 DELETED Pod deleted", "2 DELETED Pod replaced", "3 ADDED Pod added", "4 MODIFIED Pod changed", "5 ADDED Pod replaced"}
	if got := eventLines(s.Events); strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Fatalf("events:\n got %q\nwant %q", got, want)
	}
	if s.Stale || w.Err() != nil {
		t.Fatalf("after the list: Stale %v, Err %v; want fresh", s.Stale, w.Err())
	}
}

// eventLines describes events for comparisons.
func eventLines(events []Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, eventLine(e))
	}
	return out
}

func TestSnapshotSortsByNameAndKeepsLatestEvents(t *testing.T) {
	w := newWatcher("ns", []string{"Pod", "Service"})
	w.synced = true
	st := kindStore{w: w, kind: "Pod"}
	total := 2*maxEvents + 10
	for i := range total {
		st.Add(pod(fmt.Sprintf("p%05d", total-i), "1"))
	}
	s := w.Snapshot()
	if len(s.Events) != maxEvents || s.Events[0].Seq != total-maxEvents+1 || s.Events[maxEvents-1].Seq != total {
		t.Fatalf("got %d events from seq %d to %d, want the latest %d", len(s.Events), s.Events[0].Seq, s.Events[len(s.Events)-1].Seq, maxEvents)
	}
	pods := s.Objects["Pod"]
	for i := 1; i < len(pods); i++ {
		if a, b := field(pods[i-1], "metadata", "name"), field(pods[i], "metadata", "name"); a >= b {
			t.Fatalf("objects not sorted by name: %s before %s", a, b)
		}
	}
	if services, ok := s.Objects["Service"]; !ok || len(services) != 0 {
		t.Fatalf("a watched kind without objects: got %v, %v", services, ok)
	}
	// A caller appending to its events must not change the watcher's.
	_ = append(s.Events, Event{Seq: -1})
	st.Add(pod("new", "1"))
	if last := w.Snapshot().Events; last[len(last)-1].Seq != total+1 {
		t.Fatalf("caller's append leaked into the watcher: last event %+v", last[len(last)-1])
	}
}

func TestErrKeepsFailingKindsUntilTheyRecover(t *testing.T) {
	w := newWatcher("ns", []string{"Pod", "Service"})
	ctx := context.Background()
	forbidden := apierrors.NewForbidden(schema.GroupResource{Resource: "pods"}, "", errors.New("no RBAC"))
	w.observe(ctx, "Pod", "watch", forbidden)
	w.observe(ctx, "Service", "list", errors.New("connection refused"))
	if err := w.Err(); err == nil || !strings.Contains(err.Error(), "watch Service: connection refused") {
		t.Fatalf("latest error: got %v", err)
	}
	w.observe(ctx, "Service", "list", nil)
	if err := w.Err(); !apierrors.IsForbidden(err) {
		t.Fatalf("after Service recovered: got %v, want Pod's forbidden error", err)
	}
	w.observe(ctx, "Pod", "list", nil)
	if err := w.Err(); !apierrors.IsForbidden(err) {
		t.Fatalf("a list that succeeds hid a refused watch: got %v", err)
	}
	w.observe(ctx, "Pod", "watch", apierrors.NewResourceExpired("too old"))
	stopped, cancel := context.WithCancel(ctx)
	cancel()
	w.observe(stopped, "Pod", "watch", context.Canceled)
	if err := w.Err(); !apierrors.IsForbidden(err) {
		t.Fatalf("routine errors replaced the real one: got %v", err)
	}
	w.observe(ctx, "Pod", "watch", nil)
	if err := w.Err(); err != nil {
		t.Fatalf("after every kind recovered: got %v", err)
	}
}
