package watch

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/rest"
	"k8s.io/utils/ptr"

	"kanzen.dev/kanzen/internal/kubetest"
)

// startWatch starts a watcher of kinds in ns and stops it when the test ends.
func startWatch(tb testing.TB, config *rest.Config, ns string, kinds ...string) *Watcher {
	tb.Helper()
	w, err := Start(context.Background(), config, ns, kinds)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(w.Stop)
	return w
}

// waitSnapshot waits until cond accepts the watcher's snapshot and returns it.
func waitSnapshot(t testing.TB, w *Watcher, cond func(Snapshot) (bool, string)) Snapshot {
	t.Helper()
	var s Snapshot
	kubetest.Eventually(t, 30*time.Second, func() (bool, string) {
		s = w.Snapshot()
		return cond(s)
	})
	return s
}

// names lists the names of objects, in their order.
func names(objects []Object) []string {
	var out []string
	for _, o := range objects {
		out = append(out, field(o, "metadata", "name"))
	}
	return out
}

// deploy creates a Deployment of nginx with the given replicas.
func deploy(t *testing.T, c *kubetest.Cluster, ns, name string, replicas int32) {
	t.Helper()
	labels := map[string]string{"app": name}
	d := &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Name: name},
		Spec: appsv1.DeploymentSpec{
			Replicas: ptr.To(replicas),
			Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: labels},
				Spec:       corev1.PodSpec{Containers: []corev1.Container{{Name: "nginx", Image: "nginx"}}},
			},
		},
	}
	if _, err := c.Client.AppsV1().Deployments(ns).Create(context.Background(), d, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
}

// rolledOut accepts a snapshot holding the Deployment, one ReplicaSet and
// replicas Running Pods.
func rolledOut(replicas int) func(Snapshot) (bool, string) {
	return func(s Snapshot) (bool, string) {
		running := 0
		for _, p := range s.Objects["Pod"] {
			if field(p, "status", "phase") == "Running" {
				running++
			}
		}
		why := fmt.Sprintf("%d Deployments, %d ReplicaSets, %d Pods (%d Running), want 1, 1, %d Running",
			len(s.Objects["Deployment"]), len(s.Objects["ReplicaSet"]), len(s.Objects["Pod"]), running, replicas)
		return len(s.Objects["Deployment"]) == 1 && len(s.Objects["ReplicaSet"]) == 1 &&
			len(s.Objects["Pod"]) == replicas && running == replicas, why
	}
}

// find returns the first event after seq that match accepts.
func find(events []Event, after int, match func(Event) bool) (Event, bool) {
	for _, e := range events {
		if e.Seq > after && match(e) {
			return e, true
		}
	}
	return Event{}, false
}

func TestLiveDeploymentRollsOut(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	ns := c.Namespace(t)
	w := startWatch(t, c.Config, ns, "Deployment", "ReplicaSet", "Pod")
	receive(t, w.Changes(), "the sync signal")
	s := w.Snapshot()
	if !s.Synced || s.Namespace != ns || len(s.Events) != 0 || len(s.Objects) != 3 {
		t.Fatalf("after sync: Synced %v, Namespace %q, %d events, %d kinds", s.Synced, s.Namespace, len(s.Events), len(s.Objects))
	}
	for kind, objects := range s.Objects {
		if len(objects) != 0 {
			t.Fatalf("new namespace has %s %v", kind, names(objects))
		}
	}

	deploy(t, c, ns, "web", 3)
	receive(t, w.Changes(), "a signal for the Deployment")
	s = waitSnapshot(t, w, rolledOut(3))
	if pods := names(s.Objects["Pod"]); !slices.IsSorted(pods) {
		t.Fatalf("Pods not sorted by name: %v", pods)
	}
	if _, ok := find(s.Events, 0, func(e Event) bool { return e.Type == Added && e.Kind == "Deployment" && e.Name == "web" }); !ok {
		t.Fatalf("no ADDED Deployment web among %d events", len(s.Events))
	}
}

