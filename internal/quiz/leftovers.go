package quiz

import (
	"context"
	"fmt"
	"slices"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/rest"
	"k8s.io/utils/ptr"

	"kanzen.dev/kanzen/internal/served"
)

// policyKinds are admitted against by every dry run in their namespace: a
// quota of pods=0 or a limit range would fail or change a right answer.
var policyKinds = []string{"ResourceQuota", "LimitRange"}

// clusterMade are the objects the cluster itself puts in every namespace.
var clusterMade = map[string]string{"ConfigMap": "kube-root-ca.crt", "ServiceAccount": "default"}

// leftoverWait bounds how long kanzen waits for a deleted leftover to go.
const leftoverWait = 10 * time.Second

// clearLeftovers deletes from the scratch namespace what others left there
// that could change a grade: every quota and limit range, and every object
// of the kind the question asks for, whose name a right answer may take.
// The caller has made sure that ns is kanzen's labelled scratch namespace;
// objects another object owns are left to their owner's garbage
// collection, and in CI's audit the namespace holds nothing to delete.
func clearLeftovers(ctx context.Context, config *rest.Config, disco discovery.DiscoveryInterface, ns, kind string) error {
	resources, err := served.List(disco)
	if err != nil && resources == nil {
		return err
	}
	client, err := dynamic.NewForConfig(config)
	if err != nil {
		return err
	}
	kinds := slices.Clone(policyKinds)
	if !slices.Contains(kinds, kind) {
		kinds = append(kinds, kind)
	}
	for _, k := range kinds {
		r, ok := served.Preferred(resources, func(r served.Resource) bool { return r.Kind == k && r.Namespaced })
		if !ok {
			continue
		}
		objects := client.Resource(r.GVR()).Namespace(ns)
		list, err := objects.List(ctx, metav1.ListOptions{})
		if err != nil {
			return fmt.Errorf("listing %s: %w", r.Name, err)
		}
		var deleted []string
		for _, o := range list.Items {
			if clusterMade[k] == o.GetName() || len(o.GetOwnerReferences()) > 0 {
				continue
			}
			err := objects.Delete(ctx, o.GetName(), metav1.DeleteOptions{GracePeriodSeconds: ptr.To[int64](0)})
			if err != nil {
				return fmt.Errorf("deleting the leftover %s %s: %w", k, o.GetName(), err)
			}
			deleted = append(deleted, o.GetName())
		}
		if err := waitGone(ctx, objects, deleted); err != nil {
			return fmt.Errorf("the leftover %s %v: %w", k, deleted, err)
		}
	}
	return nil
}

// waitGone waits until none of names is left, as a finalizer may hold an
// object for a moment after its deletion.
func waitGone(ctx context.Context, objects dynamic.ResourceInterface, names []string) error {
	deadline := time.Now().Add(leftoverWait)
	for len(names) > 0 {
		list, err := objects.List(ctx, metav1.ListOptions{})
		if err != nil {
			return err
		}
		names = slices.DeleteFunc(names, func(name string) bool {
			return !slices.ContainsFunc(list.Items, func(o unstructured.Unstructured) bool { return o.GetName() == name })
		})
		if len(names) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("still there after %s", leftoverWait)
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil
}
