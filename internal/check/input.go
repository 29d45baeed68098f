package check

import (
	"time"

	"kanzen.dev/kanzen/internal/served"
	"kanzen.dev/kanzen/internal/watch"
)

// Input is everything the checks of one evaluation can see.
type Input struct {
	// Snapshot is the exercise's namespace as last seen.
	Snapshot watch.Snapshot
	// Started is when the exercise started; freshness checks compare
	// against it.
	Started time.Time
	// Kubeconfig is the learner's kubeconfig as kubectl reads it, for
	// exercises about contexts; a Program that reads it says so with
	// ReadsKubeconfig.
	Kubeconfig Kubeconfig
	// API is what the server serves, from discovery; a Program that reads
	// it says so with ReadsAPI.
	API []APIResource
	// SimulatedNodes is true on clusters whose nodes run no processes,
	// such as the sandbox: checks that need real containers are shown as
	// unavailable there rather than judged.
	SimulatedNodes bool
}

// Kubeconfig is the part of a kubeconfig checks can read, as the CEL
// variable kubeconfig: {context, namespace, contexts: [{name, cluster,
// user, namespace}]}.
type Kubeconfig struct {
	// Context is the current context's name.
	Context string
	// Namespace is the current context's namespace, "" when it sets none.
	Namespace string
	Contexts  []KubeContext
}

// KubeContext is one context of a kubeconfig.
type KubeContext struct {
	Name, Cluster, User, Namespace string
}

// APIResource is one resource the server serves, as an element of the CEL
// variable api: {name, kind, group, version, namespaced, shortNames, verbs}.
type APIResource = served.Resource

func (k Kubeconfig) value() map[string]any {
	contexts := make([]any, len(k.Contexts))
	for i, c := range k.Contexts {
		contexts[i] = map[string]any{"name": c.Name, "cluster": c.Cluster, "user": c.User, "namespace": c.Namespace}
	}
	return map[string]any{"context": k.Context, "namespace": k.Namespace, "contexts": contexts}
}

func apiValue(resources []APIResource) []any {
	list := make([]any, len(resources))
	for i, r := range resources {
		list[i] = map[string]any{
			"name": r.Name, "kind": r.Kind, "group": r.Group, "version": r.Version,
			"namespaced": r.Namespaced, "shortNames": nonNil(r.ShortNames), "verbs": nonNil(r.Verbs),
		}
	}
	return list
}

// nonNil makes a nil list an empty one, so expressions can call size().
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
