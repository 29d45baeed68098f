package watch

import (
	"fmt"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// Forbidden is the cluster's refusal (403) of a list or watch that kanzen
// needs to judge an exercise: it will not pass by retrying, and the learner
// must be told what is missing.
type Forbidden struct {
	Kind string
	// Verb is list or watch.
	Verb     string
	Resource schema.GroupResource
	// Namespace is where the list or watch was refused; empty for a
	// cluster-scoped kind such as Node.
	Namespace string
	Err       error
}

func (e *Forbidden) Error() string {
	where := "across the cluster"
	if e.Namespace != "" {
		where = "in namespace " + e.Namespace
	}
	return fmt.Sprintf("not allowed to %s %s %s: %v", e.Verb, e.Resource, where, e.Err)
}

func (e *Forbidden) Unwrap() error { return e.Err }

// denied turns a refusal of verb on kind's resource r into a *Forbidden;
// other errors pass as they are.
func (w *Watcher) denied(err error, kind, verb string, r Resolved) error {
	if !apierrors.IsForbidden(err) {
		return err
	}
	f := &Forbidden{Kind: kind, Verb: verb, Resource: r.GroupResource(), Err: err}
	if r.Namespaced {
		f.Namespace = w.namespace
	}
	return f
}
