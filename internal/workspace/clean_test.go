package workspace

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"kanzen.dev/kanzen/internal/kubetest"
)

// decoy makes a namespace with the labels given, deleted when the test ends.
func decoy(t *testing.T, c *kubetest.Cluster, labels map[string]string) string {
	t.Helper()
	name := testNamespace(t, c)
	_, err := c.Client.CoreV1().Namespaces().Create(t.Context(), &corev1.Namespace{
		ObjectMeta: metav1.ObjectMeta{Name: name, Labels: labels},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// ownedNamed is what ListOwned says of the namespaces named, by name.
func ownedNamed(t *testing.T, c *kubetest.Cluster, names ...string) map[string]Owned {
	t.Helper()
	all, err := ListOwned(t.Context(), c.Config)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]Owned{}
	for _, o := range all {
		if slices.Contains(names, o.Name) {
			found[o.Name] = o
		}
	}
	return found
}

func TestCleanDeletesKanzensNamespacesAndNothingElse(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	first, second, scratch := testNamespace(t, c), testNamespace(t, c), testNamespace(t, c)
	for _, ns := range []string{first, second} {
		if _, err := Start(t.Context(), c.Config, exercise("2.1", appSetup), ns); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := EnsureScratch(t.Context(), c.Config, scratch, nil); err != nil {
		t.Fatal(err)
	}
	unlabelled := decoy(t, c, nil)
	onlyManagedBy := decoy(t, c, map[string]string{ManagedByLabel: ManagedBy})

	found := ownedNamed(t, c, first, second, scratch, unlabelled, onlyManagedBy)
	if len(found) != 3 || found[first].Exercise != "2.1" || found[second].Exercise != "2.1" || found[scratch].Exercise != "" {
		t.Fatalf("ListOwned found %+v; want the two exercise namespaces and the scratch one", found)
	}
	var mu sync.Mutex
	var deleted []string
	err := DeleteOwned(t.Context(), c.Config, []Owned{found[first], found[second], found[scratch]}, func(o Owned, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			t.Errorf("%s: %v", o.Name, err)
		}
		deleted = append(deleted, o.Name)
	})
	if err != nil || len(deleted) != 3 {
		t.Fatalf("DeleteOwned: %v; heard of %v", err, deleted)
	}
	for _, ns := range []string{first, second, scratch} {
		if _, err := c.Client.CoreV1().Namespaces().Get(t.Context(), ns, metav1.GetOptions{}); !apierrors.IsNotFound(err) {
			t.Errorf("%s still exists after DeleteOwned returned (%v)", ns, err)
		}
	}
	for _, ns := range []string{unlabelled, onlyManagedBy} {
		if ns := getNamespace(t, c, ns); ns.DeletionTimestamp != nil {
			t.Errorf("%s, not kanzen's, is being deleted", ns.Name)
		}
	}
}

func TestCleanLeavesANamespaceMadeAgainSinceItWasListed(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	name := testNamespace(t, c)
	ex := exercise("2.1", "")
	if _, err := Start(t.Context(), c.Config, ex, name); err != nil {
		t.Fatal(err)
	}
	stale := ownedNamed(t, c, name)[name]
	if _, err := Reset(t.Context(), c.Config, ex, name); err != nil {
		t.Fatal(err)
	}
	var got error
	_ = DeleteOwned(context.Background(), c.Config, []Owned{stale}, func(_ Owned, err error) { got = err })
	if !errors.Is(got, ErrNotOurs) {
		t.Fatalf("deleting by a stale listing: got %v, want ErrNotOurs", got)
	}
	if ns := getNamespace(t, c, name); ns.DeletionTimestamp != nil || ns.UID == stale.uid {
		t.Errorf("the namespace made anew was touched: %+v", ns.ObjectMeta)
	}
}
