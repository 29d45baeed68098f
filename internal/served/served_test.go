package served

import "testing"

func TestPreferredPicksCoreThenAppsThenBatchThenFirst(t *testing.T) {
	resources := []Resource{
		{Name: "events", Group: "events.k8s.io"},
		{Name: "events", Group: ""},
		{Name: "jobs", Group: "example.org"},
		{Name: "jobs", Group: "batch"},
		{Name: "widgets", Group: "example.org"},
		{Name: "widgets", Group: "example.com"},
	}
	for name, group := range map[string]string{"events": "", "jobs": "batch", "widgets": "example.org"} {
		r, ok := Preferred(resources, func(r Resource) bool { return r.Name == name })
		if !ok || r.Group != group {
			t.Errorf("%s: got %q (%v), want %q", name, r.Group, ok, group)
		}
	}
	if _, ok := Preferred(resources, func(r Resource) bool { return r.Name == "gadgets" }); ok {
		t.Error("found a resource nobody serves")
	}
}
