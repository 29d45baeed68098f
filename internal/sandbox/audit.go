package sandbox

import (
	"os"
	"path/filepath"
)

// auditPolicy has the API server log every write and nothing else: who
// made it (user agent), to what, and whether it was a dry run (the
// request URI). A namespace's write is logged with its request body, since
// a created namespace's name, or the prefix of its generated one, is only
// there.
const auditPolicy = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived]
rules:
  - level: Request
    verbs: [create, update, patch, delete, deletecollection]
    resources: [{group: "", resources: [namespaces]}]
  - level: Metadata
    verbs: [create, update, patch, delete, deletecollection]
  - level: None
`

// withAudit adds kwokctl's audit flag to a new cluster's arguments when
// the sandbox is audited, writing the policy it names.
func (s *Sandbox) withAudit(dir string, args []string) ([]string, error) {
	if !s.Audit {
		return args, nil
	}
	policy := filepath.Join(dir, "audit-policy.yaml")
	if err := os.WriteFile(policy, []byte(auditPolicy), 0o644); err != nil {
		return nil, err
	}
	return append(args, "--kube-audit-policy", policy), nil
}

// AuditLog is where an audited sandbox's API server writes its audit log,
// one JSON event a line: kwokctl's logs directory of the cluster.
func (s *Sandbox) AuditLog() (string, error) {
	dir, err := s.Dir()
	if err != nil {
		return "", err
	}
	return filepath.Join(s.clusterDir(dir), "logs", "audit.log"), nil
}
