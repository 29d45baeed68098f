package devcheck_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/devcheck"
	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/sandbox"
	"kanzen.dev/kanzen/lessons"
)

func prove(t *testing.T, ex *lessons.Exercise) devcheck.Report {
	t.Helper()
	c := kubetest.Get(t)
	target, err := kube.Load(kube.Options{Kubeconfig: c.Kubeconfig})
	if err != nil {
		t.Fatal(err)
	}
	bins, ok := sandbox.Built()
	if !ok {
		t.Skip("the sandbox's kubectl is not built")
	}
	return devcheck.Prove(context.Background(), target, ex,
		devcheck.Options{Kubectl: bins.Path("kubectl"), Dir: t.TempDir(), PassTimeout: 20 * time.Second})
}

// variant is a copy of a built-in exercise with another id, so that tests
// running at once prove it in namespaces of their own.
func variant(t *testing.T, id, newID string) *lessons.Exercise {
	t.Helper()
	course, err := lessons.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	ex := *course.Exercise(id)
	ex.ID = newID
	return &ex
}

func TestAProvenExercise(t *testing.T) {
	t.Parallel()
	r := prove(t, variant(t, "2.1", "2.91"))
	if !r.OK() {
		t.Fatalf("2.1 is not proven: %s: %v\n%s%s", r.Failed, r.Err, devcheck.Describe(r.Solution), r.Output)
	}
	if r.Namespace != "kz-dev-2-91" || len(r.Start) == 0 || len(r.Solution) != len(r.Start) {
		t.Fatalf("report %+v", r)
	}
}

func TestASolutionThatFallsShort(t *testing.T) {
	t.Parallel()
	ex := variant(t, "2.1", "2.92")
	ex.Solution = []string{"kubectl create deployment myapp --image=nginx:1.27 --replicas=2"}
	r := prove(t, ex)
	if r.OK() || r.Failed != devcheck.StageSolution || !strings.Contains(devcheck.Describe(r.Solution), `have "2" · want "3"`) {
		t.Fatalf("got %s: %v\n%s", r.Failed, r.Err, devcheck.Describe(r.Solution))
	}
}

func TestASolutionThatErrs(t *testing.T) {
	t.Parallel()
	ex := variant(t, "2.1", "2.93")
	ex.Solution = []string{"kubectl create deployment myapp --image=nginx:1.27 --replicas=three"}
	r := prove(t, ex)
	if r.OK() || r.Failed != devcheck.StageSolution || !strings.Contains(r.Err.Error(), "the solution failed") {
		t.Fatalf("got %s: %v", r.Failed, r.Err)
	}
}

func TestAStartThatAlreadyPasses(t *testing.T) {
	t.Parallel()
	ex := variant(t, "2.1", "2.94")
	// The setup already does the exercise's work.
	ex.Checks = ex.Checks[:1]
	ex.Setup = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: myapp}\nspec:\n  selector: {matchLabels: {app: myapp}}\n  template:\n    metadata: {labels: {app: myapp}}\n    spec: {containers: [{name: nginx, image: nginx:1.27}]}\n"
	r := prove(t, ex)
	if r.OK() || r.Failed != devcheck.StageStart {
		t.Fatalf("got %s: %v", r.Failed, r.Err)
	}
}