func TestLivePodDeletedAndReplaced(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	ns := c.Namespace(t)
	w := startWatch(t, c.Config, ns, "Deployment", "ReplicaSet", "Pod")
	deploy(t, c, ns, "web", 3)
	s := waitSnapshot(t, w, rolledOut(3))
	victim := s.Objects["Pod"][0]
	name, uid := field(victim, "metadata", "name"), field(victim, "metadata", "uid")
	before := len(s.Events) // Seq equals the count while fewer than maxEvents.

	err := c.Client.CoreV1().Pods(ns).Delete(context.Background(), name, metav1.DeleteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The API server marks the Pod terminating before it removes it, and the
	// ReplicaSet replaces it as soon as it is terminating: the replacement's
	// ADDED may come before or after the DELETED, but after the delete.
	waitSnapshot(t, w, func(s Snapshot) (bool, string) {
		del, ok := find(s.Events, before, func(e Event) bool { return e.Type == Deleted && e.Kind == "Pod" })
		if !ok {
			return false, "no DELETED Pod event"
		}
		if del.Name != name || del.UID != uid || field(del.Object, "metadata", "uid") != uid {
			return false, fmt.Sprintf("DELETED %s (%s), want %s (%s)", del.Name, del.UID, name, uid)
		}
		if _, ok := find(s.Events, before, func(e Event) bool { return e.Type == Added && e.Kind == "Pod" && e.Name != name }); !ok {
			return false, "no ADDED Pod replacing it"
		}
		return true, ""
	})
}

func TestLiveOtherNamespacesStayOut(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	ns, other := c.Namespace(t), c.Namespace(t)
	w := startWatch(t, c.Config, ns, "ConfigMap")
	receive(t, w.Changes(), "the sync signal")
	ctx := context.Background()
	for _, cm := range []struct{ ns, name string }{{other, "elsewhere"}, {ns, "here"}} {
		_, err := c.Client.CoreV1().ConfigMaps(cm.ns).Create(ctx, &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: cm.name}}, metav1.CreateOptions{})
		if err != nil {
			t.Fatal(err)
		}
	}
	// "here" was created after "elsewhere", so once it is seen, "elsewhere"
	// would have been seen too if it leaked in.
	s := waitSnapshot(t, w, func(s Snapshot) (bool, string) {
		return slices.Contains(names(s.Objects["ConfigMap"]), "here"), "ConfigMap here not seen"
	})
	for _, o := range s.Objects["ConfigMap"] {
		if field(o, "metadata", "namespace") != ns {
			t.Errorf("object from another namespace: %s/%s", field(o, "metadata", "namespace"), field(o, "metadata", "name"))
		}
	}
	for _, e := range s.Events {
		if e.Name == "elsewhere" {
			t.Errorf("event from another namespace: %s", eventLine(e))
		}
	}
}

func TestLiveRejectsKindsItCannotWatch(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	for kinds, want := range map[string]string{
		"Pod,Deploymnet": `unknown kind "Deploymnet": the cluster serves no such resource`,
		"Scale":          `unknown kind "Scale"`,
	} {
		w, err := Start(context.Background(), c.Config, "default", strings.Split(kinds, ","))
		if err == nil {
			w.Stop()
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Start(%s): got %v, want an error containing %q", kinds, err, want)
		}
	}
}

// TestLiveClusterScopedKindsAreWatchedAcrossTheCluster watches Nodes beside
// a namespace's Pods: a DaemonSet exercise compares the two.
func TestLiveClusterScopedKindsAreWatchedAcrossTheCluster(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	w := startWatch(t, c.Config, c.Namespace(t), "Pod", "Node")
	waitSnapshot(t, w, func(s Snapshot) (bool, string) {
		return s.Synced && len(s.Objects["Node"]) > 0, fmt.Sprintf("synced %v, nodes %v", s.Synced, names(s.Objects["Node"]))
	})
}

