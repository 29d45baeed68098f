package workspace

import (
	"context"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
)

// The scratch namespace is where quiz answers are dry-run: the server
// validates and defaults the object there, and nothing is stored.
const (
	// ScratchNamespace is the scratch namespace's default name.
	ScratchNamespace = "kz-quiz"
	// QuizLabel marks the scratch namespace, with the value ScratchValue,
	// so that kanzen tells its own from one someone else named alike.
	QuizLabel    = "kanzen.dev/quiz"
	ScratchValue = "scratch"
)

// EnsureScratch makes the scratch namespace unless it exists, and refuses a
// namespace of that name that kanzen did not label as its scratch space.
// before, when set, runs just before the namespace is created, so that the
// caller can ask the learner first; its error stops the creation.
func EnsureScratch(ctx context.Context, config *rest.Config, name string, before func() error) (created bool, err error) {
	client, err := kubernetes.NewForConfig(config)
	if err != nil {
		return false, fmt.Errorf("cannot connect to the cluster: %w", err)
	}
	namespaces := client.CoreV1().Namespaces()
	ns, err := namespaces.Get(ctx, name, metav1.GetOptions{})
	switch {
	case err == nil:
		return false, scratchUsable(ns)
	case !apierrors.IsNotFound(err):
		return false, apiError("reading namespace "+name, err)
	}
	if before != nil {
		if err := before(); err != nil {
			return false, err
		}
	}
	_, err = namespaces.Create(ctx, &corev1.Namespace{
		ObjectMeta: metav1.ObjectMeta{
			Name:   name,
			Labels: map[string]string{ManagedByLabel: ManagedBy, QuizLabel: ScratchValue},
		},
	}, metav1.CreateOptions{FieldManager: FieldManager})
	if apierrors.IsAlreadyExists(err) {
		// Another kanzen made it meanwhile: judge it like any other.
		ns, err := namespaces.Get(ctx, name, metav1.GetOptions{})
		if err != nil {
			return false, apiError("reading namespace "+name, err)
		}
		return false, scratchUsable(ns)
	}
	if err != nil {
		return false, apiError("creating namespaces", err)
	}
	return true, nil
}

// scratchUsable refuses a namespace that is not kanzen's scratch space, or
// one on its way out.
func scratchUsable(ns *corev1.Namespace) error {
	if ns.Labels[ManagedByLabel] != ManagedBy || ns.Labels[QuizLabel] != ScratchValue {
		return explain(ErrNotOurs, "namespace %q exists and is not kanzen's quiz scratch namespace (labels %s=%s, %s=%s); kanzen will not use it",
			ns.Name, ManagedByLabel, ManagedBy, QuizLabel, ScratchValue)
	}
	if ns.DeletionTimestamp != nil {
		return fmt.Errorf("namespace %q is being deleted; try again in a few seconds", ns.Name)
	}
	return nil
}
