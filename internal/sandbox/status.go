package sandbox

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"

	"kanzen.dev/kanzen/internal/version"
)

// Status is what kanzen knows about one sandbox.
type Status struct {
	Name       string    `json:"name"`
	Kubeconfig string    `json:"kubeconfig,omitempty"`
	Exists     bool      `json:"exists"`
	Healthy    bool      `json:"healthy"`
	Server     string    `json:"server,omitempty"`
	Version    string    `json:"version,omitempty"`
	Nodes      []Node    `json:"nodes,omitempty"`
	Processes  []Process `json:"processes,omitempty"`
	BinDir     string    `json:"binDir,omitempty"`
	// Recipe is the upstream versions the binaries were built from; empty
	// for binaries from --bin-dir.
	Recipe map[string]string `json:"recipe,omitempty"`
	// Problem says why the sandbox is not healthy.
	Problem string `json:"problem,omitempty"`
}

// Node is one simulated node and whether it is Ready.
type Node struct {
	Name  string `json:"name"`
	Ready bool   `json:"ready"`
}

// ReadyNodes counts the Ready nodes.
func (st Status) ReadyNodes() int {
	n := 0
	for _, node := range st.Nodes {
		if node.Ready {
			n++
		}
	}
	return n
}

// Status reports on the sandbox without changing anything.
func (s *Sandbox) Status(ctx context.Context) (Status, error) {
	dir, err := s.Dir()
	if err != nil {
		return Status{}, err
	}
	st := Status{Problem: "not created: run kanzen sandbox up"}
	if fileExists(filepath.Join(s.clusterDir(dir), "kwok.yaml")) {
		st = s.observe(ctx, dir)
		st.Exists = true
		st.Kubeconfig = filepath.Join(dir, "kubeconfig")
	}
	st.Name, st.BinDir = s.Name, s.Bins.Dir
	if built, ok := Built(); ok && built.Dir == s.Bins.Dir {
		st.Recipe = RecipeVersions()
	}
	return st, nil
}

// probe asks the API server for its version and nodes, with a short timeout,
// and records what it finds in st.
func (s *Sandbox) probe(ctx context.Context, dir string, st *Status) {
	for _, p := range st.Processes {
		if !p.Running {
			st.Problem = p.Component + " is not running"
			return
		}
	}
	client, host, err := clientFor(filepath.Join(dir, "kubeconfig"))
	if err != nil {
		st.Problem = err.Error()
		return
	}
	st.Server = host
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	_, err = client.Discovery().RESTClient().Get().AbsPath("/readyz").DoRaw(ctx)
	if err != nil {
		st.Problem = fmt.Sprintf("the API server is not ready: %v", firstLine(err))
		return
	}
	if v, err := client.Discovery().ServerVersion(); err == nil {
		st.Version = v.GitVersion
	}
	nodes, err := client.CoreV1().Nodes().List(ctx, metav1.ListOptions{})
	if err != nil {
		st.Problem = fmt.Sprintf("cannot list nodes: %v", firstLine(err))
		return
	}
	st.Nodes = st.Nodes[:0]
	for _, n := range nodes.Items {
		st.Nodes = append(st.Nodes, Node{Name: n.Name, Ready: nodeReady(&n)})
	}
	sort.Slice(st.Nodes, func(i, j int) bool { return st.Nodes[i].Name < st.Nodes[j].Name })
	st.Healthy = true
}

// observe looks at the sandbox's processes and asks its API server.
func (s *Sandbox) observe(ctx context.Context, dir string) Status {
	st := Status{Processes: processes(s.clusterDir(dir))}
	s.probe(ctx, dir, &st)
	return st
}

// healthy reports whether the sandbox's processes run and its API server is ready.
func (s *Sandbox) healthy(ctx context.Context, dir string) bool {
	return s.observe(ctx, dir).Healthy
}

// hasNodes reports whether the sandbox has any node at all.
func (s *Sandbox) hasNodes(ctx context.Context, dir string) bool {
	return len(s.observe(ctx, dir).Nodes) > 0
}

// waitReady waits until the API server is ready and every node is Ready:
// exactly nodes of them, or at least one when nodes is 0.
func (s *Sandbox) waitReady(ctx context.Context, dir string, nodes int) (Status, error) {
	var st Status
	err := poll(ctx, readyTimeout, func() bool {
		st, _ = s.Status(ctx)
		want := nodes
		if want == 0 {
			want = max(len(st.Nodes), 1)
		}
		if st.Healthy && len(st.Nodes) == want && st.ReadyNodes() == want {
			return true
		}
		if st.Healthy {
			st.Problem = fmt.Sprintf("%d of %d nodes Ready", st.ReadyNodes(), want)
		}
		return false
	})
	if errors.Is(err, errTimeout) {
		return st, fmt.Errorf("sandbox %q was not ready after %s: %s (logs in %s)",
			s.Name, readyTimeout, st.Problem, filepath.Join(s.clusterDir(dir), "logs"))
	}
	return st, err
}

// errTimeout is poll's answer when the condition never held.
var errTimeout = errors.New("timed out")

// poll checks cond four times a second until it holds, the context ends, or
// timeout passes.
func poll(ctx context.Context, timeout time.Duration, cond func() bool) error {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return errTimeout
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
	return nil
}

func clientFor(kubeconfig string) (*kubernetes.Clientset, string, error) {
	if _, err := os.Stat(kubeconfig); err != nil {
		return nil, "", fmt.Errorf("no kubeconfig at %s", kubeconfig)
	}
	config, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		return nil, "", fmt.Errorf("unreadable kubeconfig %s: %v", kubeconfig, err)
	}
	config.Timeout = 5 * time.Second
	config.UserAgent = version.UserAgent()
	client, err := kubernetes.NewForConfig(config)
	if err != nil {
		return nil, "", err
	}
	return client, config.Host, nil
}

func nodeReady(n *corev1.Node) bool {
	for _, c := range n.Status.Conditions {
		if c.Type == corev1.NodeReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}
