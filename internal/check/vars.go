package check

import (
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"
	"github.com/google/cel-go/interpreter"

	"kanzen.dev/kanzen/internal/watch"
)

// scope is what every check sees during one Evaluate call. It belongs to
// that call alone, so it may fill itself in lazily without locks.
type scope struct {
	in        *Input
	snap      watch.Snapshot
	adapter   types.Adapter
	all       ref.Val
	started   ref.Val
	namespace ref.Val
	// events, kubeconfig and api are nil until an expression reads them:
	// most checks never do, and the event list grows as the learner works.
	events, kubeconfig, api ref.Val
}

func newScope(in *Input, adapter types.Adapter) *scope {
	s := in.Snapshot
	all := s.Objects
	if all == nil {
		all = map[string][]watch.Object{}
	}
	return &scope{
		in:        in,
		snap:      s,
		adapter:   adapter,
		all:       adapter.NativeToValue(all),
		started:   types.Timestamp{Time: in.Started},
		namespace: types.String(s.Namespace),
	}
}

func (sc *scope) kubeconfigValue() ref.Val {
	if sc.kubeconfig == nil {
		sc.kubeconfig = sc.adapter.NativeToValue(sc.in.Kubeconfig.value())
	}
	return sc.kubeconfig
}

func (sc *scope) apiValue() ref.Val {
	if sc.api == nil {
		sc.api = sc.adapter.NativeToValue(apiValue(sc.in.API))
	}
	return sc.api
}

// eventList returns the snapshot's events as CEL maps.
func (sc *scope) eventList() ref.Val {
	if sc.events == nil {
		list := make([]any, len(sc.snap.Events))
		for i, e := range sc.snap.Events {
			list[i] = map[string]any{
				"seq":    int64(e.Seq),
				"type":   string(e.Type),
				"kind":   e.Kind,
				"name":   e.Name,
				"uid":    e.UID,
				"time":   e.Time,
				"object": e.Object,
			}
		}
		sc.events = sc.adapter.NativeToValue(list)
	}
	return sc.events
}

// vars is what one check's expressions see. It resolves the few names with
// a switch, which is cheaper than building a map for every check.
type vars struct {
	*scope
	object, objects ref.Val
	// have and want are set only while the pass condition runs.
	have, want ref.Val
}

var _ interpreter.Activation = (*vars)(nil)

// ResolveName implements interpreter.Activation.
func (v *vars) ResolveName(name string) (any, bool) {
	switch name {
	case "object":
		return v.object, true
	case "objects":
		return v.objects, true
	case "all":
		return v.all, true
	case "events":
		return v.eventList(), true
	case "started":
		return v.started, true
	case "ns":
		return v.namespace, true
	case "kubeconfig":
		return v.kubeconfigValue(), true
	case "api":
		return v.apiValue(), true
	case "have":
		return v.have, v.have != nil
	case "want":
		return v.want, v.want != nil
	}
	return nil, false
}

// Parent implements interpreter.Activation; vars stands alone.
func (v *vars) Parent() interpreter.Activation { return nil }

// varsFor binds object and objects to the check's target. found is false
// only for a named target that does not exist.
func (c *compiled) varsFor(sc *scope) (v *vars, found bool) {
	matched, found := c.match(sc.snap.Objects)
	v = &vars{scope: sc, object: types.NullValue, objects: sc.adapter.NativeToValue(matched)}
	if len(matched) > 0 {
		v.object = sc.adapter.NativeToValue(matched[0])
	}
	return v, found
}

// match picks the target's objects: one by name, those the selector
// matches, or every object of the kind. Without a target there are none.
func (c *compiled) match(objects map[string][]watch.Object) (matched []watch.Object, found bool) {
	t := c.Target
	if t == nil {
		return nil, true
	}
	all := objects[t.Kind]
	switch {
	case t.Name != "":
		for i, o := range all {
			if meta(o, "name") == t.Name {
				return all[i : i+1], true
			}
		}
		return nil, false
	case c.selector != nil:
		for _, o := range all {
			if c.selector.Matches(objectLabels(o)) {
				matched = append(matched, o)
			}
		}
		return matched, true
	}
	return all, true
}

// meta returns a string field of an object's metadata, or "".
func meta(o watch.Object, field string) string {
	m, _ := o["metadata"].(map[string]any)
	s, _ := m[field].(string)
	return s
}

// objectLabels reads metadata.labels in place, so matching a selector
// copies nothing; it implements labels.Labels.
type objectLabels watch.Object

func (o objectLabels) Lookup(label string) (string, bool) {
	m, _ := o["metadata"].(map[string]any)
	l, _ := m["labels"].(map[string]any)
	v, ok := l[label].(string)
	return v, ok
}

func (o objectLabels) Has(label string) bool {
	_, ok := o.Lookup(label)
	return ok
}

func (o objectLabels) Get(label string) string {
	v, _ := o.Lookup(label)
	return v
}
