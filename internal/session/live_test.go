package session_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/session"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// exercise is one started exercise in a namespace of its own, watched.
type exercise struct {
	t  *testing.T
	c  *kubetest.Cluster
	ex *lessons.Exercise
	ns string
	s  *session.Session
}

// startNamespace starts ex in a namespace of its own, deleted when the test
// ends, and returns the namespace.
func startNamespace(t *testing.T, c *kubetest.Cluster, ex *lessons.Exercise) string {
	t.Helper()
	ns := fmt.Sprintf("kz-test-%s-%06d", strings.ReplaceAll(ex.ID, ".", "-"), rand.IntN(1000000))
	if _, err := workspace.Start(context.Background(), c.Config, ex, ns); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := workspace.Delete(context.Background(), c.Config, ex.ID, ns); err != nil {
			t.Errorf("delete %s: %v", ns, err)
		}
	})
	return ns
}

func startExercise(t *testing.T, id string) *exercise {
	t.Helper()
	c := kubetest.Get(t)
	course, err := lessons.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	ex := course.Exercise(id)
	ns := startNamespace(t, c, ex)
	s, err := session.Open(context.Background(), c.Config, ex, ns, session.Options{KubeconfigFiles: []string{c.Kubeconfig}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return &exercise{t: t, c: c, ex: ex, ns: ns, s: s}
}

// run does what a learner types in the exercise's shell.
func (e *exercise) run(script string) {
	e.t.Helper()
	if out, err := e.c.Shell(e.t, e.ns, script); err != nil {
		e.t.Fatalf("%s: %v\n%s", script, err, out)
	}
}

// waitUntil evaluates on every change until cond holds, and fails with the
// last verdicts if it does not within timeout.
func (e *exercise) waitUntil(timeout time.Duration, what string, cond func([]check.Result) bool) []check.Result {
	e.t.Helper()
	deadline := time.Now().Add(timeout)
	var results []check.Result
	for time.Now().Before(deadline) {
		u := e.s.Next(500 * time.Millisecond)
		if !u.Snapshot.Synced {
			continue
		}
		results = e.s.Evaluate(u.Snapshot, lessons.English)
		if cond(results) {
			return results
		}
	}
	e.t.Fatalf("after %s, not %s:\n%s", timeout, what, describe(results))
	return nil
}

// settled waits until the namespace has been quiet for a while, so that a
// verdict is not read while controllers are still at work.
func (e *exercise) settled() []check.Result {
	e.t.Helper()
	var last string
	quiet := 0
	return e.waitUntil(30*time.Second, "settled", func(rs []check.Result) bool {
		now := describe(rs)
		if now == last {
			quiet++
		} else {
			last, quiet = now, 0
		}
		return quiet >= 3
	})
}

func describe(rs []check.Result) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "  %-8s %-20s have %q want %q\n", r.Status, r.ID, r.Have, r.Want)
	}
	return b.String()
}

func result(rs []check.Result, id string) check.Result {
	for _, r := range rs {
		if r.ID == id {
			return r
		}
	}
	return check.Result{ID: id, Status: "missing"}
}

// nearMiss is a plausible mistake and the verdict it must get.
type nearMiss struct {
	exercise, name, script string
	check                  string
	status                 check.Status
	have, want             string
}

const manifest = `kubectl %s -f - <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata: {name: myapp}
spec:
  replicas: 3
  selector: {matchLabels: {app: %[2]s}}
  template:
    metadata: {labels: {app: %[2]s}}
    spec: {containers: [{name: nginx, image: %[3]s}]}
EOF`

// nearMisses grows by init functions in the chapters' own files.
var nearMisses = []nearMiss{
	{exercise: "2.1", name: "two replicas", script: "kubectl create deployment myapp --image=nginx:1.27 --replicas=2",
		check: "replicas", status: check.Fail, have: "2", want: "3"},
	{exercise: "2.1", name: "wrong label", script: fmt.Sprintf(manifest, "create", "web", "nginx:1.27"),
		check: "label", status: check.Fail, have: "app=web", want: "app=myapp"},
	{exercise: "2.1", name: "applied instead of created", script: fmt.Sprintf(manifest, "apply", "myapp", "nginx:1.27"),
		check: "created-by-kubectl", status: check.Fail, have: "kubectl-client-side-apply", want: "written by kubectl-create"},
	{exercise: "2.1", name: "no tag", script: "kubectl create deployment myapp --image=nginx --replicas=3",
		check: "image", status: check.Fail, have: "nginx", want: "nginx:1.27"},
	{exercise: "2.2", name: "ClusterIP instead of LoadBalancer", script: "kubectl expose deployment myapp --port=80",
		check: "type", status: check.Fail, have: "ClusterIP", want: "LoadBalancer"},
	{exercise: "2.2", name: "a Service selecting nothing", script: "kubectl expose deployment myapp --type=LoadBalancer --port=80 --selector=app=web",
		check: "selects-pods", status: check.Fail, have: "0", want: "all 3 of myapp's Pods"},
	{exercise: "2.2", name: "wrong port", script: "kubectl expose deployment myapp --type=LoadBalancer --port=8080",
		check: "port", status: check.Fail, have: "8080", want: "80"},
	{exercise: "2.3", name: "scaled down instead of deleting a Pod", script: "kubectl rollout status deployment myapp && kubectl scale deployment myapp --replicas=2",
		check: "replaced", status: check.Fail, have: "none"},
	{exercise: "2.4", name: "applied over the leftover", script: fmt.Sprintf(manifest, "apply", "myapp", "nginx:1.27"),
		check: "fresh", status: check.Fail, have: "left over from before the exercise", want: "created during this exercise"},
}

// TestNearMissesFailWithHaveAndWant makes the mistakes learners make and
// reads what the pane would tell them.
func TestNearMissesFailWithHaveAndWant(t *testing.T) {
	for _, miss := range nearMisses {
		t.Run(miss.exercise+"/"+miss.name, func(t *testing.T) {
			t.Parallel()
			e := startExercise(t, miss.exercise)
			e.settled()
			e.run(miss.script)
			rs := e.waitUntil(30*time.Second, "showing the mistake", func(rs []check.Result) bool {
				r := result(rs, miss.check)
				return r.Status == miss.status && (miss.have == "" || r.Have == miss.have)
			})
			rs = e.settled()
			r := result(rs, miss.check)
			if r.Status != miss.status || (miss.have != "" && r.Have != miss.have) || (miss.want != "" && r.Want != miss.want) {
				t.Fatalf("check %s: got %s have %q want %q; expected %s have %q want %q\n%s",
					miss.check, r.Status, r.Have, r.Want, miss.status, miss.have, miss.want, describe(rs))
			}
			if check.AllPass(rs) {
				t.Fatalf("a near miss passes:\n%s", describe(rs))
			}
		})
	}
}
