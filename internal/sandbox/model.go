package sandbox

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"kanzen.dev/kanzen/internal/sandbox/podmodel"
)

// noProcessesLog is what kubectl logs prints on the sandbox: its nodes are
// simulated and run no process that could write a log.
const noProcessesLog = "kanzen sandbox: this node is simulated by KWOK and runs no real processes, so containers have no logs. " +
	"kubectl get, kubectl describe pod and the Pod's events show what the container model did."

// modelConfig is the part of kwokctl's configuration that makes the
// container model: kanzen's stages in place of kwok's "every Pod runs at
// once", and kubectl logs answered from a file that says why there are no
// logs. It writes that file into workdir.
func modelConfig(workdir string) (config []byte, fingerprint string, err error) {
	stages, fingerprint, err := podmodel.Stages()
	if err != nil {
		return nil, "", err
	}
	logs := filepath.Join(workdir, "no-processes.log")
	// The CRI log format: time, stream, full line, text.
	line := fmt.Sprintf("%s stdout F %s\n", time.Now().UTC().Format(time.RFC3339Nano), noProcessesLog)
	if err := os.WriteFile(logs, []byte(line), 0o644); err != nil {
		return nil, "", err
	}
	var out bytes.Buffer
	out.Write(stages)
	fmt.Fprintf(&out, `
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterLogs
metadata:
  name: kanzen-no-processes
spec:
  selector: {}
  logs:
  - logsFile: %q
    previousLogsFile: %q
`, logs, logs)
	return out.Bytes(), fingerprint, nil
}

// kwokConfig is kwokctl's configuration for a new sandbox: loopback only,
// with the container model.
func kwokConfig(workdir string) ([]byte, error) {
	model, _, err := modelConfig(workdir)
	if err != nil {
		return nil, err
	}
	return withBase(model), nil
}

// withBase puts kwokctl's own options before the model.
func withBase(model []byte) []byte {
	return append([]byte(kwokctlConfig+"---\n"), model...)
}

var (
	yamlSeparator = regexp.MustCompile(`(?m)^---\s*$`)
	modelKind     = regexp.MustCompile(`(?m)^kind:\s*(Stage|ClusterLogs)\s*$`)
)

// refreshModel gives a sandbox made by an earlier kanzen the current
// container model: it replaces the stages in the configuration kwok's
// controller reads, and reports whether it changed anything. The controller
// reads it when it starts.
func (s *Sandbox) refreshModel(dir string) (bool, error) {
	path := filepath.Join(s.clusterDir(dir), "kwok.yaml")
	saved, err := os.ReadFile(path)
	if err != nil {
		return false, err
	}
	model, fingerprint, err := modelConfig(s.workdir(dir))
	if err != nil {
		return false, err
	}
	workdirConfig, _ := os.ReadFile(filepath.Join(s.workdir(dir), "kwok.yaml"))
	if bytes.Contains(saved, []byte(fingerprint)) && bytes.Contains(workdirConfig, []byte(fingerprint)) {
		return false, nil
	}
	var kept []string
	for _, doc := range yamlSeparator.Split(string(saved), -1) {
		if len(bytes.TrimSpace([]byte(doc))) > 0 && !modelKind.MatchString(doc) {
			kept = append(kept, doc)
		}
	}
	var out bytes.Buffer
	for _, doc := range kept {
		out.WriteString(doc)
		out.WriteString("\n---\n")
	}
	out.Write(model)
	if err := writeFileAtomic(path, out.Bytes(), 0o644); err != nil {
		return false, err
	}
	// kwok's controller also reads the configuration kwokctl found in its
	// workdir, and the first of two stages with one name wins.
	return true, writeFileAtomic(filepath.Join(s.workdir(dir), "kwok.yaml"), withBase(model), 0o644)
}

// writeFileAtomic replaces a file in one rename, so that a process starting
// meanwhile reads the old file or the new one, never half of one.
func writeFileAtomic(path string, data []byte, perm os.FileMode) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, perm); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// updateModel brings a running sandbox's container model up to date: when
// the stages changed, kwok's controller is stopped and started again in
// place. The control plane, and what the learner made, stay as they are.
func (s *Sandbox) updateModel(ctx context.Context, dir string) error {
	changed, err := s.refreshModel(dir)
	if err != nil || !changed {
		return err
	}
	s.logf("giving sandbox %q kanzen's current container model (restarting %s; your objects stay)", s.Name, kwokController)
	// Another sandbox starting meanwhile must not take the ports the
	// controller lets go of.
	unlock, err := portsLock(ctx, dir)
	if err != nil {
		return err
	}
	defer unlock()
	for _, p := range processes(s.clusterDir(dir)) {
		if p.Running && p.Component == kwokController {
			if left := stopProcesses([]Process{p}, 5*time.Second); len(left) > 0 {
				return fmt.Errorf("could not stop %s (pid %d)", p.Component, p.PID)
			}
		}
	}
	// The new controller would wait for the old one's node leases to expire
	// (minutes) before it moved any Pod; they are the sandbox's own.
	if err := s.releaseNodeLeases(ctx, dir); err != nil {
		return err
	}
	return s.startMissing(ctx, dir)
}

// releaseNodeLeases deletes the leases a stopped kwok controller held on
// the sandbox's nodes, so that its successor takes them at once.
func (s *Sandbox) releaseNodeLeases(ctx context.Context, dir string) error {
	client, _, err := clientFor(filepath.Join(dir, "kubeconfig"))
	if err != nil {
		return err
	}
	leases := client.CoordinationV1().Leases("kube-node-lease")
	list, err := leases.List(ctx, metav1.ListOptions{})
	if err != nil {
		return fmt.Errorf("list the node leases: %w", err)
	}
	for _, l := range list.Items {
		if err := leases.Delete(ctx, l.Name, metav1.DeleteOptions{}); err != nil && !apierrors.IsNotFound(err) {
			return fmt.Errorf("release the lease of node %s: %w", l.Name, err)
		}
	}
	return nil
}

// kwokController is the component that plays the kubelet, and reads the stages.
const kwokController = "kwok-controller"
