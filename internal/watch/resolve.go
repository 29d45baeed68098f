package watch

import (
	"fmt"
	"strings"

	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/discovery"
)

// Resolved is the resource that serves a kind.
type Resolved struct {
	schema.GroupVersionResource
	// Namespaced is false for cluster-scoped kinds such as Node, which are
	// watched across the cluster (kanzen only ever reads them).
	Namespaced bool
}

// Resolve finds the resource that serves each kind, in the version the
// server prefers. When several groups serve a kind, the core
// group wins, then apps, then batch, then the first in discovery order. It
// tolerates groups that fail discovery as long as every kind is found.
func Resolve(d discovery.DiscoveryInterface, kinds []string) (map[string]Resolved, error) {
	lists, err := d.ServerPreferredResources()
	if err != nil && !discovery.IsGroupDiscoveryFailedError(err) {
		return nil, fmt.Errorf("discover the cluster's resources: %w", err)
	}
	type candidate struct {
		Resolved
		rank int
	}
	served := make(map[string]candidate)
	for _, list := range lists {
		gv, perr := schema.ParseGroupVersion(list.GroupVersion)
		if perr != nil {
			continue
		}
		for _, r := range list.APIResources {
			// Subresources such as pods/status repeat their parent's kind.
			if strings.Contains(r.Name, "/") {
				continue
			}
			rank := groupRank(gv.Group)
			if c, ok := served[r.Kind]; !ok || rank < c.rank {
				served[r.Kind] = candidate{Resolved{gv.WithResource(r.Name), r.Namespaced}, rank}
			}
		}
	}
	gvrs := make(map[string]Resolved, len(kinds))
	for _, kind := range kinds {
		c, ok := served[kind]
		switch {
		case ok:
			gvrs[kind] = c.Resolved
		case err != nil:
			// The kind may belong to a group that failed discovery.
			return nil, fmt.Errorf("unknown kind %q: the cluster serves no such resource (%v)", kind, err)
		default:
			return nil, fmt.Errorf("unknown kind %q: the cluster serves no such resource", kind)
		}
	}
	return gvrs, nil
}

// groupRank orders the groups that may serve a kind; lower wins.
func groupRank(group string) int {
	switch group {
	case "":
		return 0
	case "apps":
		return 1
	case "batch":
		return 2
	}
	return 3
}
