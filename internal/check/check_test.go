package check

import (
	"strings"
	"sync"
	"testing"
	"time"

	utiljson "k8s.io/apimachinery/pkg/util/json"
	"sigs.k8s.io/yaml"

	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/lessons"
)

// compile builds a Program from an exercise written as content is.
func compile(t testing.TB, src string) *Program {
	t.Helper()
	var e lessons.Exercise
	if err := yaml.UnmarshalStrict([]byte(src), &e); err != nil {
		t.Fatal(err)
	}
	p, err := Compile(&e)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// decode turns YAML into the values unstructured decoding gives: the JSON
// round trip keeps integers as int64, as the watcher's objects have them.
func decode(t testing.TB, src string, into any) {
	t.Helper()
	data, err := yaml.YAMLToJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := utiljson.Unmarshal(data, into); err != nil {
		t.Fatal(err)
	}
}

// snap builds a synced snapshot of namespace "ex" from YAML mapping each
// kind to its objects.
func snap(t testing.TB, src string) watch.Snapshot {
	t.Helper()
	objects := map[string][]watch.Object{}
	decode(t, src, &objects)
	return watch.Snapshot{Namespace: "ex", Objects: objects, Synced: true}
}

// obj builds one object from YAML.
func obj(t testing.TB, src string) watch.Object {
	t.Helper()
	o := watch.Object{}
	decode(t, src, &o)
	return o
}

var start = time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)

