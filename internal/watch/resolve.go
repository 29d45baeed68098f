package watch

import (
	"fmt"
	"strings"

	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/discovery"
)

// Resolve finds the namespaced resource that serves each kind, in the
// version the server prefers. When several groups serve a kind, the core
// group wins, then apps, then batch, then the first in discovery order. It
// tolerates groups that fail discovery as long as every kind is found.
func Resolve(d discovery.DiscoveryInterface, kinds []string) (map[string]schema.GroupVersionResource, error) {
	lists, err := d.ServerPreferredResources()
	if err != nil && !discovery.IsGroupDiscoveryFailedError(err) {
		return nil, fmt.Errorf("discover the cluster's resources: %w", err)
	}
	type candidate struct {
		gvr  schema.GroupVersionResource
		rank int
	}
	namespaced := make(map[string]candidate)
	clusterScoped := make(map[string]bool)
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
			if !r.Namespaced {
				clusterScoped[r.Kind] = true
				continue
			}
			rank := groupRank(gv.Group)
			if c, ok := namespaced[r.Kind]; !ok || rank < c.rank {
				namespaced[r.Kind] = candidate{gv.WithResource(r.Name), rank}
			}
		}
	}
	gvrs := make(map[string]schema.GroupVersionResource, len(kinds))
	for _, kind := range kinds {
		c, ok := namespaced[kind]
		switch {
		case ok:
			gvrs[kind] = c.gvr
		case clusterScoped[kind]:
			return nil, fmt.Errorf("kind %q is cluster-scoped: kanzen watches one namespace", kind)
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
