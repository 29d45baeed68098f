package session

import (
	"context"
	"fmt"
	"os"
	"slices"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/served"
)

// simulatedNodeAnnotation marks the nodes kwok simulates, as the sandbox's
// are: they report container states but run no processes.
const simulatedNodeAnnotation = "kwok.x-k8s.io/node"

// simulatedNodes reports whether the cluster's nodes are simulated. A
// learner who may not list nodes is on a shared cluster, whose nodes are
// taken to be real.
func simulatedNodes(ctx context.Context, config *rest.Config) (bool, error) {
	client, err := kubernetes.NewForConfig(config)
	if err != nil {
		return false, err
	}
	nodes, err := client.CoreV1().Nodes().List(ctx, metav1.ListOptions{Limit: 20})
	if apierrors.IsForbidden(err) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("list nodes: %w", err)
	}
	for _, n := range nodes.Items {
		if _, ok := n.Annotations[simulatedNodeAnnotation]; ok {
			return true, nil
		}
	}
	return false, nil
}

// serverAPI lists the resources the server serves, in the versions it
// prefers, as the checks' api variable.
func serverAPI(config *rest.Config) ([]check.APIResource, error) {
	d, err := discovery.NewDiscoveryClientForConfig(config)
	if err != nil {
		return nil, err
	}
	api, err := served.List(d)
	if err != nil && !discovery.IsGroupDiscoveryFailedError(err) {
		return nil, fmt.Errorf("discover the cluster's resources: %w", err)
	}
	return api, nil
}

// readKubeconfig reads the learner's kubeconfig files as kubectl merges
// them. A file that does not exist is skipped, as kubectl does.
func readKubeconfig(files []string) (check.Kubeconfig, error) {
	rules := &clientcmd.ClientConfigLoadingRules{Precedence: files}
	raw, err := rules.Load()
	if err != nil {
		return check.Kubeconfig{}, fmt.Errorf("read kubeconfig: %w", err)
	}
	k := check.Kubeconfig{Context: raw.CurrentContext}
	names := make([]string, 0, len(raw.Contexts))
	for name := range raw.Contexts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		c := raw.Contexts[name]
		k.Contexts = append(k.Contexts, check.KubeContext{Name: name, Cluster: c.Cluster, User: c.AuthInfo, Namespace: c.Namespace})
		if name == raw.CurrentContext {
			k.Namespace = c.Namespace
		}
	}
	return k, nil
}

// fileStamp is what tells that a kubeconfig file changed.
type fileStamp struct {
	modified time.Time
	size     int64
	exists   bool
}

func stamps(files []string) []fileStamp {
	out := make([]fileStamp, len(files))
	for i, f := range files {
		if st, err := os.Stat(f); err == nil {
			out[i] = fileStamp{st.ModTime(), st.Size(), true}
		}
	}
	return out
}

// kubeconfigPoll is how often the kubeconfig files are looked at. A file's
// metadata is all that is read, so this costs next to nothing; the API
// server is never polled.
const kubeconfigPoll = 250 * time.Millisecond

// followKubeconfig calls changed whenever one of files changes, until ctx
// ends.
func followKubeconfig(ctx context.Context, files []string, changed func()) {
	last := stamps(files)
	tick := time.NewTicker(kubeconfigPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if now := stamps(files); !slices.Equal(now, last) {
			last = now
			changed()
		}
	}
}
