package quiz

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"sigs.k8s.io/yaml"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/lessons"
)

// grade grades an answer without a cluster, in English.
func grade(q *Question, a Answer) Verdict {
	return (*Grader)(nil).Grade(context.Background(), q, a, lessons.English)
}

func TestGradeChoices(t *testing.T) {
	z := load(t)
	single, multiple := z.Question("pod-category"), z.Question("namespaced-kinds")
	cases := []struct {
		q       *Question
		a       Answer
		correct bool
		reason  string
	}{
		{single, Choose(0), true, ""},
		{single, Choose(1), false, ""},
		{single, Choose(0, 1), false, "choose exactly one"},
		{single, Choose(), false, "choose exactly one"},
		{single, Choose(7), false, "there is no choice 8"},
		{multiple, Choose(0, 2), true, ""},
		{multiple, Choose(2, 0), true, ""},
		{multiple, Choose(2, 0, 2), true, ""},
		{multiple, Choose(0), false, ""},
		{multiple, Choose(0, 1, 2), false, ""},
	}
	for _, tc := range cases {
		v := grade(tc.q, tc.a)
		if v.Correct != tc.correct || v.Reason != tc.reason || v.Skipped {
			t.Errorf("%s %v: %+v, want correct %v, reason %q", tc.q.ID, tc.a.Choices, v, tc.correct, tc.reason)
		}
	}
	if v := grade(single, Choose(1)); v.Want != "Workloads" || v.Explain != "Pods run containers." || v.Lesson != "categories" {
		t.Errorf("single verdict: %+v", v)
	}
	if v := grade(multiple, Choose(1)); v.Want != "Pod; Service" {
		t.Errorf("multiple wants %q", v.Want)
	}
}

func TestGradeTrueFalse(t *testing.T) {
	q := load(t).Question("pv-namespaced")
	for a, correct := range map[*Answer]bool{
		{Bool: new(false)}: true, {Bool: new(true)}: false, {Text: "no"}: true, {Text: "いいえ"}: true, {Text: "yes"}: false,
	} {
		if v := grade(q, *a); v.Correct != correct || v.Want != "false" {
			t.Errorf("%+v: %+v, want correct %v", a, v, correct)
		}
	}
	if v := grade(q, Typed("maybe")); v.Correct || v.Reason != "answer true or false" {
		t.Errorf("maybe: %+v", v)
	}
	if v := (*Grader)(nil).Grade(context.Background(), q, Says(true), lessons.Japanese); v.Want != "誤り" {
		t.Errorf("Japanese want %q", v.Want)
	}
}

func TestGradeOrder(t *testing.T) {
	q := load(t).Question("cronjob-chain")
	if v := grade(q, Answer{Order: []int{0, 1, 2}}); !v.Correct || v.Want != "CronJob → Job → Pod" {
		t.Errorf("right order: %+v", v)
	}
	if v := grade(q, Answer{Order: []int{1, 0, 2}}); v.Correct || v.Reason != "" {
		t.Errorf("wrong order: %+v", v)
	}
	for _, order := range [][]int{{0, 1}, {0, 0, 1}, {0, 1, 3}, nil} {
		if v := grade(q, Answer{Order: order}); v.Correct || v.Reason != "put every item in the order once" {
			t.Errorf("%v: %+v", order, v)
		}
	}
}

func TestGradeSort(t *testing.T) {
	q := load(t).Question("sort-some")
	right := map[string]Category{"Pod": Workloads, "Service": DiscoveryLB, "LimitRange": Metadata}
	v := grade(q, Answer{Sort: right})
	if !v.Correct || v.Want != "Workloads: Pod; Discovery & LB: Service; Metadata: LimitRange" {
		t.Errorf("right sort: %+v", v)
	}
	if !strings.HasSuffix(v.Explain, "\n• LimitRange: Today's docs call it a policy.") {
		t.Errorf("the notes are not in the explanation: %q", v.Explain)
	}
	v = grade(q, Answer{Sort: map[string]Category{"Pod": Workloads, "Service": Metadata}})
	if v.Correct || v.Reason != "misplaced: Service (Metadata), LimitRange (not sorted)" {
		t.Errorf("wrong sort: %+v", v)
	}
	v = (*Grader)(nil).Grade(context.Background(), q, Answer{Sort: map[string]Category{"Pod": DiscoveryLB}}, lessons.Japanese)
	if !strings.Contains(v.Reason, "Pod (Discovery & LBリソース)") || !strings.Contains(v.Want, "Workloadsリソース: Pod") {
		t.Errorf("Japanese sort verdict: %+v", v)
	}
}

