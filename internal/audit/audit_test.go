package audit

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// event is one line of an API server's audit log, shaped as kube-apiserver
// v1.37 writes it under the sandbox's policy.
func event(verb, uri, userAgent, resource, group, namespace, name string) string {
	return eventWithCode(verb, uri, userAgent, resource, group, namespace, name, 201)
}

func eventWithCode(verb, uri, userAgent, resource, group, namespace, name string, code int) string {
	ref := fmt.Sprintf(`{"resource":%q,"namespace":%q,"name":%q,"apiGroup":%q,"apiVersion":"v1"}`, resource, namespace, name, group)
	body := ""
	if resource == "namespaces" && verb == "create" {
		meta := fmt.Sprintf(`"name":%q`, name)
		if strings.HasSuffix(name, "-") {
			meta = fmt.Sprintf(`"generateName":%q`, name)
		}
		body = fmt.Sprintf(`,"requestObject":{"kind":"Namespace","apiVersion":"v1","metadata":{%s},"spec":{}}`, meta)
	}
	return fmt.Sprintf(`{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"01d75dcd-f78d-4506-8e6a-594c6833da57",`+
		`"stage":"ResponseComplete","requestURI":%q,"verb":%q,"user":{"username":"kwok-admin","groups":["system:masters","system:authenticated"]},`+
		`"sourceIPs":["127.0.0.1"],"userAgent":%q,"objectRef":%s,"responseStatus":{"metadata":{},"code":%d}%s,`+
		`"requestReceivedTimestamp":"2026-12-07T02:23:33.966635Z","stageTimestamp":"2026-12-07T02:23:33.972173Z"}`,
		uri, verb, userAgent, ref, code, body)
}

const (
	release = "kanzen/v0.4.0"
	ci      = "kanzen-ci/v0.0.0 (linux/amd64) kubernetes/$Format"
	goHTTP  = "Go-http-client/2.0"
	testBin = "quiz.test/v0.0.0 (linux/amd64) kubernetes/$Format"
	kubectl = "kubectl/v1.37.2 (linux/amd64) kubernetes/abc123"
	manager = "kube-controller-manager/v0.0.0 (linux/amd64) kubernetes/$Format"
)

