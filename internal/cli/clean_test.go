package cli

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"

	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/workspace"
)

// TestCleanDeletesOnlyKanzensNamespaces runs on a sandbox of its own: clean
// deletes every namespace kanzen made, and on the shared test cluster that
// would include other tests' namespaces.
func TestCleanDeletesOnlyKanzensNamespaces(t *testing.T) {
	_, st := kubetest.OwnSandbox(t, "kanzen-clean", 1)
	// Only now: sandboxes take turns at picking ports through a lock in the
	// state directory, which this one must share with the others.
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	kc := st.Kubeconfig
	config, err := clientcmd.BuildConfigFromFlags("", kc)
	if err != nil {
		t.Fatal(err)
	}
	client := kubernetes.NewForConfigOrDie(config)
	if code, _, stderr := kanzen(t, "--kubeconfig", kc, "start", "2.1"); code != 0 || !strings.HasPrefix(stderr, "Setting up exercise 2.1 in namespace kz-2-1…\n") {
		t.Fatalf("start 2.1: exit %d; want it to say first that it sets the exercise up: %s", code, stderr)
	}
	if _, err := workspace.EnsureScratch(t.Context(), config, workspace.ScratchNamespace, nil); err != nil {
		t.Fatal(err)
	}
	decoys := map[string]map[string]string{
		"someone-elses":    nil,
		"kz-only-labelled": {workspace.ManagedByLabel: workspace.ManagedBy},
	}
	for name, labels := range decoys {
		ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: name, Labels: labels}}
		if _, err := client.CoreV1().Namespaces().Create(t.Context(), ns, metav1.CreateOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	exists := func(name string) bool {
		ns, err := client.CoreV1().Namespaces().Get(t.Context(), name, metav1.GetOptions{})
		if err != nil && !apierrors.IsNotFound(err) {
			t.Fatal(err)
		}
		return err == nil && ns.DeletionTimestamp == nil
	}

	code, stdout, _ := kanzen(t, "--kubeconfig", kc, "clean", "--dry-run")
	for _, want := range []string{"kz-2-1       exercise 2.1", "kz-quiz      quiz scratch space"} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("clean --dry-run (exit %d) lacks %q:\n%s", code, want, stdout)
		}
	}
	for name := range decoys {
		if strings.Contains(stdout, name) {
			t.Errorf("clean --dry-run lists %s, which is not kanzen's:\n%s", name, stdout)
		}
	}
	if !exists("kz-2-1") || !exists("kz-quiz") {
		t.Fatal("clean --dry-run deleted something")
	}

	code, _, stderr := kanzen(t, "--kubeconfig", kc, "clean")
	if code != exitFailure || !strings.Contains(stderr, "Delete 2 namespaces and everything in them") || !strings.Contains(stderr, "Re-run with --yes") {
		t.Errorf("clean without a terminal to ask on: exit %d: %s", code, stderr)
	}
	if !exists("kz-2-1") {
		t.Fatal("clean deleted without being agreed to")
	}

	code, stdout, stderr = kanzen(t, "--kubeconfig", kc, "clean", "--yes")
	for _, want := range []string{"Deleting 2 namespaces and everything in them, and waiting until they are gone…\n", "✓ deleted kz-2-1", "✓ deleted kz-quiz", "deleted 2 of 2 namespaces"} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("clean --yes (exit %d, %s) lacks %q:\n%s", code, stderr, want, stdout)
		}
	}
	if exists("kz-2-1") || exists("kz-quiz") {
		t.Error("kanzen's namespaces are still there after clean --yes")
	}
	for name := range decoys {
		if !exists(name) {
			t.Errorf("clean deleted %s, which is not kanzen's", name)
		}
	}
	if code, stdout, _ := kanzen(t, "--kubeconfig", kc, "clean", "--yes"); code != 0 || !strings.Contains(stdout, "kanzen has no namespaces on context") {
		t.Errorf("a second clean: exit %d:\n%s", code, stdout)
	}
}
