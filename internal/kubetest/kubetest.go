// Package kubetest gives tests a live cluster: the one KANZEN_TEST_KUBECONFIG
// names, or else a sandbox shared by every test package of a run. Each test
// gets a namespace of its own, deleted when the test ends.
package kubetest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	authorizationv1 "k8s.io/api/authorization/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/sandbox"
)

// KubeconfigEnv names a kubeconfig whose current context the tests use.
const KubeconfigEnv = "KANZEN_TEST_KUBECONFIG"

// SandboxName is the sandbox tests start when no cluster is given. go test
// runs packages in parallel processes; the sandbox's lock lets the first start
// it and the others find it running.
const SandboxName = "kanzen-test"

// TestLabel marks the namespaces tests create.
const TestLabel = "kanzen.dev/test"

// Cluster is a live cluster for tests.
type Cluster struct {
	Kubeconfig string
	Config     *rest.Config
	Client     kubernetes.Interface
}

var (
	once     sync.Once
	shared   *Cluster
	problem  string
	mustFail bool
)

// Get returns the test cluster. Without one, the test is skipped with the
// reason, except under CI=true, where a missing cluster fails the test.
func Get(t testing.TB) *Cluster {
	t.Helper()
	once.Do(connect)
	if shared != nil {
		return shared
	}
	if mustFail || os.Getenv("CI") == "true" {
		t.Fatalf("no live cluster: %s", problem)
	}
	t.Skipf("no live cluster: %s", problem)
	return nil
}

// connect finds the cluster once per test process.
func connect() {
	path := os.Getenv(KubeconfigEnv)
	if path == "" {
		bins, ok := sandbox.Built()
		if !ok {
			problem = "set " + KubeconfigEnv + " to a kubeconfig, or build the sandbox once with: go run . sandbox up"
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		s := &sandbox.Sandbox{Name: SandboxName, Nodes: sandbox.DefaultNodes, Bins: bins}
		st, err := s.Up(ctx)
		if err != nil {
			problem, mustFail = "cannot start the test sandbox: "+err.Error(), true
			return
		}
		path = st.Kubeconfig
	}
	config, err := clientcmd.BuildConfigFromFlags("", path)
	if err != nil {
		problem, mustFail = fmt.Sprintf("%s=%s: %v", KubeconfigEnv, path, err), true
		return
	}
	config.QPS, config.Burst = 50, 100
	client, err := kubernetes.NewForConfig(config)
	if err != nil {
		problem, mustFail = err.Error(), true
		return
	}
	if _, err := client.Discovery().ServerVersion(); err != nil {
		problem, mustFail = fmt.Sprintf("the cluster in %s does not answer: %v", path, err), true
		return
	}
	shared = &Cluster{Kubeconfig: path, Config: config, Client: client}
}

// OwnSandbox starts a sandbox that only this test uses, for tests that
// would upset others on the shared cluster, and takes it down when the test
// ends.
func OwnSandbox(t testing.TB, name string, nodes int) (*sandbox.Sandbox, sandbox.Status) {
	t.Helper()
	s := &sandbox.Sandbox{Name: name, Nodes: nodes, Bins: Binaries(t)}
	t.Cleanup(func() { _, _ = s.Down(context.Background()) })
	st, err := s.Up(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// Namespace creates a namespace for this test alone and deletes it when the
// test ends.
func (c *Cluster) Namespace(t testing.TB) string {
	t.Helper()
	prefix := "kz-test-" + strings.ToLower(strings.NewReplacer("/", "-", "_", "-").Replace(t.Name()))
	if len(prefix) > 40 {
		prefix = prefix[:40]
	}
	ns, err := c.Client.CoreV1().Namespaces().Create(context.Background(), &corev1.Namespace{
		ObjectMeta: metav1.ObjectMeta{
			GenerateName: strings.TrimRight(prefix, "-") + "-",
			Labels:       map[string]string{TestLabel: "true"},
		},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatalf("create test namespace: %v", err)
	}
	t.Cleanup(func() {
		err := c.Client.CoreV1().Namespaces().Delete(context.Background(), ns.Name, metav1.DeleteOptions{})
		if err != nil {
			t.Errorf("delete test namespace %s: %v", ns.Name, err)
		}
	})
	return ns.Name
}

// Eventually polls cond until it returns true, failing the test with the last
// description cond gave if timeout passes first.
func Eventually(t testing.TB, timeout time.Duration, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, why := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s: %s", timeout, why)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Binaries returns the built sandbox binaries for tests that start sandboxes
// of their own. Without them the test is skipped, or fails under CI=true.
func Binaries(t testing.TB) sandbox.Binaries {
	t.Helper()
	bins, ok := sandbox.Built()
	if ok {
		return bins
	}
	const why = "the sandbox is not built: run go run . sandbox up once"
	if os.Getenv("CI") == "true" {
		t.Fatal(why)
	}
	t.Skip(why)
	return sandbox.Binaries{}
}

// Shell runs a shell script the way a learner would in kanzen's "!" shell:
// kubectl's current namespace is namespace, and the sandbox's kubectl comes
// first on PATH when it is built. It returns the combined output.
func (c *Cluster) Shell(t testing.TB, namespace, script string) (string, error) {
	t.Helper()
	target, err := kube.Load(kube.Options{Kubeconfig: c.Kubeconfig})
	if err != nil {
		t.Fatal(err)
	}
	kubeconfig, err := target.NamespacedKubeconfig(t.TempDir(), namespace)
	if err != nil {
		t.Fatal(err)
	}
	return ShellWith(kubeconfig, namespace, script)
}

// ShellWith runs a shell script with KUBECONFIG set to kubeconfig,
// KANZEN_NAMESPACE to namespace as kanzen's shell sets it, and the sandbox's
// kubectl first on PATH when it is built, and returns the combined output.
func ShellWith(kubeconfig, namespace, script string) (string, error) {
	path := os.Getenv("PATH")
	if bins, ok := sandbox.Built(); ok {
		path = bins.Dir + string(os.PathListSeparator) + path
	}
	cmd := exec.Command("sh", "-c", script)
	cmd.Env = append(os.Environ(), "KUBECONFIG="+kubeconfig, "PATH="+path, "KANZEN_NAMESPACE="+namespace)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// WaitUntilAllowed waits until the API server lets user do verb on
// resource in namespace ("" for the whole cluster). The authorizer learns
// of a new role binding through a watch, a moment after it is made, so a
// test that grants and then acts must wait, or it sees a refusal.
func (c *Cluster) WaitUntilAllowed(t testing.TB, user, verb, resource, namespace string) {
	t.Helper()
	review := &authorizationv1.SubjectAccessReview{Spec: authorizationv1.SubjectAccessReviewSpec{
		User:               user,
		ResourceAttributes: &authorizationv1.ResourceAttributes{Verb: verb, Resource: resource, Namespace: namespace},
	}}
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := c.Client.AuthorizationV1().SubjectAccessReviews().Create(context.Background(), review, metav1.CreateOptions{})
		if err == nil && got.Status.Allowed {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s may still not %s %s in %q after 10s: %v", user, verb, resource, namespace, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