func TestCheckAllowsWhatKanzenMayWrite(t *testing.T) {
	log := strings.Join([]string{
		event("create", "/api/v1/namespaces?fieldManager=kanzen", ci, "namespaces", "", "", "kz-quiz"),
		event("create", "/api/v1/namespaces/kz-quiz/pods?dryRun=All&fieldManager=kubectl-run", release, "pods", "", "kz-quiz", "web"),
		event("patch", "/apis/apps/v1/namespaces/kz-quiz/deployments/web?dryRun=All&fieldManager=kubectl-client-side-apply", goHTTP, "deployments", "apps", "kz-quiz", "web"),
		event("create", "/api/v1/namespaces?dryRun=All", release, "namespaces", "", "", "dev"),
		event("delete", "/api/v1/namespaces/kz-quiz", ci, "namespaces", "", "kz-quiz", "kz-quiz"),
		event("create", "/api/v1/namespaces/kz-2-1/pods", goHTTP, "pods", "", "kz-2-1", "web"),
		event("patch", "/api/v1/namespaces/kz-dev-2-1", ci, "namespaces", "", "kz-dev-2-1", "kz-dev-2-1"),
		event("create", "/api/v1/namespaces", ci, "namespaces", "", "", "kz-test-testlivecommand-"),
		event("create", "/api/v1/namespaces/kz-quiz-test-42/resourcequotas", release, "resourcequotas", "", "kz-quiz-test-42", "no-pods"),
		event("create", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", release, "selfsubjectaccessreviews", "authorization.k8s.io", "", ""),
		// Turned down, so nothing is stored; a forbidden create has no name.
		eventWithCode("create", "/api/v1/namespaces?fieldManager=kanzen", goHTTP, "namespaces", "", "", "", 403),
		eventWithCode("create", "/api/v1/namespaces/default/pods", release, "pods", "", "default", "web", 403),
		// Others write anywhere, tests setting up too.
		event("create", "/apis/rbac.authorization.k8s.io/v1/clusterroles", testBin, "clusterroles", "rbac.authorization.k8s.io", "", "kz-test-learner"),
		event("create", "/api/v1/namespaces/default/pods", kubectl, "pods", "", "default", "web"),
		event("update", "/api/v1/namespaces/kz-quiz/pods/web", kubectl, "pods", "", "kz-quiz", "web"),
		event("create", "/api/v1/namespaces/kube-system/events", manager, "events", "", "kube-system", ""),
	}, "\n")
	violations, writes, err := Check(strings.NewReader(log))
	if err != nil || len(violations) > 0 || writes != 10 {
		t.Fatalf("%d writes by kanzen, violations %v, %v", writes, violations, err)
	}
}

func TestCheckFindsEveryPlantedViolation(t *testing.T) {
	planted := []struct{ line, why string }{
		{event("create", "/api/v1/namespaces/default/pods?fieldManager=kubectl-run", release, "pods", "", "default", "web"), `namespace "default", not one of kanzen's`},
		{event("delete", "/api/v1/namespaces/kube-system/configmaps/x", goHTTP, "configmaps", "", "kube-system", "x"), `namespace "kube-system"`},
		{event("create", "/apis/rbac.authorization.k8s.io/v1/clusterroles", ci, "clusterroles", "rbac.authorization.k8s.io", "", "admin2"), "outside any namespace"},
		{event("create", "/api/v1/namespaces", ci, "namespaces", "", "", "prod"), `namespace "prod"`},
		{event("patch", "/api/v1/namespaces/default", goHTTP, "namespaces", "", "default", "default"), `namespace "default"`},
		{event("create", "/api/v1/namespaces/kz-quiz/pods?fieldManager=kubectl-run", release, "pods", "", "kz-quiz", "web"), "kz-quiz that is not a dry run"},
		{event("patch", "/apis/apps/v1/namespaces/kz-quiz/deployments/web?dryRun=None", "kanzen", "deployments", "apps", "kz-quiz", "web"), "kz-quiz that is not a dry run"},
		{event("delete", "/api/v1/namespaces/kz-quiz/services/web", ci, "services", "", "kz-quiz", "web"), "kz-quiz that is not a dry run"},
		{event("patch", "/api/v1/namespaces/kz-quiz", ci, "namespaces", "", "kz-quiz", "kz-quiz"), "kz-quiz that is not a dry run"},
	}
	lines := []string{event("create", "/api/v1/namespaces", ci, "namespaces", "", "", "kz-quiz")}
	for _, p := range planted {
		lines = append(lines, p.line)
	}
	violations, writes, err := Check(strings.NewReader(strings.Join(lines, "\n")))
	if err != nil || writes != len(lines) || len(violations) != len(planted) {
		t.Fatalf("%d writes, %d violations of %d planted, %v:\n%v", writes, len(violations), len(planted), err, violations)
	}
	for i, p := range planted {
		v := violations[i]
		if v.Line != i+2 || !strings.Contains(v.Why, p.why) {
			t.Errorf("planted on line %d (%s): found %v", i+2, p.why, v)
		}
	}
}

func TestKanzenByUserAgent(t *testing.T) {
	var kanzen []string
	for _, ua := range []string{release, ci, goHTTP, testBin, "kanzen", "kanzen/devel", kubectl, manager, "kwok-controller/v0.8.0", "kanzenx/1", "kubectl-kanzen/1"} {
		if Kanzen(ua) {
			kanzen = append(kanzen, ua)
		}
	}
	if want := []string{release, ci, goHTTP, "kanzen", "kanzen/devel"}; !slices.Equal(kanzen, want) {
		t.Errorf("kanzen's: %q, want %q", kanzen, want)
	}
}

func TestCheckRefusesALogItCannotRead(t *testing.T) {
	if _, _, err := Check(strings.NewReader("{\"verb\": \"create\"}\nnot json\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("error %v", err)
	}
}
