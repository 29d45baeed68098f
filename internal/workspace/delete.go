package workspace

import (
	"context"
	"fmt"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/watch"
)

// delete removes the namespace if it is kanzen's for this exercise and waits
// until it is gone; a missing namespace is already deleted.
func (c *cluster) delete(ctx context.Context, exerciseID, name string, timeout time.Duration) error {
	ns, err := c.existing(ctx, exerciseID, name)
	if err != nil || ns == nil {
		return err
	}
	if ns.DeletionTimestamp == nil {
		c.tell(Deleting)
		// The UID precondition makes sure what is deleted is the namespace
		// just checked, not one made meanwhile in its place.
		err := c.namespaces.Delete(ctx, name, metav1.DeleteOptions{Preconditions: metav1.NewUIDPreconditions(string(ns.UID))})
		if apierrors.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return apiError("deleting namespace "+name, err)
		}
	}
	c.tell(WaitingGone)
	return c.waitGone(ctx, name, timeout)
}

// waitGone watches the namespace until it no longer exists. The namespace
// controller deletes its contents first, which takes a few seconds.
func (c *cluster) waitGone(ctx context.Context, name string, timeout time.Duration) error {
	wctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	byName := metav1.ListOptions{FieldSelector: fields.OneTermEqualSelector("metadata.name", name).String()}
	for {
		list, err := c.namespaces.List(wctx, byName)
		if err == nil && len(list.Items) == 0 {
			return nil
		}
		if err == nil {
			opts := byName
			opts.ResourceVersion = list.ResourceVersion
			var w watch.Interface
			if w, err = c.namespaces.Watch(wctx, opts); err == nil && seesDeletion(w) {
				return nil
			}
		}
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case wctx.Err() != nil:
			return fmt.Errorf("namespace %s is still being deleted after %s; something in it may be held by a finalizer (see kubectl get namespace %s -o yaml)", name, timeout, name)
		case err != nil:
			return apiError("watching namespace "+name, err)
		}
		// The server ended the watch, as it does now and then: list again.
	}
}

// seesDeletion reports whether the watch saw a deletion before it ended.
func seesDeletion(w watch.Interface) bool {
	defer w.Stop()
	for ev := range w.ResultChan() {
		switch ev.Type {
		case watch.Deleted:
			return true
		case watch.Error:
			// An expired resource version, say; listing again recovers.
			return false
		}
	}
	return false
}
