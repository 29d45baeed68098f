package workspace

import (
	"context"
	"sort"
	"sync"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/rest"
)

// Owned is a namespace kanzen made: an exercise's, or the quiz scratch space.
type Owned struct {
	Name string
	// Exercise is the exercise id; empty for the scratch namespace.
	Exercise string
	// Deleting says the namespace is already on its way out.
	Deleting bool
	uid      types.UID
}

// ListOwned lists the namespaces kanzen made, by name. A namespace counts
// only with kanzen's managed-by label and one of its own labels besides, so
// one that someone else merely labelled managed-by=kanzen is left alone.
func ListOwned(ctx context.Context, config *rest.Config) ([]Owned, error) {
	c, err := connect(config)
	if err != nil {
		return nil, err
	}
	list, err := c.namespaces.List(ctx, metav1.ListOptions{LabelSelector: ManagedByLabel + "=" + ManagedBy})
	if err != nil {
		return nil, apiError("listing namespaces", err)
	}
	var owned []Owned
	for _, ns := range list.Items {
		if o, ok := ownedOf(&ns); ok {
			owned = append(owned, o)
		}
	}
	sort.Slice(owned, func(i, j int) bool { return owned[i].Name < owned[j].Name })
	return owned, nil
}

func ownedOf(ns *corev1.Namespace) (Owned, bool) {
	labels := ns.Labels
	exercise, isExercise := labels[ExerciseLabel]
	isScratch := labels[QuizLabel] == ScratchValue
	if labels[ManagedByLabel] != ManagedBy || (exercise == "" && !isScratch) || (isExercise && isScratch) {
		return Owned{}, false
	}
	return Owned{Name: ns.Name, Exercise: exercise, Deleting: ns.DeletionTimestamp != nil, uid: ns.UID}, true
}

// DeleteOwned deletes the namespaces, all at once, and waits until each is
// gone; done hears of each as it goes or fails. A namespace is deleted only
// if it is still the one listed (the same UID), so a namespace made since in
// its place is not touched.
func DeleteOwned(ctx context.Context, config *rest.Config, owned []Owned, done func(Owned, error)) error {
	c, err := connect(config)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	for _, o := range owned {
		wg.Go(func() { done(o, c.deleteOwned(ctx, o)) })
	}
	wg.Wait()
	return nil
}

func (c *cluster) deleteOwned(ctx context.Context, o Owned) error {
	if !o.Deleting {
		err := c.namespaces.Delete(ctx, o.Name, metav1.DeleteOptions{Preconditions: metav1.NewUIDPreconditions(string(o.uid))})
		switch {
		case apierrors.IsNotFound(err):
			return nil
		case apierrors.IsConflict(err):
			return explain(ErrNotOurs, "namespace %s was made anew since it was listed; kanzen left it alone", o.Name)
		case err != nil:
			return apiError("deleting namespace "+o.Name, err)
		}
	}
	return c.waitGone(ctx, o.Name, deleteTimeout)
}
