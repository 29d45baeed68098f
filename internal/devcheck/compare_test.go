package devcheck

import (
	"testing"

	"kanzen.dev/kanzen/internal/watch"
)

func object(name string, owned bool) watch.Object {
	meta := map[string]any{"name": name, "namespace": "kz-dev-2-1"}
	if owned {
		meta["ownerReferences"] = []any{map[string]any{"kind": "ReplicaSet"}}
	}
	return watch.Object{"metadata": meta}
}

func TestCompareMatchesOwnedObjectsByNumberAndOthersByName(t *testing.T) {
	start := watch.Snapshot{Objects: map[string][]watch.Object{
		"Deployment": {object("myapp", false)},
		"Pod":        {object("myapp-abc", true), object("myapp-def", true)},
		"Node":       {{"metadata": map[string]any{"name": "node-0"}}},
	}}
	same := watch.Snapshot{Objects: map[string][]watch.Object{
		"Deployment": {object("myapp", false)},
		"Pod":        {object("myapp-xyz", true), object("myapp-uvw", true)},
	}}
	if d := compare(start, same); d != "" {
		t.Errorf("a fresh start with new Pod names differs: %s", d)
	}
	leftover := watch.Snapshot{Objects: map[string][]watch.Object{
		"Deployment": {object("myapp", false), object("web", false)},
		"Pod":        {object("myapp-xyz", true)},
	}}
	want := "Deployment web: 0 at start, 1 after reset; Pod (owned): 2 at start, 1 after reset"
	if d := compare(start, leftover); d != want {
		t.Errorf("got %q, want %q", d, want)
	}
}
