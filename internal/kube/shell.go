package kube

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// NamespacedKubeconfig writes a small kubeconfig into dir whose current
// context is the target's cluster and user with namespace as its default, and
// returns a KUBECONFIG value that puts it in front of the learner's own files.
// No credentials are copied: kubectl merges the files and finds them there.
func (t *Target) NamespacedKubeconfig(dir, namespace string) (string, error) {
	if len(t.files) == 0 {
		return "", fmt.Errorf("context %q was not loaded from a kubeconfig file", t.Context)
	}
	name := "kanzen-" + namespace
	overlay := clientcmdapi.NewConfig()
	overlay.CurrentContext = name
	overlay.Contexts[name] = &clientcmdapi.Context{Cluster: t.cluster, AuthInfo: t.user, Namespace: namespace}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "kubeconfig-"+namespace)
	if err := clientcmd.WriteToFile(*overlay, path); err != nil {
		return "", err
	}
	files := append([]string{path}, t.files...)
	return strings.Join(files, string(filepath.ListSeparator)), nil
}

// ScratchKubeconfig writes to path a self-contained copy of the target's
// context (credentials inlined) whose namespace is namespace. Whoever uses
// it may change it freely, contexts and all, and the learner's own files
// stay as they were.
func (t *Target) ScratchKubeconfig(path, namespace string) error {
	rules := &clientcmd.ClientConfigLoadingRules{Precedence: t.files}
	raw, err := rules.Load()
	if err != nil {
		return fmt.Errorf("read kubeconfig: %w", err)
	}
	raw.CurrentContext = t.Context
	if err := clientcmdapi.MinifyConfig(raw); err != nil {
		return err
	}
	if err := clientcmdapi.FlattenConfig(raw); err != nil {
		return err
	}
	raw.Contexts[t.Context].Namespace = namespace
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return clientcmd.WriteToFile(*raw, path)
}
