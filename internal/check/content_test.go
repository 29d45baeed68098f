package check

import (
	"io/fs"
	"testing"

	"sigs.k8s.io/yaml"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/lessons"
)

func loadCourse(t testing.TB) *lessons.Course {
	t.Helper()
	course, err := lessons.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	return course
}

// TestContentCompiles keeps every exercise in the course compilable.
func TestContentCompiles(t *testing.T) {
	exercises := loadCourse(t).AllExercises()
	if len(exercises) == 0 {
		t.Fatal("the course has no exercises")
	}
	for _, e := range exercises {
		if _, err := Compile(e); err != nil {
			t.Errorf("exercises/%s.yaml: %v", e.ID, err)
		}
	}
}

// exercise21 is 2.1 from the course with a snapshot where it is done: the
// Deployment, its ReplicaSet and three Running Pods. It reads the one file,
// so it does not depend on the rest of the course being complete.
func exercise21(t testing.TB) (*Program, watch.Snapshot) {
	t.Helper()
	data, err := fs.ReadFile(content.FS, "exercises/2.1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var e lessons.Exercise
	if err := yaml.UnmarshalStrict(data, &e); err != nil {
		t.Fatal(err)
	}
	p, err := Compile(&e)
	if err != nil {
		t.Fatal(err)
	}
	pod := func(name string) string {
		return "- {metadata: {name: " + name + ", labels: {app: myapp}, ownerReferences: [{kind: ReplicaSet, name: myapp-5d4f}]}, status: {phase: Running}}\n"
	}
	s := snap(t, `
Deployment:
- metadata:
    name: myapp
    labels: {app: myapp}
    managedFields:
    - {manager: kubectl-create, operation: Update}
    - {manager: kube-controller-manager, operation: Update, subresource: status}
  spec:
    replicas: 3
    template:
      metadata: {labels: {app: myapp}}
      spec: {containers: [{name: nginx, image: nginx:1.27}]}
ReplicaSet:
- metadata: {name: myapp-5d4f, labels: {app: myapp}}
  spec: {replicas: 3}
Pod:
`+pod("myapp-5d4f-a")+pod("myapp-5d4f-b")+pod("myapp-5d4f-c"))
	return p, s
}

func TestExercise21Done(t *testing.T) {
	p, s := exercise21(t)
	if rs := p.Evaluate(Input{Snapshot: s, Started: start}, lessons.English); !AllPass(rs) {
		t.Errorf("2.1 done, but: %+v", rs)
	}
}

func BenchmarkEvaluate(b *testing.B) {
	p, s := exercise21(b)
	if !AllPass(p.Evaluate(Input{Snapshot: s, Started: start}, lessons.English)) {
		b.Fatal("2.1 does not pass on the benchmark snapshot")
	}
	b.ReportAllocs()
	for b.Loop() {
		p.Evaluate(Input{Snapshot: s, Started: start}, lessons.English)
	}
}
