package watch

import (
	"fmt"

	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/discovery"

	"kanzen.dev/kanzen/internal/served"
)

// Resolved is the resource that serves a kind.
type Resolved struct {
	schema.GroupVersionResource
	// Namespaced is false for cluster-scoped kinds such as Node, which are
	// watched across the cluster (kanzen only ever reads them).
	Namespaced bool
}

// Resolve finds the resource that serves each kind, in the version the
// server prefers. When several groups serve a kind, the core group wins,
// then apps, then batch, then the first in discovery order. It tolerates
// groups that fail discovery as long as every kind is found.
func Resolve(d discovery.DiscoveryInterface, kinds []string) (map[string]Resolved, error) {
	resources, err := served.List(d)
	if err != nil && !discovery.IsGroupDiscoveryFailedError(err) {
		return nil, fmt.Errorf("discover the cluster's resources: %w", err)
	}
	gvrs := make(map[string]Resolved, len(kinds))
	for _, kind := range kinds {
		r, ok := served.Preferred(resources, func(r served.Resource) bool { return r.Kind == kind })
		switch {
		case ok:
			gvrs[kind] = Resolved{r.GVR(), r.Namespaced}
		case err != nil:
			// The kind may belong to a group that failed discovery.
			return nil, fmt.Errorf("unknown kind %q: the cluster serves no such resource (%v)", kind, err)
		default:
			return nil, fmt.Errorf("unknown kind %q: the cluster serves no such resource", kind)
		}
	}
	return gvrs, nil
}