func TestCategoriesHaveNames(t *testing.T) {
	if len(Categories) != 5 {
		t.Fatalf("%d categories", len(Categories))
	}
	for _, c := range Categories {
		if c.Name(lessons.English) == string(c) || !strings.HasSuffix(c.Name(lessons.Japanese), "リソース") || !c.Valid() {
			t.Errorf("%s: %q / %q", c, c.Name(lessons.English), c.Name(lessons.Japanese))
		}
	}
	if Category("network").Valid() {
		t.Error("an unknown category is valid")
	}
}

func TestClusterQuestionsWithoutAClusterAreSkipped(t *testing.T) {
	z := load(t)
	g := &Grader{NoCluster: errors.New("no cluster configured: no kubeconfig\nstart kanzen's sandbox")}
	for _, id := range []string{"run-web", "deploy-short"} {
		v := g.Grade(context.Background(), z.Question(id), Typed("kubectl run web --image=nginx:1.27 --port=80"), lessons.English)
		if !v.Skipped || v.Correct || !strings.Contains(v.Reason, "needs a cluster, and there is none (no cluster configured: no kubeconfig)") {
			t.Errorf("%s: %+v", id, v)
		}
	}
	// A refusal needs no cluster: the learner learns why at once.
	v := g.Grade(context.Background(), z.Question("run-web"), Typed("kubectl run web -n default --image=nginx"), lessons.English)
	if !v.Refused || v.Skipped || !strings.Contains(v.Reason, "leave out -n") || v.Want != "for example: kubectl run web --image=nginx:1.27 --port=80" {
		t.Errorf("refused: %+v", v)
	}
}

