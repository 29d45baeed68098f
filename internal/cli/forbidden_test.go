package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/tools/clientcmd"

	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/workspace"
)

// TestCheckExplainsAForbiddenKindAtOnce runs kanzen check 3.2, which
// watches Nodes, as a learner who may read the exercise's namespace but not
// Nodes: the check must say at once what is denied, for which exercise, and
// what to do, instead of waiting for a view it will never get.
func TestCheckExplainsAForbiddenKindAtOnce(t *testing.T) {
	c := kubetest.Get(t)
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	ctx := context.Background()
	ns := fmt.Sprintf("kz-test-denied-%d", time.Now().UnixNano()%1000000)
	t.Cleanup(func() { workspace.Delete(context.Background(), c.Config, "3.2", ns) })
	if code, _, stderr := kanzen(t, "start", "3.2", "--kubeconfig", c.Kubeconfig, "-n", ns); code != 0 {
		t.Fatalf("start: exit %d\n%s", code, stderr)
	}
	user := "kanzen-learner-" + ns
	learner := impersonating(t, c.Kubeconfig, user)
	rbac := c.Client.RbacV1()
	read := []string{"get", "list", "watch"}
	clusterRole := &rbacv1.ClusterRole{
		ObjectMeta: metav1.ObjectMeta{Name: user},
		Rules:      []rbacv1.PolicyRule{{APIGroups: []string{""}, Resources: []string{"namespaces"}, Verbs: read}},
	}
	if _, err := rbac.ClusterRoles().Create(ctx, clusterRole, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rbac.ClusterRoles().Delete(context.Background(), user, metav1.DeleteOptions{}) })
	subjects := []rbacv1.Subject{{APIGroup: rbacv1.GroupName, Kind: rbacv1.UserKind, Name: user}}
	if _, err := rbac.ClusterRoleBindings().Create(ctx, &rbacv1.ClusterRoleBinding{
		ObjectMeta: metav1.ObjectMeta{Name: user},
		RoleRef:    rbacv1.RoleRef{APIGroup: rbacv1.GroupName, Kind: "ClusterRole", Name: user},
		Subjects:   subjects,
	}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rbac.ClusterRoleBindings().Delete(context.Background(), user, metav1.DeleteOptions{}) })
	if _, err := rbac.Roles(ns).Create(ctx, &rbacv1.Role{
		ObjectMeta: metav1.ObjectMeta{Name: "learner"},
		Rules:      []rbacv1.PolicyRule{{APIGroups: []string{""}, Resources: []string{"configmaps"}, Verbs: read}},
	}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := rbac.RoleBindings(ns).Create(ctx, &rbacv1.RoleBinding{
		ObjectMeta: metav1.ObjectMeta{Name: "learner"},
		RoleRef:    rbacv1.RoleRef{APIGroup: rbacv1.GroupName, Kind: "Role", Name: "learner"},
		Subjects:   subjects,
	}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	c.WaitUntilAllowed(t, user, "get", "namespaces", "")
	c.WaitUntilAllowed(t, user, "list", "configmaps", ns)

	began := time.Now()
	code, _, stderr := kanzen(t, "check", "3.2", "--kubeconfig", learner, "-n", ns)
	took := time.Since(began)
	for _, want := range []string{"not allow your account to list nodes across the cluster", "Exercise 3.2", "kubectl auth can-i list nodes"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if code != exitFailure || took > 5*time.Second {
		t.Errorf("exit %d after %s; want 1 at once", code, took.Round(time.Millisecond))
	}
}

// impersonating writes a copy of kubeconfig whose user acts as user.
func impersonating(t *testing.T, kubeconfig, user string) string {
	t.Helper()
	c, err := clientcmd.LoadFromFile(kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range c.AuthInfos {
		u.Impersonate = user
	}
	path := filepath.Join(t.TempDir(), "learner")
	if err := clientcmd.WriteToFile(*c, path); err != nil {
		t.Fatal(err)
	}
	return path
}
