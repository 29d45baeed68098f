package workspace

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/rest"

	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/lessons"
)

// appSetup is a small world for the learner: a Deployment and its settings.
const appSetup = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  greeting: hello
`

func exercise(id, setup string) *lessons.Exercise {
	return &lessons.Exercise{ID: id, Setup: setup}
}

// uniqueName returns a name no other test uses, with prefix.
func uniqueName(prefix string) string {
	return fmt.Sprintf("%s-%08x", prefix, rand.Uint32())
}

// testNamespace names a namespace for kanzen to make, deleted when the test
// ends whatever state the test left it in.
func testNamespace(t *testing.T, c *kubetest.Cluster) string {
	t.Helper()
	name := uniqueName("kz-test")
	t.Cleanup(func() {
		err := c.Client.CoreV1().Namespaces().Delete(context.Background(), name, metav1.DeleteOptions{})
		if err != nil && !apierrors.IsNotFound(err) {
			t.Errorf("delete namespace %s: %v", name, err)
		}
	})
	return name
}

func getNamespace(t *testing.T, c *kubetest.Cluster, name string) *corev1.Namespace {
	t.Helper()
	ns, err := c.Client.CoreV1().Namespaces().Get(t.Context(), name, metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return ns
}

func createConfigMap(t *testing.T, c *kubetest.Cluster, namespace, name string) *corev1.ConfigMap {
	t.Helper()
	cm, err := c.Client.CoreV1().ConfigMaps(namespace).Create(t.Context(), &corev1.ConfigMap{
		ObjectMeta: metav1.ObjectMeta{Name: name},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return cm
}

func TestStartMakesLabelledNamespaceWithSetup(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	name := testNamespace(t, c)
	ex := exercise("2.1", appSetup)

	info, err := Start(t.Context(), c.Config, ex, name)
	if err != nil {
		t.Fatal(err)
	}
	if info.Namespace != name || info.Exercise != "2.1" || !info.Created {
		t.Fatalf("got %+v, want a created namespace %s for exercise 2.1", info, name)
	}
	if now := time.Now(); now.Before(info.Started) {
		t.Fatalf("Start returned at %v, before the exercise's start %v", now, info.Started)
	}
	ns := getNamespace(t, c, name)
	want := map[string]string{ManagedByLabel: ManagedBy, ExerciseLabel: "2.1"}
	for k, v := range want {
		if ns.Labels[k] != v {
			t.Errorf("namespace label %s = %q, want %q", k, ns.Labels[k], v)
		}
	}
	if got := ns.Annotations[StartedAnnotation]; got != info.Started.UTC().Format(time.RFC3339) {
		t.Errorf("annotation %s = %q, want %v", StartedAnnotation, got, info.Started)
	}
	deploy, err := c.Client.AppsV1().Deployments(name).Get(t.Context(), "web", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cm, err := c.Client.CoreV1().ConfigMaps(name).Get(t.Context(), "settings", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, obj := range []metav1.Object{ns, deploy, cm} {
		if !obj.GetCreationTimestamp().Time.Before(info.Started) {
			t.Errorf("%s was created at %v, not before the start %v", obj.GetName(), obj.GetCreationTimestamp(), info.Started)
		}
	}
	for _, obj := range []metav1.Object{deploy, cm} {
		if _, ok := obj.GetLabels()[ManagedByLabel]; ok {
			t.Errorf("setup object %s is labelled %s; it should look like the learner's", obj.GetName(), ManagedByLabel)
		}
	}

	// What the learner makes once Start returns is not older than the start.
	mine := createConfigMap(t, c, name, "mine")
	if mine.CreationTimestamp.Time.Before(info.Started) {
		t.Errorf("the learner's ConfigMap was created at %v, before the start %v", mine.CreationTimestamp, info.Started)
	}

	again, err := Start(t.Context(), c.Config, ex, name)
	if err != nil {
		t.Fatal(err)
	}
	if again.Created || !again.Started.Equal(info.Started) {
		t.Fatalf("starting again gave %+v, want the namespace as it was (%+v)", again, info)
	}
	looked, err := Lookup(t.Context(), c.Config, "2.1", name)
	if err != nil || !looked.Started.Equal(info.Started) {
		t.Fatalf("Lookup gave %+v, %v; want the start %v", looked, err, info.Started)
	}
}

func TestResetStartsAfresh(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	name := testNamespace(t, c)
	ex := exercise("2.2", appSetup)
	first, err := Start(t.Context(), c.Config, ex, name)
	if err != nil {
		t.Fatal(err)
	}
	oldUID := getNamespace(t, c, name).UID
	createConfigMap(t, c, name, "mine")

	second, err := Reset(t.Context(), c.Config, ex, name)
	if err != nil {
		t.Fatal(err)
	}
	if !second.Created || !second.Started.After(first.Started) {
		t.Fatalf("Reset gave %+v after %+v, want a new namespace with a later start", second, first)
	}
	if uid := getNamespace(t, c, name).UID; uid == oldUID {
		t.Fatalf("the namespace has its old UID %s: it was not made again", uid)
	}
	if _, err := c.Client.CoreV1().ConfigMaps(name).Get(t.Context(), "mine", metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Fatalf("the learner's ConfigMap survived the reset: %v", err)
	}
	if _, err := c.Client.CoreV1().ConfigMaps(name).Get(t.Context(), "settings", metav1.GetOptions{}); err != nil {
		t.Fatalf("the setup ConfigMap is missing after the reset: %v", err)
	}
}

func TestNamespaceNotMadeByKanzenIsLeftAlone(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	name := c.Namespace(t)
	createConfigMap(t, c, name, "theirs")
	before := getNamespace(t, c, name)
	ex := exercise("2.3", appSetup)

	for op, run := range map[string]func(context.Context) error{
		"Start":  func(ctx context.Context) error { _, err := Start(ctx, c.Config, ex, name); return err },
		"Reset":  func(ctx context.Context) error { _, err := Reset(ctx, c.Config, ex, name); return err },
		"Lookup": func(ctx context.Context) error { _, err := Lookup(ctx, c.Config, ex.ID, name); return err },
		"Delete": func(ctx context.Context) error { return Delete(ctx, c.Config, ex.ID, name) },
	} {
		err := run(t.Context())
		want := fmt.Sprintf("namespace %q exists and was not created by kanzen; kanzen will not touch it (choose another with --namespace)", name)
		if !errors.Is(err, ErrNotOurs) || err.Error() != want {
			t.Errorf("%s: got %v, want ErrNotOurs saying %q", op, err, want)
		}
	}

	after := getNamespace(t, c, name)
	if after.UID != before.UID || after.DeletionTimestamp != nil ||
		!maps.Equal(after.Labels, before.Labels) || !maps.Equal(after.Annotations, before.Annotations) {
		t.Fatalf("the namespace changed:\nbefore %+v\nafter  %+v", before.ObjectMeta, after.ObjectMeta)
	}
	if _, err := c.Client.CoreV1().ConfigMaps(name).Get(t.Context(), "theirs", metav1.GetOptions{}); err != nil {
		t.Fatalf("the namespace's own ConfigMap: %v", err)
	}
	if _, err := c.Client.CoreV1().ConfigMaps(name).Get(t.Context(), "settings", metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Fatalf("a setup object was made in a namespace that is not kanzen's: %v", err)
	}
}

func TestNamespaceOfAnotherExerciseIsLeftAlone(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	name := testNamespace(t, c)
	if _, err := Start(t.Context(), c.Config, exercise("1.1", ""), name); err != nil {
		t.Fatal(err)
	}
	before := getNamespace(t, c, name)
	for op, run := range map[string]func(context.Context, *lessons.Exercise) error{
		"Start": func(ctx context.Context, ex *lessons.Exercise) error {
			_, err := Start(ctx, c.Config, ex, name)
			return err
		},
		"Reset": func(ctx context.Context, ex *lessons.Exercise) error {
			_, err := Reset(ctx, c.Config, ex, name)
			return err
		},
	} {
		err := run(t.Context(), exercise("1.2", ""))
		if !errors.Is(err, ErrOtherExercise) || !strings.Contains(err.Error(), `for exercise "1.1", not "1.2"`) {
			t.Errorf("%s: got %v, want ErrOtherExercise naming exercise 1.1", op, err)
		}
	}
	if after := getNamespace(t, c, name); after.UID != before.UID || after.DeletionTimestamp != nil {
		t.Fatal("the other exercise's namespace was deleted")
	}
}

func TestStartFinishesAnInterruptedStart(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	name := testNamespace(t, c)
	// A Start that stopped after making the namespace left it without a clock.
	_, err := c.Client.CoreV1().Namespaces().Create(t.Context(), &corev1.Namespace{
		ObjectMeta: metav1.ObjectMeta{Name: name, Labels: map[string]string{ManagedByLabel: ManagedBy, ExerciseLabel: "2.4"}},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lookup(t.Context(), c.Config, "2.4", name); !errors.Is(err, ErrNotStarted) {
		t.Fatalf("Lookup: got %v, want ErrNotStarted", err)
	}
	info, err := Start(t.Context(), c.Config, exercise("2.4", appSetup), name)
	if err != nil {
		t.Fatal(err)
	}
	if info.Created || info.Started.IsZero() {
		t.Fatalf("got %+v, want the existing namespace with its clock started", info)
	}
	if _, err := c.Client.AppsV1().Deployments(name).Get(t.Context(), "web", metav1.GetOptions{}); err != nil {
		t.Fatalf("the setup was not applied: %v", err)
	}
}

func TestBadSetupIsRejectedBeforeAnythingIsMade(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	role := uniqueName("kz-test-reader")
	const first = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n---\n"
	for setup, want := range map[string]string{
		first + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: elsewhere, namespace: default}":            `exercise 3.1 setup, document 2 (ConfigMap elsewhere): is in namespace "default"`,
		first + "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: " + role + "}": "exercise 3.1 setup, document 2 (ClusterRole " + role + "): ClusterRole is cluster-scoped",
		first + "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}":                               "exercise 3.1 setup, document 2 (Widget w): no matches for kind",
	} {
		name := testNamespace(t, c)
		_, err := Start(t.Context(), c.Config, exercise("3.1", setup), name)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want an error containing %q", err, want)
		}
		if _, err := c.Client.CoreV1().Namespaces().Get(t.Context(), name, metav1.GetOptions{}); !apierrors.IsNotFound(err) {
			t.Errorf("the namespace was made despite the bad setup: %v", err)
		}
	}
	if _, err := c.Client.RbacV1().ClusterRoles().Get(t.Context(), role, metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Errorf("the cluster-scoped setup object was made: %v", err)
	}
}

func TestLookupWithoutNamespaceSaysHowToStart(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	name := uniqueName("kz-test-absent")
	_, err := Lookup(t.Context(), c.Config, "2.1", name)
	want := fmt.Sprintf("exercise 2.1 is not started in namespace %s: run kanzen start 2.1 --namespace %s", name, name)
	if !errors.Is(err, ErrNotStarted) || err.Error() != want {
		t.Fatalf("got %v, want ErrNotStarted saying %q", err, want)
	}
	if got, want := notStarted("2.1", "kz-2-1").Error(), "exercise 2.1 is not started in namespace kz-2-1: run kanzen start 2.1"; got != want {
		t.Fatalf("in the default namespace: got %q, want %q", got, want)
	}
}

func TestForbiddenSaysWhatTheAccountMayNotDo(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	user := uniqueName("kz-test-learner")
	allowReadingNamespaces(t, c, user)
	config := rest.CopyConfig(c.Config)
	config.Impersonate = rest.ImpersonationConfig{UserName: user}

	_, err := Start(t.Context(), config, exercise("2.1", appSetup), testNamespace(t, c))
	const want = "the cluster does not allow creating namespaces with this account: "
	if !apierrors.IsForbidden(err) || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), user) {
		t.Fatalf("got %v, want a forbidden error starting %q with the server's message", err, want)
	}
}

// allowReadingNamespaces lets user read namespaces and nothing else.
func allowReadingNamespaces(t *testing.T, c *kubetest.Cluster, user string) {
	t.Helper()
	rbac := c.Client.RbacV1()
	role, err := rbac.ClusterRoles().Create(t.Context(), &rbacv1.ClusterRole{
		ObjectMeta: metav1.ObjectMeta{Name: user},
		Rules: []rbacv1.PolicyRule{{
			APIGroups: []string{""}, Resources: []string{"namespaces"}, Verbs: []string{"get", "list", "watch"},
		}},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rbac.ClusterRoles().Delete(context.Background(), role.Name, metav1.DeleteOptions{}) })
	binding, err := rbac.ClusterRoleBindings().Create(t.Context(), &rbacv1.ClusterRoleBinding{
		ObjectMeta: metav1.ObjectMeta{Name: user},
		RoleRef:    rbacv1.RoleRef{APIGroup: rbacv1.GroupName, Kind: "ClusterRole", Name: role.Name},
		Subjects:   []rbacv1.Subject{{APIGroup: rbacv1.GroupName, Kind: rbacv1.UserKind, Name: user}},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rbac.ClusterRoleBindings().Delete(context.Background(), binding.Name, metav1.DeleteOptions{}) })
	c.WaitUntilAllowed(t, user, "get", "namespaces", "")
}

func TestUnreachableClusterErrorSaysWhatFailed(t *testing.T) {
	t.Parallel()
	config := &rest.Config{Host: "https://127.0.0.1:1", Timeout: 5 * time.Second}
	_, err := Start(t.Context(), config, exercise("2.1", ""), "")
	if err == nil || !strings.HasPrefix(err.Error(), "reading namespace kz-2-1: ") || !strings.Contains(err.Error(), "connection refused") {
		t.Fatalf("got %v, want the failed request in context", err)
	}
}

func TestDeleteWaitsForTheNamespaceToGo(t *testing.T) {
	t.Parallel()
	c := kubetest.Get(t)
	name := testNamespace(t, c)
	ex := exercise("4.1", "")
	if _, err := Start(t.Context(), c.Config, ex, name); err != nil {
		t.Fatal(err)
	}
	// A finalizer nobody removes holds the namespace in Terminating.
	const hold = "kanzen.dev/test-hold"
	if err := setFinalizers(c, name, []string{hold}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := setFinalizers(c, name, nil); err != nil {
			t.Error(err)
		}
	})

	cl, err := connect(c.Config)
	if err != nil {
		t.Fatal(err)
	}
	err = cl.delete(t.Context(), ex.ID, name, time.Second)
	if err == nil || !strings.Contains(err.Error(), "is still being deleted after 1s") {
		t.Fatalf("got %v, want a timeout saying the namespace is still being deleted", err)
	}

	// Start waits for the namespace to go, then makes it again.
	oldUID := getNamespace(t, c, name).UID
	released := make(chan error, 1)
	time.AfterFunc(time.Second, func() { released <- setFinalizers(c, name, nil) })
	info, err := Start(t.Context(), c.Config, ex, name)
	if err := <-released; err != nil {
		t.Fatal(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !info.Created || getNamespace(t, c, name).UID == oldUID {
		t.Fatalf("Start on a terminating namespace gave %+v, want it made again", info)
	}
	if err := Delete(t.Context(), c.Config, ex.ID, name); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Client.CoreV1().Namespaces().Get(t.Context(), name, metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Fatalf("after Delete, the namespace is still there: %v", err)
	}
}

// setFinalizers replaces the namespace's metadata.finalizers, if it exists.
func setFinalizers(c *kubetest.Cluster, name string, finalizers []string) error {
	patch, err := json.Marshal(map[string]any{"metadata": map[string]any{"finalizers": finalizers}})
	if err != nil {
		return err
	}
	_, err = c.Client.CoreV1().Namespaces().Patch(context.Background(), name, types.MergePatchType, patch, metav1.PatchOptions{})
	if err != nil && !apierrors.IsNotFound(err) {
		return fmt.Errorf("set finalizers of %s: %w", name, err)
	}
	return nil
}
