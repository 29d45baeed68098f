package tui

import (
	"testing"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

func TestTheStatusColumnSumsUpIngressesAutoscalersAndEndpointSlices(t *testing.T) {
	for _, c := range []struct {
		kind string
		obj  map[string]any
		want string
	}{
		{"Ingress", map[string]any{"spec": map[string]any{"rules": []any{
			map[string]any{"host": "shop.local", "http": map[string]any{"paths": []any{
				map[string]any{"path": "/", "backend": map[string]any{"service": map[string]any{"name": "web", "port": map[string]any{"number": int64(80)}}}},
				map[string]any{"path": "/api", "backend": map[string]any{"service": map[string]any{"name": "api", "port": map[string]any{"name": "http"}}}},
			}}},
		}}}, "shop.local/ → web:80, shop.local/api → api:http"},
		{"Ingress", map[string]any{"spec": map[string]any{"defaultBackend": map[string]any{"service": map[string]any{"name": "web", "port": map[string]any{"number": int64(8080)}}}}},
			"* → web:8080"},
		{"HorizontalPodAutoscaler", map[string]any{
			"spec":   map[string]any{"scaleTargetRef": map[string]any{"kind": "Deployment", "name": "web"}, "minReplicas": int64(2), "maxReplicas": int64(5)},
			"status": map[string]any{"currentReplicas": int64(3)},
		}, "Deployment/web 2–5, 3 replicas"},
		{"HorizontalPodAutoscaler", map[string]any{"spec": map[string]any{"scaleTargetRef": map[string]any{"kind": "Deployment", "name": "web"}, "maxReplicas": int64(4)}},
			"Deployment/web 1–4, 0 replicas"},
		{"EndpointSlice", map[string]any{"endpoints": []any{
			map[string]any{"addresses": []any{"10.0.0.1"}, "conditions": map[string]any{"ready": true}},
			map[string]any{"addresses": []any{"10.0.0.2"}, "conditions": map[string]any{"ready": false}},
			map[string]any{"addresses": []any{"10.0.0.3"}},
		}}, "2/3 ready 10.0.0.1 10.0.0.3"},
		{"EndpointSlice", map[string]any{}, "0/0 ready"},
		{"EndpointSlice", map[string]any{"endpoints": []any{
			map[string]any{"addresses": []any{"10.0.0.1"}}, map[string]any{"addresses": []any{"10.0.0.2"}},
			map[string]any{"addresses": []any{"10.0.0.3"}}, map[string]any{"addresses": []any{"10.0.0.4"}},
			map[string]any{"addresses": []any{"10.0.0.5"}},
		}}, "5/5 ready 10.0.0.1 10.0.0.2 10.0.0.3 +2"},
	} {
		u := unstructured.Unstructured{Object: object(c.kind, "x", c.obj)}
		if got := summarize(c.kind, &u); got != c.want {
			t.Errorf("%s %v: got %q, want %q", c.kind, c.obj, got, c.want)
		}
	}
}
