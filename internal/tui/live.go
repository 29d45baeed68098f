// The live objects under an exercise: one line each, with the status
// column kubectl get would show.

package tui

import (
	"fmt"
	"strings"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"

	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/lessons"
)

// liveLines lists the namespace's objects, one line each, the way
// kubectl get would sum them up.
func liveLines(s watch.Snapshot, kinds []string, w int, st styles, lang lessons.Lang) []string {
	var out []string
	for _, kind := range kinds {
		for _, obj := range s.Objects[kind] {
			u := unstructured.Unstructured{Object: obj}
			line := fmt.Sprintf("%s %s  %s", kind, u.GetName(), summarize(kind, &u))
			out = append(out, styled(hangWrap(line, w, "  "), st.dim.Render)...)
		}
	}
	if len(out) == 0 {
		out = append(out, st.dim.Render(noObjects.In(lang)))
	}
	return out
}

// summarize is the status column kubectl get would show for an object.
func summarize(kind string, u *unstructured.Unstructured) string {
	if u.GetDeletionTimestamp() != nil {
		return "Terminating"
	}
	num := func(path ...string) int64 { v, _, _ := unstructured.NestedInt64(u.Object, path...); return v }
	str := func(path ...string) string { v, _, _ := unstructured.NestedString(u.Object, path...); return v }
	switch kind {
	case "Pod":
		statuses, _, _ := unstructured.NestedSlice(u.Object, "status", "containerStatuses")
		ready := 0
		for _, s := range statuses {
			if m, ok := s.(map[string]any); ok && m["ready"] == true {
				ready++
			}
		}
		containers, _, _ := unstructured.NestedSlice(u.Object, "spec", "containers")
		status, restarts := podStatus(u)
		if restarts > 0 {
			status = fmt.Sprintf("%s %d/%d %d restarts", status, ready, len(containers), restarts)
		} else {
			status = fmt.Sprintf("%s %d/%d", status, ready, len(containers))
		}
		return strings.TrimSpace(status + " " + str("spec", "nodeName"))
	case "Deployment", "ReplicaSet", "StatefulSet":
		return fmt.Sprintf("%d/%d ready", num("status", "readyReplicas"), num("spec", "replicas"))
	case "DaemonSet":
		return fmt.Sprintf("%d/%d ready", num("status", "numberReady"), num("status", "desiredNumberScheduled"))
	case "Service":
		external := ""
		if str("spec", "type") == "LoadBalancer" {
			external = " external <pending>"
			if ingress, _, _ := unstructured.NestedSlice(u.Object, "status", "loadBalancer", "ingress"); len(ingress) > 0 {
				external = " external ready"
			}
		}
		return fmt.Sprintf("%s %s%s", str("spec", "type"), str("spec", "clusterIP"), external)
	case "Job":
		return fmt.Sprintf("%d/%d complete", num("status", "succeeded"), max(num("spec", "completions"), 1))
	case "Ingress":
		return ingressRoutes(u)
	case "HorizontalPodAutoscaler":
		return fmt.Sprintf("%s/%s %d–%d, %d replicas", str("spec", "scaleTargetRef", "kind"), str("spec", "scaleTargetRef", "name"),
			max(num("spec", "minReplicas"), 1), num("spec", "maxReplicas"), num("status", "currentReplicas"))
	case "EndpointSlice":
		return readyEndpoints(u)
	}
	return ""
}

// ingressRoutes is each of an Ingress's paths with the Service it goes
// to: "shop.local/api → api:8080".
func ingressRoutes(u *unstructured.Unstructured) string {
	var routes []string
	if svc, ok, _ := unstructured.NestedMap(u.Object, "spec", "defaultBackend", "service"); ok {
		routes = append(routes, "* → "+serviceBackend(svc))
	}
	rules, _, _ := unstructured.NestedSlice(u.Object, "spec", "rules")
	for _, r := range rules {
		rule, _ := r.(map[string]any)
		host, _, _ := unstructured.NestedString(rule, "host")
		paths, _, _ := unstructured.NestedSlice(rule, "http", "paths")
		for _, p := range paths {
			path, _ := p.(map[string]any)
			at, _, _ := unstructured.NestedString(path, "path")
			svc, _, _ := unstructured.NestedMap(path, "backend", "service")
			routes = append(routes, host+at+" → "+serviceBackend(svc))
		}
	}
	return strings.Join(routes, ", ")
}

// serviceBackend is an Ingress backend's Service and port: "api:8080".
func serviceBackend(svc map[string]any) string {
	name, _, _ := unstructured.NestedString(svc, "name")
	if n, ok, _ := unstructured.NestedInt64(svc, "port", "number"); ok {
		return fmt.Sprintf("%s:%d", name, n)
	}
	if port, ok, _ := unstructured.NestedString(svc, "port", "name"); ok {
		return name + ":" + port
	}
	return name
}

// readyEndpoints counts an EndpointSlice's ready endpoints and lists
// their addresses; an endpoint that does not say counts as ready, as the
// API asks.
func readyEndpoints(u *unstructured.Unstructured) string {
	endpoints, _, _ := unstructured.NestedSlice(u.Object, "endpoints")
	var addresses []string
	for _, e := range endpoints {
		ep, _ := e.(map[string]any)
		if ready, ok, _ := unstructured.NestedBool(ep, "conditions", "ready"); ok && !ready {
			continue
		}
		a, _, _ := unstructured.NestedStringSlice(ep, "addresses")
		addresses = append(addresses, a...)
	}
	ready := len(addresses)
	if len(addresses) > 3 {
		addresses = append(addresses[:3], fmt.Sprintf("+%d", ready-3))
	}
	return strings.TrimSpace(fmt.Sprintf("%d/%d ready %s", ready, len(endpoints), strings.Join(addresses, " ")))
}