// object decodes a YAML object as a dry run would return it.
func object(t *testing.T, y string) watch.Object {
	t.Helper()
	var o watch.Object
	if err := yaml.Unmarshal([]byte(y), &o); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestJudgeObjectsWithTheChecks(t *testing.T) {
	q := load(t).Question("run-web")
	pod := object(t, "kind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: 'nginx:1.27', ports: [{containerPort: 80}]}]}")
	v := judgeObjects(q, []watch.Object{pod}, "kz-quiz", time.Now(), lessons.English)
	if !v.Correct || len(v.Results) != 4 || v.Results[0].Title != "it makes a Pod" {
		t.Fatalf("a right Pod: %+v", v)
	}
	noPort := object(t, "kind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: 'nginx:1.28'}]}")
	v = judgeObjects(q, []watch.Object{noPort}, "kz-quiz", time.Now(), lessons.English)
	fails := map[string]check.Result{}
	for _, r := range v.Results {
		if r.Status == check.Fail {
			fails[r.ID] = r
		}
	}
	if v.Correct || len(fails) != 2 || fails["image"].Have != "nginx:1.28" || fails["image"].Want != "nginx:1.27" || fails["port"].Have != "none" || fails["port"].Want != "80" {
		t.Errorf("a wrong Pod: %+v", v.Results)
	}
	deploy := object(t, "kind: Deployment\nmetadata: {name: web}")
	v = judgeObjects(q, []watch.Object{deploy}, "kz-quiz", time.Now(), lessons.English)
	if v.Correct || len(v.Results) != 1 || v.Results[0].Have != "Deployment" || v.Results[0].Want != "Pod" || v.Reason != "this command makes a Deployment; the question asks for a Pod" {
		t.Errorf("a Deployment: %+v", v)
	}
}

func TestDecodeObjectsReadsLists(t *testing.T) {
	objs, err := decodeObjects([]byte(`{"kind":"List","items":[{"kind":"Service"},{"kind":"Deployment"}]}`))
	if err != nil || len(objs) != 2 || objs[1]["kind"] != "Deployment" {
		t.Fatalf("%v, %v", objs, err)
	}
	if _, err := decodeObjects([]byte("pod/web created")); err == nil {
		t.Fatal("text decoded as an object")
	}
}

func TestJudgeDiscovery(t *testing.T) {
	deploy := check.APIResource{Name: "deployments", Kind: "Deployment", Group: "apps", Version: "v1", Namespaced: true, ShortNames: []string{"deploy"}}
	pods := check.APIResource{Name: "pods", Kind: "Pod", Version: "v1", Namespaced: true, ShortNames: []string{"po"}}
	secrets := check.APIResource{Name: "secrets", Kind: "Secret", Version: "v1", Namespaced: true}
	nodes := check.APIResource{Name: "nodes", Kind: "Node", Version: "v1", ShortNames: []string{"no"}}
	cases := []struct {
		ask     Ask
		r       check.APIResource
		answer  Answer
		correct bool
		want    string
		reason  string
	}{
		{AskShortNames, deploy, Typed("deploy"), true, "deploy", ""},
		{AskShortNames, deploy, Typed(" DEPLOY "), true, "deploy", ""},
		{AskShortNames, deploy, Typed("dep"), false, "deploy", ""},
		{AskShortNames, secrets, Typed("none"), true, "none", ""},
		{AskShortNames, secrets, Typed("sec"), false, "none", ""},
		{AskNamespaced, nodes, Says(false), true, "false", ""},
		{AskNamespaced, nodes, Typed("true"), false, "false", ""},
		{AskNamespaced, pods, Typed("yes"), true, "true", ""},
		{AskNamespaced, pods, Typed("perhaps"), false, "true", "answer true or false"},
		{AskGroup, deploy, Typed("apps"), true, "apps", ""},
		{AskGroup, deploy, Typed("apps/v1"), false, "apps", `"apps/v1" is an API version`},
		{AskGroup, pods, Typed("core"), true, `core ("")`, ""},
		{AskGroup, pods, Typed(`""`), true, `core ("")`, ""},
		{AskGroup, pods, Typed("v1"), false, `core ("")`, `"v1" is an API version`},
		{AskVersion, deploy, Typed("v1"), true, "v1", ""},
		{AskVersion, deploy, Typed("apps/v1"), true, "v1", ""},
		{AskVersion, deploy, Typed("v1beta1"), false, "v1", ""},
		{AskKind, deploy, Typed("deployment"), true, "Deployment", ""},
		{AskKind, deploy, Typed("Deployments"), false, "Deployment", ""},
	}
	for _, tc := range cases {
		v := judgeDiscovery(tc.ask, tc.r, tc.answer, lessons.English)
		if v.Correct != tc.correct || v.Want != tc.want || !strings.Contains(v.Reason, tc.reason) {
			t.Errorf("%s of %s, %+v: %+v; want correct %v, want %q, reason %q", tc.ask, tc.r.Name, tc.answer, v, tc.correct, tc.want, tc.reason)
		}
	}
}

func TestLookupPrefersTheCoreGroup(t *testing.T) {
	api := []check.APIResource{{Name: "events", Group: "events.k8s.io", Version: "v1"}, {Name: "events", Version: "v1"}, {Name: "pods", Version: "v1"}}
	if r, ok := lookup(api, "events"); !ok || r.Group != "" {
		t.Errorf("events: %+v", r)
	}
	if r, ok := lookup(api, "events.events.k8s.io"); !ok || r.Group != "events.k8s.io" {
		t.Errorf("events.events.k8s.io: %+v", r)
	}
	if _, ok := lookup(api, "widgets"); ok {
		t.Error("found widgets")
	}
}

func TestDiscoveryPromptsInBothLanguages(t *testing.T) {
	for _, ask := range Asks {
		for _, lang := range lessons.Langs {
			if p := discoveryPrompt(ask, "deployments", lang); !strings.Contains(p, "`deployments`") {
				t.Errorf("%s in %s: %q", ask, lang, p)
			}
		}
	}
}
