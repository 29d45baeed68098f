package quiz

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/served"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// liveQuiz adds questions to the fixture that the live tests grade wrong
// in particular ways: a container command, and a manifest on stdin.
const liveQuiz = fixtureQuiz + `  - id: sleeper
    type: command
    lesson: categories
    prompt: {en: Run busybox Pod sleeper whose command is sleep 3600., ja: コマンドがsleep 3600のbusybox Pod sleeperを動かす。}
    explain: {en: --command makes the words the command., ja: --commandで後ろの語がcommandになる。}
    kind: Pod
    examples:
      - kubectl run sleeper --image=busybox --restart=Never --command -- sleep 3600
      - kubectl run sleeper --image busybox --restart Never --command -- sh -c 'exec sleep 3600'
    checks:
      - id: command
        title: {en: the command starts with sleep or sh, ja: commandがsleepかshで始まる}
        have: "has(object.spec.containers[0].command) ? object.spec.containers[0].command : []"
        want: "['sleep', '3600']"
        pass: "have.size() > 0 && (have == want || have[0] == 'sh')"
      - id: restart
        title: {en: it is never restarted, ja: 再起動しない}
        have: object.spec.restartPolicy
        want: "'Never'"
  - id: apply-deploy
    type: command
    lesson: categories
    prompt: {en: Apply a Deployment web with 2 replicas of nginx., ja: nginxを2レプリカ動かすDeployment webをapplyする。}
    explain: {en: apply reads the manifest., ja: applyはマニフェストを読む。}
    kind: Deployment
    examples:
      - |
        kubectl apply -f -
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: nginx, image: nginx}]}
      - kubectl create deployment web --image=nginx --replicas=2
    checks:
      - id: replicas
        title: {en: 2 replicas, ja: 2レプリカ}
        have: object.spec.replicas
        want: "2"
`

// liveGrader grades on the test cluster in a scratch namespace of this
// test alone, deleted when the test ends.
func liveGrader(t testing.TB) (*Grader, *kubetest.Cluster) {
	t.Helper()
	c := kubetest.Get(t)
	target, err := kube.Load(kube.Options{Kubeconfig: c.Kubeconfig})
	if err != nil {
		t.Fatal(err)
	}
	ns := fmt.Sprintf("kz-quiz-test-%d", time.Now().UnixNano()%1_000_000_000)
	t.Cleanup(func() {
		c.Client.CoreV1().Namespaces().Delete(context.Background(), ns, metav1.DeleteOptions{})
	})
	return &Grader{Target: target, Namespace: ns}, c
}

func liveFixture(t testing.TB) *Quiz {
	t.Helper()
	return load(t, fixtureQuiz, liveQuiz)
}

// failing lists the results that fail, as "id: have · want".
func failing(rs []check.Result) []string {
	var out []string
	for _, r := range rs {
		if r.Status != check.Pass {
			out = append(out, r.ID+": "+r.Have+" · "+r.Want)
		}
	}
	return out
}

func TestLiveCommandAnswers(t *testing.T) {
	g, c := liveGrader(t)
	z := liveFixture(t)
	ctx := context.Background()
	for _, q := range z.Questions {
		if q.Type != Command {
			continue
		}
		for i, ex := range q.Examples {
			v := g.Grade(ctx, q, Typed(ex), lessons.English)
			if !v.Correct {
				t.Errorf("%s example %d: %+v\nfailing %v", q.ID, i, v, failing(v.Results))
			}
		}
	}
	wrong := []struct {
		question, answer string
		failing          []string
		reason           string
	}{
		{"run-web", "kubectl run web --image=nginx:1.28 --port=80", []string{"image: nginx:1.28 · nginx:1.27"}, ""},
		{"run-web", "kubectl run web --image=nginx:1.27", []string{"port: none · 80"}, ""},
		{"run-web", "kubectl run db --image=nginx:1.27 --port=80 --dry-run=client -o yaml", []string{"name: db · web"}, ""},
		{"run-web", "kubectl create deployment web --image=nginx:1.27 --port=80", []string{"kind: Deployment · Pod"}, "this command makes a Deployment; the question asks for a Pod"},
		{"sleeper", "kubectl run sleeper --image=busybox --restart=Never -- sleep 3600", []string{"command: none · sleep, 3600"}, ""},
		{"sleeper", "kubectl run sleeper --image=busybox --command -- sleep 3600", []string{"restart: Always · Never"}, ""},
		{"apply-deploy", "kubectl create deployment web --image=nginx", []string{"replicas: 1 · 2"}, ""},
		{"run-web", "kubectl run web --imag=nginx:1.27", nil, "unknown flag: --imag"},
		{"run-web", "kubectl run Web --image=nginx:1.27", nil, "Invalid value"},
		{"apply-deploy", "kubectl apply -f -\nkind: Deployment\nmetadata: {name: web}\n", nil, "kubectl says:"},
		{"apply-deploy", "kubectl apply -f -\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: web, namespace: default}\n", nil, `does not match the namespace "` + g.namespace() + `"`},
	}
	for _, w := range wrong {
		v := g.Grade(ctx, z.Question(w.question), Typed(w.answer), lessons.English)
		got := failing(v.Results)
		if v.Correct || v.Skipped || v.Refused || strings.Join(got, "; ") != strings.Join(w.failing, "; ") || !strings.Contains(v.Reason, w.reason) {
			t.Errorf("%s: %q\n got %+v\n failing %q, want %q, reason %q", w.question, w.answer, v, got, w.failing, w.reason)
		}
	}
	assertNothingCreated(t, c, g.namespace())
}

