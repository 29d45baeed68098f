package sandbox

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"kanzen.dev/kanzen/internal/sandbox/podmodel"
)

// noProcessesLog is what kubectl logs prints on the sandbox: its nodes are
// simulated and run no process that could write a log.
const noProcessesLog = "kanzen sandbox: this node is simulated by KWOK and runs no real processes, so containers have no logs. " +
	"kubectl get, kubectl describe pod and the Pod's events show what the container model did."

// kwokConfig is kwokctl's configuration for a new sandbox: loopback only,
// kanzen's container model in place of kwok's "every Pod runs at once", and
// kubectl logs answered from a file that says why there are no logs.
func kwokConfig(workdir string) ([]byte, error) {
	stages, err := podmodel.Stages()
	if err != nil {
		return nil, err
	}
	logs := filepath.Join(workdir, "no-processes.log")
	// The CRI log format: time, stream, full line, text.
	line := fmt.Sprintf("%s stdout F %s\n", time.Now().UTC().Format(time.RFC3339Nano), noProcessesLog)
	if err := os.WriteFile(logs, []byte(line), 0o644); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString(kwokctlConfig)
	out.WriteString("---\n")
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
	return out.Bytes(), nil
}
