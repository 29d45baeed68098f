package watch

import "time"

// Object is one live object as the API server returns it (unstructured JSON).
type Object = map[string]any

// EventType says what happened to an object.
type EventType string

// The event types, named as in Kubernetes watches.
const (
	Added    EventType = "ADDED"
	Modified EventType = "MODIFIED"
	Deleted  EventType = "DELETED"
)

// Event is one change seen after the watch had synced; the objects present
// at the start are in the first snapshot, not in events.
type Event struct {
	// Seq orders events: 1 for the first event seen, then 2, 3, ...
	Seq  int
	Type EventType
	Kind string
	Name string
	UID  string
	// Time is when kanzen saw the change.
	Time time.Time
	// Object is the object after the change (its last state for Deleted).
	Object Object
}

// Snapshot is what the watched namespace holds at one moment.
type Snapshot struct {
	Namespace string
	// Objects holds the live objects of each watched kind, sorted by name.
	Objects map[string][]Object
	// Events lists changes since the watch synced, oldest first.
	Events []Event
	// Synced is false until every kind has been listed once.
	Synced bool
	// Gone says the namespace itself was deleted, or is being deleted.
	Gone bool
	// Stale says a kind lost the connection and has not been listed since:
	// changes made meanwhile may be missing.
	Stale bool
}
