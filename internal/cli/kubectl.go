package cli

import (
	"errors"
	"os/exec"
	"path/filepath"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/sandbox"
)

// sandboxOf names the kanzen sandbox whose kubeconfig the target was read
// from; ok is false for any other cluster.
func sandboxOf(target *kube.Target) (name string, ok bool) {
	for _, file := range target.Files() {
		s := &sandbox.Sandbox{Name: filepath.Base(filepath.Dir(file))}
		if path, err := s.KubeconfigPath(); err == nil && path == file {
			return s.Name, true
		}
	}
	return "", false
}

// kubectlFor is the one place kanzen finds the kubectl it runs, or lets
// the learner run, against target. On the sandbox that is the sandbox's own
// kubectl, whose version matches its API server; elsewhere the kubectl on
// PATH, the learner's choice; failing that, the sandbox's, when built.
func kubectlFor(target *kube.Target) (string, error) {
	built, haveBuilt := sandbox.BuiltKubectl()
	if _, onSandbox := sandboxOf(target); onSandbox && haveBuilt {
		return built, nil
	}
	if path, err := exec.LookPath("kubectl"); err == nil {
		return path, nil
	}
	if haveBuilt {
		return built, nil
	}
	return "", errors.New("no kubectl found: install kubectl, or build the sandbox's with: kanzen sandbox up")
}
