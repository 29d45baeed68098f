// Package kube finds the learner's cluster the way kubectl does (--kubeconfig,
// KUBECONFIG, ~/.kube/config, --context) and tells whether it looks local.
package kube

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"k8s.io/client-go/discovery"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"

	"kanzen.dev/kanzen/internal/version"
)

// Options select a kubeconfig and context, as kubectl's flags of the same names.
type Options struct {
	Kubeconfig string
	Context    string
}

// Target is one cluster as a context in a kubeconfig names it.
type Target struct {
	Context   string
	Server    string
	Namespace string
	Config    *rest.Config

	// files are the kubeconfig files read, in kubectl's precedence order.
	files []string
	// cluster and user are the context's entries in those files.
	cluster, user string
}

// ErrNoCluster means no kubeconfig or no current context was found.
var ErrNoCluster = errors.New("no cluster configured")

// Load resolves the kubeconfig and context like kubectl.
func Load(opts Options) (*Target, error) {
	rules := clientcmd.NewDefaultClientConfigLoadingRules()
	rules.ExplicitPath = opts.Kubeconfig
	overrides := &clientcmd.ConfigOverrides{CurrentContext: opts.Context}
	loader := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(rules, overrides)

	raw, err := loader.RawConfig()
	if err != nil {
		return nil, fmt.Errorf("cannot read kubeconfig: %w", err)
	}
	name := raw.CurrentContext
	if opts.Context != "" {
		name = opts.Context
	}
	switch {
	case opts.Context == "" && len(raw.Contexts) == 0:
		return nil, fmt.Errorf("%w: no kubeconfig with a context at %s", ErrNoCluster, describe(rules))
	case name == "":
		return nil, fmt.Errorf("%w: the kubeconfig (%s) has no current context", ErrNoCluster, describe(rules))
	}
	if _, ok := raw.Contexts[name]; !ok {
		return nil, fmt.Errorf("context %q is not in the kubeconfig (%s)", name, describe(rules))
	}
	config, err := loader.ClientConfig()
	if err != nil {
		return nil, fmt.Errorf("context %q: %w", name, err)
	}
	// Every client kanzen makes starts from this config, so every request
	// names kanzen.
	config.UserAgent = version.UserAgent()
	ns, _, err := loader.Namespace()
	if err != nil {
		return nil, err
	}
	files := rules.Precedence
	if rules.ExplicitPath != "" {
		files = []string{rules.ExplicitPath}
	}
	kctx := raw.Contexts[name]
	return &Target{Context: name, Server: config.Host, Namespace: ns, Config: config,
		files: files, cluster: kctx.Cluster, user: kctx.AuthInfo}, nil
}

// describe names the kubeconfig files kubectl would read.
func describe(rules *clientcmd.ClientConfigLoadingRules) string {
	if rules.ExplicitPath != "" {
		return rules.ExplicitPath
	}
	return strings.Join(rules.Precedence, ":")
}

// ServerVersion asks the API server for its version, giving up after timeout.
func (t *Target) ServerVersion(ctx context.Context, timeout time.Duration) (string, error) {
	config := rest.CopyConfig(t.Config)
	config.Timeout = timeout
	client, err := discovery.NewDiscoveryClientForConfig(config)
	if err != nil {
		return "", err
	}
	type result struct {
		version string
		err     error
	}
	done := make(chan result, 1)
	go func() {
		v, err := client.ServerVersion()
		if err != nil {
			done <- result{err: err}
			return
		}
		done <- result{version: v.GitVersion}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return "", fmt.Errorf("cluster %s (context %q) is unreachable: %w", t.Server, t.Context, r.err)
		}
		return r.version, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// localContextPrefixes are the context names local cluster tools write.
var localContextPrefixes = []string{"kind-", "minikube", "docker-desktop", "kwok-", "rancher-desktop", "k3d-", "orbstack"}

// LooksLocal reports whether the target is a cluster on this machine: kind,
// minikube, Docker Desktop, the sandbox, or any API server on a loopback address.
func (t *Target) LooksLocal() bool {
	for _, prefix := range localContextPrefixes {
		if strings.HasPrefix(t.Context, prefix) {
			return true
		}
	}
	u, err := url.Parse(t.Server)
	if err != nil {
		return false
	}
	host := u.Hostname()
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Trust is the learner's record of the contexts they agreed kanzen may
// create namespaces on.
type Trust interface{ Trusts(context string) bool }

// NeedsConsent reports whether kanzen must have the learner's agreement
// before it creates a namespace on the target: the cluster does not look
// local and the learner has not agreed to this context before.
func (t *Target) NeedsConsent(trust Trust) bool {
	return !t.LooksLocal() && !trust.Trusts(t.Context)
}

// Files are the kubeconfig files the target was read from, in kubectl's
// precedence order.
func (t *Target) Files() []string { return t.files }