func TestLiveErrReportsForbiddenUntilGranted(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	ns := c.Namespace(t)
	const user = "kanzen-watch-test"
	config := rest.CopyConfig(c.Config)
	config.Impersonate = rest.ImpersonationConfig{UserName: user}
	w := startWatch(t, config, ns, "Pod")
	kubetest.Eventually(t, 10*time.Second, func() (bool, string) {
		return apierrors.IsForbidden(w.Err()), fmt.Sprintf("Err() = %v, want forbidden", w.Err())
	})
	var denied *Forbidden
	if !errors.As(w.Err(), &denied) || denied.Kind != "Pod" || denied.Verb != "list" || denied.Resource.Resource != "pods" || denied.Namespace != ns {
		t.Fatalf("Err() = %#v, want a *Forbidden to list pods in %s", w.Err(), ns)
	}

	ctx := context.Background()
	rbac := c.Client.RbacV1()
	role := &rbacv1.Role{
		ObjectMeta: metav1.ObjectMeta{Name: "watch-pods"},
		Rules:      []rbacv1.PolicyRule{{APIGroups: []string{""}, Resources: []string{"pods"}, Verbs: []string{"list", "watch"}}},
	}
	if _, err := rbac.Roles(ns).Create(ctx, role, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	binding := &rbacv1.RoleBinding{
		ObjectMeta: metav1.ObjectMeta{Name: "watch-pods"},
		RoleRef:    rbacv1.RoleRef{APIGroup: rbacv1.GroupName, Kind: "Role", Name: role.Name},
		Subjects:   []rbacv1.Subject{{APIGroup: rbacv1.GroupName, Kind: rbacv1.UserKind, Name: user}},
	}
	if _, err := rbac.RoleBindings(ns).Create(ctx, binding, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	receive(t, w.Changes(), "the sync signal once allowed")
	if err := w.Err(); err != nil || !w.Snapshot().Synced {
		t.Fatalf("after the grant: Err() = %v, Synced %v", err, w.Snapshot().Synced)
	}
}

// TestLiveAForbiddenClusterScopedKindSaysWhatIsDenied watches Nodes as
// exercise 3.2 does, as a user who may read the namespace but not Nodes.
func TestLiveAForbiddenClusterScopedKindSaysWhatIsDenied(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	ns := c.Namespace(t)
	config := rest.CopyConfig(c.Config)
	config.Impersonate = rest.ImpersonationConfig{UserName: "kanzen-no-nodes"}
	w := startWatch(t, config, ns, "Node")
	kubetest.Eventually(t, 5*time.Second, func() (bool, string) {
		var denied *Forbidden
		ok := errors.As(w.Err(), &denied) && denied.Kind == "Node" && denied.Verb == "list" && denied.Resource.Resource == "nodes" && denied.Namespace == ""
		return ok, fmt.Sprintf("Err() = %v, want a *Forbidden to list nodes across the cluster", w.Err())
	})
}

// TestLiveStopReleasesEverything is not parallel, so that no other watcher
// runs while it counts goroutines.
func TestLiveStopReleasesEverything(t *testing.T) {
	c := kubetest.Get(t)
	ns := c.Namespace(t)
	w := startWatch(t, c.Config, ns, "ConfigMap", "Pod")
	receive(t, w.Changes(), "the sync signal")
	events := len(w.Snapshot().Events)
	if len(watchGoroutines()) == 0 {
		t.Fatal("no watch goroutines found while running: the leak check would see nothing")
	}
	w.Stop()
	w.Stop()
	for range w.Changes() {
		// Drain a signal sent before the close.
	}

	_, err := c.Client.CoreV1().ConfigMaps(ns).Create(context.Background(), &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: "after-stop"}}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Watch streams close their readers just after Stop returns.
	kubetest.Eventually(t, 5*time.Second, func() (bool, string) {
		left := watchGoroutines()
		return len(left) == 0, fmt.Sprintf("%d goroutines left, the first:\n%s", len(left), strings.Join(left, "\n\n"))
	})
	if n := len(w.Snapshot().Events); n != events {
		t.Fatalf("%d events recorded after Stop", n-events)
	}
}

// watchGoroutines returns the stacks of other goroutines that run the
// watcher, its informers or their watch streams.
func watchGoroutines() []string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	// The first stack is the caller's own.
	stacks := strings.Split(string(buf), "\n\n")[1:]
	var left []string
	for _, s := range stacks {
		if strings.Contains(s, "client-go/tools/cache.") || strings.Contains(s, "apimachinery/pkg/watch.") || strings.Contains(s, "internal/watch.(*Watcher)") {
			left = append(left, s)
		}
	}
	return left
}

func TestLiveADeletedNamespaceIsGone(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	ns := c.Namespace(t)
	w := startWatch(t, c.Config, ns, "ConfigMap")
	receive(t, w.Changes(), "the sync signal")
	if w.Snapshot().Gone {
		t.Fatal("a namespace that exists is gone")
	}
	if err := c.Client.CoreV1().Namespaces().Delete(context.Background(), ns, metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	receive(t, w.Changes(), "a signal once the namespace is being deleted")
	waitSnapshot(t, w, func(s Snapshot) (bool, string) { return s.Gone, "the snapshot does not say the namespace is gone" })
	if err := w.Err(); err != nil {
		t.Errorf("a deleted namespace reads as a connection problem: %v", err)
	}
}
