package watch

import (
	"errors"
	"strings"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/discovery"
)

// fakeDiscovery serves a fixed list of preferred resources; Resolve needs
// nothing else.
type fakeDiscovery struct {
	discovery.DiscoveryInterface
	lists []*metav1.APIResourceList
	err   error
}

func (f fakeDiscovery) ServerPreferredResources() ([]*metav1.APIResourceList, error) {
	return f.lists, f.err
}

// resources builds a resource list; each of rs is "name Kind", with a
// trailing " cluster" for a cluster-scoped resource.
func resources(groupVersion string, rs ...string) *metav1.APIResourceList {
	list := &metav1.APIResourceList{GroupVersion: groupVersion}
	for _, r := range rs {
		f := strings.Fields(r)
		list.APIResources = append(list.APIResources, metav1.APIResource{Name: f[0], Kind: f[1], Namespaced: len(f) == 2})
	}
	return list
}

// servedLists lists the same kinds in several groups, in an order that puts the
// groups Resolve must prefer last.
var servedLists = []*metav1.APIResourceList{
	resources("extensions/v1beta1", "deployments Deployment"),
	resources("example.org/v1", "jobs Job", "widgets Widget"),
	resources("events.k8s.io/v1", "events Event"),
	resources("v1", "pods Pod", "pods/status Pod", "events Event", "nodes Node cluster"),
	resources("apps/v1", "deployments Deployment", "deployments/scale Scale", "replicasets ReplicaSet"),
	resources("batch/v1", "jobs Job"),
	resources("example.com/v1", "widgets Widget"),
}

func TestResolvePrefersCoreAppsBatchThenDiscoveryOrder(t *testing.T) {
	got, err := Resolve(fakeDiscovery{lists: servedLists}, []string{"Pod", "Event", "Deployment", "ReplicaSet", "Job", "Widget", "Node"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]schema.GroupVersionResource{
		"Pod":        {Version: "v1", Resource: "pods"},
		"Event":      {Version: "v1", Resource: "events"},
		"Deployment": {Group: "apps", Version: "v1", Resource: "deployments"},
		"ReplicaSet": {Group: "apps", Version: "v1", Resource: "replicasets"},
		"Job":        {Group: "batch", Version: "v1", Resource: "jobs"},
		"Widget":     {Group: "example.org", Version: "v1", Resource: "widgets"},
		"Node":       {Version: "v1", Resource: "nodes"},
	}
	for kind, gvr := range want {
		if got[kind].GroupVersionResource != gvr {
			t.Errorf("%s: got %v, want %v", kind, got[kind], gvr)
		}
		if namespaced := kind != "Node"; got[kind].Namespaced != namespaced {
			t.Errorf("%s: namespaced is %v, want %v", kind, got[kind].Namespaced, namespaced)
		}
	}
}

func TestResolveErrors(t *testing.T) {
	failed := &discovery.ErrGroupDiscoveryFailed{Groups: map[schema.GroupVersion]error{
		{Group: "metrics.k8s.io", Version: "v1beta1"}: errors.New("the server is currently unable to handle the request"),
	}}
	for _, tc := range []struct {
		name  string
		err   error
		kinds []string
		want  string
	}{
		{"typo", nil, []string{"Pod", "Deploymnet"}, `unknown kind "Deploymnet": the cluster serves no such resource`},
		{"subresource only", nil, []string{"Scale"}, `unknown kind "Scale"`},
		{"partial discovery", failed, []string{"PodMetrics"}, "metrics.k8s.io/v1beta1"},
		{"discovery down", errors.New("connection refused"), []string{"Pod"}, "discover the cluster's resources: connection refused"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Resolve(fakeDiscovery{lists: servedLists, err: tc.err}, tc.kinds)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestResolveToleratesPartialDiscovery(t *testing.T) {
	failed := &discovery.ErrGroupDiscoveryFailed{Groups: map[schema.GroupVersion]error{
		{Group: "metrics.k8s.io", Version: "v1beta1"}: errors.New("unavailable"),
	}}
	got, err := Resolve(fakeDiscovery{lists: servedLists, err: failed}, []string{"Pod"})
	if err != nil || got["Pod"].Resource != "pods" {
		t.Fatalf("got %v, %v; want pods despite a failed group", got, err)
	}
}
