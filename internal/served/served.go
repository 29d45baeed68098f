// Package served lists what an API server serves, as `kubectl
// api-resources` does, for the watches, the checks and the quizzes.
package served

import (
	"strings"

	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/discovery"
)

// Resource is one resource a server serves, in the version it prefers.
type Resource struct {
	Name, Kind, Group, Version string
	Namespaced                 bool
	ShortNames, Verbs          []string
}

// GVR is the resource's group, version and name.
func (r Resource) GVR() schema.GroupVersionResource {
	return schema.GroupVersionResource{Group: r.Group, Version: r.Version, Resource: r.Name}
}

// List asks the server's discovery for its resources, leaving out
// subresources such as pods/status. When some groups fail discovery, it
// returns the others with an error that discovery.IsGroupDiscoveryFailedError
// recognises, as discovery itself does.
func List(d discovery.DiscoveryInterface) ([]Resource, error) {
	lists, err := d.ServerPreferredResources()
	if err != nil && !discovery.IsGroupDiscoveryFailedError(err) {
		return nil, err
	}
	var out []Resource
	for _, list := range lists {
		gv, perr := schema.ParseGroupVersion(list.GroupVersion)
		if perr != nil {
			continue
		}
		for _, r := range list.APIResources {
			if strings.Contains(r.Name, "/") {
				continue
			}
			out = append(out, Resource{Name: r.Name, Kind: r.Kind, Group: gv.Group, Version: gv.Version,
				Namespaced: r.Namespaced, ShortNames: r.ShortNames, Verbs: r.Verbs})
		}
	}
	return out, err
}

// Preferred picks, of the resources match accepts, the one kubectl would:
// the core group wins, then apps, then batch, then the first listed.
func Preferred(resources []Resource, match func(Resource) bool) (Resource, bool) {
	var best Resource
	found := false
	for _, r := range resources {
		if match(r) && (!found || groupRank(r.Group) < groupRank(best.Group)) {
			best, found = r, true
		}
	}
	return best, found
}

// groupRank orders the groups that may serve a name or kind; lower wins.
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