// assertNothingCreated fails if the dry runs left anything in ns.
func assertNothingCreated(t *testing.T, c *kubetest.Cluster, ns string) {
	t.Helper()
	ctx := context.Background()
	nsObj, err := c.Client.CoreV1().Namespaces().Get(ctx, ns, metav1.GetOptions{})
	if err != nil {
		t.Fatalf("the scratch namespace was not made: %v", err)
	}
	if nsObj.Labels[workspace.ManagedByLabel] != workspace.ManagedBy || nsObj.Labels[workspace.QuizLabel] != workspace.ScratchValue {
		t.Errorf("the scratch namespace's labels: %v", nsObj.Labels)
	}
	count := func(what string, n int, err error) {
		if err != nil || n > 0 {
			t.Errorf("%s in %s: %d (%v)", what, ns, n, err)
		}
	}
	pods, err := c.Client.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{})
	count("pods", len(pods.Items), err)
	deploys, err := c.Client.AppsV1().Deployments(ns).List(ctx, metav1.ListOptions{})
	count("deployments", len(deploys.Items), err)
	services, err := c.Client.CoreV1().Services(ns).List(ctx, metav1.ListOptions{})
	count("services", len(services.Items), err)
	jobs, err := c.Client.BatchV1().Jobs(ns).List(ctx, metav1.ListOptions{})
	count("jobs", len(jobs.Items), err)
	cronjobs, err := c.Client.BatchV1().CronJobs(ns).List(ctx, metav1.ListOptions{})
	count("cronjobs", len(cronjobs.Items), err)
	cms, err := c.Client.CoreV1().ConfigMaps(ns).List(ctx, metav1.ListOptions{})
	n := 0
	for _, cm := range cms.Items {
		if cm.Name != "kube-root-ca.crt" {
			n++
		}
	}
	count("configmaps", n, err)
}

// TestLiveContentCommandExamplesPass proves every example answer of every
// command question in the course right on a real API server, and that
// grading them leaves nothing behind.
func TestLiveContentCommandExamplesPass(t *testing.T) {
	quizzes := contentQuizzes(t)
	g, c := liveGrader(t)
	ctx := context.Background()
	n := 0
	for _, z := range quizzes {
		for _, q := range z.Questions {
			if q.Type != Command {
				continue
			}
			for i, ex := range q.Examples {
				n++
				for _, lang := range lessons.Langs {
					v := g.Grade(ctx, q, Typed(ex), lang)
					if !v.Correct {
						t.Errorf("quizzes/%s.yaml %s examples[%d] (%s): %q\n%+v\nfailing %v", z.Chapter, q.ID, i, lang, ex, v, failing(v.Results))
					}
				}
			}
		}
	}
	if n == 0 {
		t.Skip("the course has no command questions yet")
	}
	assertNothingCreated(t, c, g.namespace())
}

func TestLiveScratchNamespaceNotOursIsRefused(t *testing.T) {
	g, c := liveGrader(t)
	g.Namespace = c.Namespace(t) // labelled as a test's, not as kanzen's scratch
	v := g.Grade(context.Background(), liveFixture(t).Question("run-web"), Typed("kubectl run web --image=nginx:1.27 --port=80"), lessons.English)
	if !v.Skipped || !strings.Contains(v.Reason, "is not kanzen's quiz scratch namespace") {
		t.Fatalf("verdict %+v", v)
	}
}

func TestLiveBeforeCreateIsAskedOnceAndCanRefuse(t *testing.T) {
	g, c := liveGrader(t)
	asked := 0
	g.BeforeCreate = func(ns string) error {
		asked++
		return errors.New("not confirmed")
	}
	q := liveFixture(t).Question("run-web")
	for range 2 {
		v := g.Grade(context.Background(), q, Typed("kubectl run web --image=nginx:1.27 --port=80"), lessons.English)
		if !v.Skipped || !strings.Contains(v.Reason, "not confirmed") {
			t.Fatalf("verdict %+v", v)
		}
	}
	if asked != 1 {
		t.Errorf("asked %d times", asked)
	}
	if _, err := c.Client.CoreV1().Namespaces().Get(context.Background(), g.namespace(), metav1.GetOptions{}); err == nil {
		t.Error("the scratch namespace was made though the learner said no")
	}
}