// result finds a check's result by id.
func result(t testing.TB, rs []Result, id string) Result {
	t.Helper()
	for _, r := range rs {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no result %q in %+v", id, rs)
	return Result{}
}

func expect(t *testing.T, got, want Result) {
	t.Helper()
	if got != want {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

const stateExercise = `
id: "9.1"
kinds: [Deployment, Pod]
checks:
  - id: exists
    title: {en: Deployment web exists, ja: Deployment「web」がある}
    target: {kind: Deployment, name: web}
    have: object.metadata.name
    want: "'web'"
    hint: {en: Create it., ja: 作成します。}
  - id: replicas
    title: {en: it asks for 3 replicas, ja: レプリカ数は3}
    target: {kind: Deployment, name: web}
    needs: [exists]
    have: object.spec.replicas
    want: "3"
    hint: {en: Scale it., ja: スケールします。}
  - id: running
    title: {en: 3 Pods are Running, ja: Podが3つRunning}
    target: {kind: Pod, selector: app=web}
    needs: [replicas]
    have: "objects.filter(p, p.status.phase == 'Running').size()"
    want: "3"
`

// pods lists Pods as YAML, each "name label phase".
func pods(specs ...string) string {
	var b strings.Builder
	b.WriteString("Pod:\n")
	for _, s := range specs {
		f := strings.Fields(s)
		b.WriteString("- {metadata: {name: " + f[0] + ", labels: {app: " + f[1] + "}}, status: {phase: " + f[2] + "}}\n")
	}
	return b.String()
}

func TestStateReplicas(t *testing.T) {
	p := compile(t, stateExercise)
	two := snap(t, "Deployment: [{metadata: {name: web}, spec: {replicas: 2}}]")
	rs := p.Evaluate(Input{Snapshot: two, Started: start}, lessons.English)
	expect(t, result(t, rs, "replicas"), Result{ID: "replicas", Title: "it asks for 3 replicas", Status: Fail, Have: "2", Want: "3", Hint: "Scale it."})
	expect(t, result(t, rs, "exists"), Result{ID: "exists", Title: "Deployment web exists", Status: Pass, Have: "web", Want: "web"})
	// A check whose need fails waits, with nothing observed and no hint.
	expect(t, result(t, rs, "running"), Result{ID: "running", Title: "3 Pods are Running", Status: Pending, Want: "3"})

	three := snap(t, "Deployment: [{metadata: {name: web}, spec: {replicas: 3}}]")
	rs = p.Evaluate(Input{Snapshot: three, Started: start}, lessons.Japanese)
	expect(t, result(t, rs, "replicas"), Result{ID: "replicas", Title: "レプリカ数は3", Status: Pass, Have: "3", Want: "3"})
}

func TestStateSelectorCountsRunningPods(t *testing.T) {
	p := compile(t, stateExercise)
	deploy := "Deployment: [{metadata: {name: web}, spec: {replicas: 3}}]\n"
	for _, tc := range []struct {
		pods   string
		status Status
		have   string
	}{
		{pods("web-a web Running", "web-b web Running", "web-c web Running"), Pass, "3"},
		// Pods of another app and Pods not yet Running do not count.
		{pods("web-a web Running", "web-b web Pending", "other other Running", "web-c web Running"), Fail, "2"},
		{"Pod: []", Fail, "0"},
	} {
		rs := p.Evaluate(Input{Snapshot: snap(t, deploy+tc.pods), Started: start}, lessons.English)
		got := result(t, rs, "running")
		if got.Status != tc.status || got.Have != tc.have {
			t.Errorf("%s: got %s have %q, want %s have %q", tc.pods, got.Status, got.Have, tc.status, tc.have)
		}
		if AllPass(rs) != (tc.status == Pass) {
			t.Errorf("%s: AllPass = %v", tc.pods, AllPass(rs))
		}
	}
}

func TestStateMissingNamedObject(t *testing.T) {
	p := compile(t, stateExercise)
	s := snap(t, "Deployment: [{metadata: {name: other}, spec: {replicas: 3}}]")
	rs := p.Evaluate(Input{Snapshot: s, Started: start}, lessons.English)
	expect(t, rs[0], Result{ID: "exists", Title: "Deployment web exists", Status: Fail, Have: "not found", Want: "web", Hint: "Create it."})
	expect(t, rs[1], Result{ID: "replicas", Title: "it asks for 3 replicas", Status: Pending, Want: "3"})

	rs = p.Evaluate(Input{Snapshot: s, Started: start}, lessons.Japanese)
	expect(t, rs[0], Result{ID: "exists", Title: "Deployment「web」がある", Status: Fail, Have: "見つかりません", Want: "web", Hint: "作成します。"})
}

func TestUnsyncedIsPending(t *testing.T) {
	p := compile(t, stateExercise)
	// Even objects that would pass wait until every kind has been listed.
	s := snap(t, "Deployment: [{metadata: {name: web}, spec: {replicas: 3}}]\n"+pods("a web Running", "b web Running", "c web Running"))
	s.Synced = false
	for _, r := range p.Evaluate(Input{Snapshot: s, Started: start}, lessons.English) {
		if r.Status != Pending || r.Have != "" || r.Hint != "" {
			t.Errorf("%+v, want pending with no have or hint", r)
		}
	}
	if rs := p.Evaluate(Input{Snapshot: watch.Snapshot{}, Started: start}, lessons.English); AllPass(rs) || rs[0].Status != Pending {
		t.Errorf("empty unsynced snapshot: %+v", rs)
	}
}

const actionExercise = `
id: "9.2"
kinds: [Deployment]
checks:
  - id: created-by-kubectl
    target: {kind: Deployment, name: web}
    have: object.metadata.managedFields.map(f, f.manager)
    want: "'kubectl-create'"
    wantText: {en: written by kubectl-create, ja: kubectl-createによる書き込み}
    pass: want in have
    hint: {en: Use kubectl create., ja: kubectl createを使います。}
`

func TestActionManagedFields(t *testing.T) {
	p := compile(t, actionExercise)
	written := func(managers ...string) watch.Snapshot {
		var fields []string
		for _, m := range managers {
			fields = append(fields, "{manager: "+m+", operation: Update}")
		}
		return snap(t, "Deployment: [{metadata: {name: web, managedFields: ["+strings.Join(fields, ", ")+"]}}]")
	}
	rs := p.Evaluate(Input{Snapshot: written("kubectl-create", "kube-controller-manager"), Started: start}, lessons.English)
	expect(t, rs[0], Result{ID: "created-by-kubectl", Status: Pass, Have: "kubectl-create, kube-controller-manager", Want: "written by kubectl-create"})

	rs = p.Evaluate(Input{Snapshot: written("kubectl-client-side-apply", "kube-controller-manager"), Started: start}, lessons.Japanese)
	expect(t, rs[0], Result{ID: "created-by-kubectl", Status: Fail, Have: "kubectl-client-side-apply, kube-controller-manager", Want: "kubectl-createによる書き込み", Hint: "kubectl createを使います。"})
}

const sequenceExercise = `
id: "9.3"
kinds: [Pod]
checks:
  - id: replaced
    have: >-
      events.exists(d, d.type == 'DELETED' && d.kind == 'Pod' &&
        events.exists(a, a.type == 'ADDED' && a.kind == 'Pod' && a.seq > d.seq &&
          has(a.object.metadata.ownerReferences) &&
          a.object.metadata.ownerReferences.exists(o, o.kind == 'ReplicaSet')))
    want: "true"
    show:
      "true": {en: a new Pod replaced it, ja: 新しいPodが置き換えた}
      "false": {en: no new Pod yet, ja: まだ新しいPodはない}
`

// podEvent is an event for a Pod, owned by a ReplicaSet when owned is set.
func podEvent(t testing.TB, seq int, typ watch.EventType, name string, owned bool) watch.Event {
	o := "metadata: {name: " + name + ", uid: uid-" + name + "}"
	if owned {
		o = "metadata: {name: " + name + ", uid: uid-" + name + ", ownerReferences: [{kind: ReplicaSet, name: web-1}]}"
	}
	return watch.Event{Seq: seq, Type: typ, Kind: "Pod", Name: name, UID: "uid-" + name,
		Time: start.Add(time.Duration(seq) * time.Second), Object: obj(t, o)}
}

func TestSequenceDeleteThenReplace(t *testing.T) {
	p := compile(t, sequenceExercise)
	for _, tc := range []struct {
		name   string
		events []watch.Event
		status Status
		have   string
	}{
		{"deleted then replaced", []watch.Event{
			podEvent(t, 1, watch.Deleted, "web-a", true),
			podEvent(t, 2, watch.Added, "web-b", true),
		}, Pass, "a new Pod replaced it"},
		{"only deleted", []watch.Event{
			podEvent(t, 1, watch.Deleted, "web-a", true),
		}, Fail, "no new Pod yet"},
		{"added before the deletion", []watch.Event{
			podEvent(t, 1, watch.Added, "web-b", true),
			podEvent(t, 2, watch.Deleted, "web-a", true),
		}, Fail, "no new Pod yet"},
		{"replaced by a Pod no ReplicaSet owns", []watch.Event{
			podEvent(t, 1, watch.Deleted, "web-a", true),
			podEvent(t, 2, watch.Added, "web-b", false),
		}, Fail, "no new Pod yet"},
	} {
		s := snap(t, "Pod: []")
		s.Events = tc.events
		got := p.Evaluate(Input{Snapshot: s, Started: start}, lessons.English)[0]
		if got.Status != tc.status || got.Have != tc.have {
			t.Errorf("%s: got %s have %q, want %s have %q", tc.name, got.Status, got.Have, tc.status, tc.have)
		}
	}
}

func TestEventFields(t *testing.T) {
	s := snap(t, "Pod: []")
	s.Events = []watch.Event{podEvent(t, 1, watch.Deleted, "web-a", false), podEvent(t, 2, watch.Added, "web-b", false)}
	s.Events[0].Time = time.Date(2026, 1, 2, 19, 0, 1, 0, time.FixedZone("JST", 9*3600))
	for expr, want := range map[string]string{
		"events.map(e, string(e.seq) + ' ' + e.type + ' ' + e.kind + '/' + e.name + ' ' + e.uid)": "1 DELETED Pod/web-a uid-web-a, 2 ADDED Pod/web-b uid-web-b",
		"events[0].time":                  "2026-01-02T10:00:01Z",
		"events.all(e, e.time > started)": "true",
		"events[1].object.metadata.name":  "web-b",
		"type(events[0].seq) == int":      "true",
	} {
		if got := have(t, expr, s, lessons.English); got != want {
			t.Errorf("%s = %q, want %q", expr, got, want)
		}
	}
}

const freshnessExercise = `
id: "9.4"
kinds: [Pod]
checks:
  - id: fresh
    target: {kind: Pod, name: web}
    have: timestamp(object.metadata.creationTimestamp) >= started
    want: "true"
    wantText: {en: created after the start, ja: 開始後に作成}
    show:
      "true": {en: created after the start, ja: 開始後に作成}
      "false": {en: left over from before, ja: 開始前からの残り}
    hint: {en: Delete the old Pod first., ja: まず古いPodを削除します。}
`

func TestFreshness(t *testing.T) {
	p := compile(t, freshnessExercise)
	created := func(at string) watch.Snapshot {
		return snap(t, "Pod: [{metadata: {name: web, creationTimestamp: '"+at+"'}}]")
	}
	rs := p.Evaluate(Input{Snapshot: created("2026-01-02T09:00:00Z"), Started: start}, lessons.English)
	expect(t, rs[0], Result{ID: "fresh", Status: Fail, Have: "left over from before", Want: "created after the start", Hint: "Delete the old Pod first."})
	rs = p.Evaluate(Input{Snapshot: created("2026-01-02T09:00:00Z"), Started: start}, lessons.Japanese)
	expect(t, rs[0], Result{ID: "fresh", Status: Fail, Have: "開始前からの残り", Want: "開始後に作成", Hint: "まず古いPodを削除します。"})
	rs = p.Evaluate(Input{Snapshot: created("2026-01-02T10:05:00Z"), Started: start}, lessons.English)
	expect(t, rs[0], Result{ID: "fresh", Status: Pass, Have: "created after the start", Want: "created after the start"})
}

func TestConcurrentEvaluate(t *testing.T) {
	p := compile(t, stateExercise)
	s := snap(t, "Deployment: [{metadata: {name: web}, spec: {replicas: 3}}]\n"+pods("a web Running", "b web Running", "c web Pending"))
	s.Events = []watch.Event{podEvent(t, 1, watch.Added, "a", true)}
	want := p.Evaluate(Input{Snapshot: s, Started: start}, lessons.English)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				got := p.Evaluate(Input{Snapshot: s, Started: start}, lessons.English)
				for i := range got {
					if got[i] != want[i] {
						t.Errorf("concurrent result %+v, want %+v", got[i], want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

func TestAllPass(t *testing.T) {
	pass, fail, pending := Result{Status: Pass}, Result{Status: Fail}, Result{Status: Pending}
	for _, tc := range []struct {
		rs   []Result
		want bool
	}{
		{nil, false},
		{[]Result{pass}, true},
		{[]Result{pass, pass}, true},
		{[]Result{pass, fail}, false},
		{[]Result{pending, pass}, false},
	} {
		if got := AllPass(tc.rs); got != tc.want {
			t.Errorf("AllPass(%v) = %v, want %v", tc.rs, got, tc.want)
		}
	}
}
