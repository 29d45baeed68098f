package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two writes as kube-apiserver logs them: kanzen making its scratch
// namespace, and a quiz answer's dry run in it.
const auditedQuiz = `{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Request","auditID":"01d75dcd-f78d-4506-8e6a-594c6833da57","stage":"ResponseComplete","requestURI":"/api/v1/namespaces?fieldManager=kanzen","verb":"create","user":{"username":"kwok-admin","groups":["system:masters","system:authenticated"]},"sourceIPs":["127.0.0.1"],"userAgent":"kanzen-ci/v0.0.0 (linux/amd64) kubernetes/$Format","objectRef":{"resource":"namespaces","name":"kz-quiz","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":201},"requestObject":{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"kz-quiz"},"spec":{}},"requestReceivedTimestamp":"2026-12-07T02:23:33.966635Z","stageTimestamp":"2026-12-07T02:23:33.972173Z"}
{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"9b7c0c52-8f8e-4a57-9d0e-2b1e8f1f0a11","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/kz-quiz/pods?dryRun=All\u0026fieldManager=kubectl-run\u0026timeout=30s","verb":"create","user":{"username":"kwok-admin","groups":["system:masters","system:authenticated"]},"sourceIPs":["127.0.0.1"],"userAgent":"kanzen","objectRef":{"resource":"pods","namespace":"kz-quiz","name":"web","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":201},"requestReceivedTimestamp":"2026-12-07T02:23:34.101010Z","stageTimestamp":"2026-12-07T02:23:34.120202Z"}
`

func TestDevAuditPassesAQuizAndFailsOnAPlantedWrite(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.log")
	os.WriteFile(clean, []byte(auditedQuiz), 0o600)
	code, stdout, stderr := kanzenWithInput(t, "", "dev", "audit", clean)
	if code != 0 || !strings.Contains(stdout, "2 writes by kanzen") {
		t.Fatalf("a clean log: exit %d\n%s%s", code, stdout, stderr)
	}

	// The same dry run, but stored.
	planted := strings.Replace(auditedQuiz, "dryRun=All\\u0026", "", 1)
	dirty := filepath.Join(dir, "dirty.log")
	os.WriteFile(dirty, []byte(planted), 0o600)
	code, stdout, stderr = kanzenWithInput(t, "", "dev", "audit", dirty)
	if code != 1 || !strings.Contains(stdout, "line 2: a write in the quiz's scratch namespace kz-quiz that is not a dry run: create /api/v1/namespaces/kz-quiz/pods") {
		t.Fatalf("a planted write: exit %d\n%s%s", code, stdout, stderr)
	}

	empty := filepath.Join(dir, "empty.log")
	os.WriteFile(empty, nil, 0o600)
	if code, stdout, stderr := kanzenWithInput(t, "", "dev", "audit", empty); code != 1 || !strings.Contains(stderr, "holds no write by kanzen") {
		t.Errorf("an empty log: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, _ := kanzenWithInput(t, "", "dev", "audit"); code != 2 {
		t.Errorf("no log named: exit %d", code)
	}
}