// apiResources parses kubectl api-resources by its header's columns, since
// a resource without short names leaves its column blank.
func apiResources(t *testing.T, c *kubetest.Cluster) map[string]check.APIResource {
	t.Helper()
	out, err := c.Shell(t, "default", "kubectl api-resources")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	header := lines[0]
	cols := []string{"NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"}
	at := make([]int, len(cols))
	for i, col := range cols {
		at[i] = strings.Index(header, col)
	}
	field := func(line string, i int) string {
		end := len(line)
		if i+1 < len(at) {
			end = min(at[i+1], len(line))
		}
		return strings.TrimSpace(line[at[i]:end])
	}
	got := map[string]check.APIResource{}
	var all []check.APIResource
	for _, line := range lines[1:] {
		r := check.APIResource{Name: field(line, 0), Kind: field(line, 4)}
		if s := field(line, 1); s != "" {
			r.ShortNames = strings.Split(s, ",")
		}
		group, version, found := strings.Cut(field(line, 2), "/")
		if !found {
			group, version = "", group
		}
		r.Group, r.Version = group, version
		r.Namespaced, _ = strconv.ParseBool(field(line, 3))
		all = append(all, r)
	}
	for _, r := range all {
		got[r.Name], _ = served.Preferred(all, func(o served.Resource) bool { return o.Name == r.Name })
	}
	return got
}

func TestLiveDiscoveryMatchesKubectl(t *testing.T) {
	g, c := liveGrader(t)
	want := apiResources(t, c)
	ctx := context.Background()
	resources := []string{"pods", "deployments", "nodes", "services", "secrets", "cronjobs", "events", "namespaces", "persistentvolumes", "horizontalpodautoscalers", "customresourcedefinitions"}
	for _, name := range resources {
		got, ok, err := g.Resource(ctx, name)
		w := want[name]
		if err != nil || !ok || got.Kind != w.Kind || got.Group != w.Group || got.Version != w.Version || got.Namespaced != w.Namespaced || strings.Join(got.ShortNames, ",") != strings.Join(w.ShortNames, ",") {
			t.Errorf("%s: discovery %+v (%v), kubectl %+v", name, got, err, w)
		}
	}
	// Every discovery question, in the fixture and the course, graded with
	// what kubectl api-resources prints.
	questions := []*Question{liveFixture(t).Question("deploy-short")}
	for _, z := range contentQuizzes(t) {
		for _, q := range z.Questions {
			if q.Type == Discovery {
				questions = append(questions, q)
			}
		}
	}
	for _, q := range questions {
		name, _, _ := strings.Cut(q.Resource, ".")
		r, ok := want[name]
		if !ok {
			t.Errorf("%s: kubectl api-resources lists no %s", q.Key(), q.Resource)
			continue
		}
		answer := map[Ask]string{AskNamespaced: strconv.FormatBool(r.Namespaced), AskGroup: r.Group, AskVersion: r.Version, AskKind: r.Kind}[q.Ask]
		if q.Ask == AskShortNames {
			answer = "none"
			if len(r.ShortNames) > 0 {
				answer = r.ShortNames[len(r.ShortNames)-1]
			}
		}
		if q.Ask == AskGroup && answer == "" {
			answer = "core"
		}
		if v := g.Grade(ctx, q, Typed(answer), lessons.English); !v.Correct {
			t.Errorf("%s answered %q: %+v", q.Key(), answer, v)
		}
		if v := g.Grade(ctx, q, Typed("widgets"), lessons.English); v.Correct || v.Skipped {
			t.Errorf("%s answered widgets: %+v", q.Key(), v)
		}
	}
}

func TestLiveUnreachableClusterSkips(t *testing.T) {
	c := kubetest.Get(t)
	target, err := kube.Load(kube.Options{Kubeconfig: c.Kubeconfig})
	if err != nil {
		t.Fatal(err)
	}
	// The same cluster, but at a port where nothing listens.
	dead := *target
	config := *target.Config
	config.Host = "https://127.0.0.1:1"
	dead.Config = &config
	g := &Grader{Target: &dead, Timeout: 10 * time.Second}
	v := g.Grade(context.Background(), load(t).Question("run-web"), Typed("kubectl run web --image=nginx:1.27 --port=80"), lessons.English)
	if !v.Skipped || !strings.Contains(v.Reason, "not graded") {
		t.Fatalf("verdict %+v", v)
	}
}
