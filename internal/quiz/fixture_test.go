package quiz

import (
	"strings"
	"testing"
	"testing/fstest"

	"kanzen.dev/kanzen/lessons"
)

// The fixture course has chapters 3 and 4, with lesson "categories" in 4.
const fixtureCourse = `title: {en: T, ja: T}
chapters:
- id: '3'
  title: {en: Three, ja: 三}
  summary: {en: s, ja: s}
- id: '4'
  title: {en: Four, ja: 四}
  summary: {en: s, ja: s}
`

// fixtureQuiz has one question of each type, in the order of Types.
const fixtureQuiz = `chapter: "4"
passMark: 0.8
questions:
  - id: pod-category
    type: single
    lesson: categories
    prompt: {en: 'Which category holds Pod?', ja: Podはどのカテゴリ？}
    explain: {en: Pods run containers., ja: Podはコンテナを動かす。}
    choices: [{en: Workloads, ja: Workloads}, {en: Cluster, ja: Cluster}, {en: Metadata, ja: Metadata}]
    correct: [0]
  - id: namespaced-kinds
    type: multiple
    lesson: categories
    prompt: {en: 'Which are namespaced?', ja: どれがNamespaceに属する？}
    explain: {en: Nodes are not., ja: Nodeは属さない。}
    choices: [{en: Pod, ja: Pod}, {en: Node, ja: Node}, {en: Service, ja: Service}]
    correct: [0, 2]
  - id: pv-namespaced
    type: truefalse
    lesson: categories
    prompt: {en: PersistentVolumes are namespaced., ja: PersistentVolumeはNamespaceに属する。}
    explain: {en: They are cluster-wide., ja: クラスタ全体のもの。}
    truth: false
  - id: cronjob-chain
    type: order
    lesson: categories
    prompt: {en: Put the owners in order., ja: 親から順に並べる。}
    explain: {en: A CronJob makes Jobs., ja: CronJobがJobを作る。}
    items: [{en: CronJob, ja: CronJob}, {en: Job, ja: Job}, {en: Pod, ja: Pod}]
  - id: sort-some
    type: sort
    lesson: categories
    prompt: {en: Sort them., ja: 分類する。}
    explain: {en: The book's five categories., ja: 本の5分類。}
    categories: [workloads, discovery-lb, metadata]
    items:
      - {name: Pod, category: workloads}
      - {name: Service, category: discovery-lb}
      - {name: LimitRange, category: metadata, note: {en: Today's docs call it a policy., ja: 今のドキュメントではポリシー。}}
  - id: run-web
    type: command
    lesson: categories
    prompt: {en: Run Pod web with nginx:1.27 on port 80., ja: nginx:1.27のPod webをポート80で動かす。}
    explain: {en: kubectl run makes one Pod., ja: kubectl runはPodを1つ作る。}
    kind: Pod
    examples:
      - kubectl run web --image=nginx:1.27 --port=80
      - kubectl run --port 80 web --image nginx:1.27
    checks:
      - id: name
        title: {en: named web, ja: 名前がweb}
        have: object.metadata.name
        want: "'web'"
      - id: image
        title: {en: runs nginx:1.27, ja: nginx:1.27を動かす}
        have: object.spec.containers.map(c, c.image)
        want: "['nginx:1.27']"
      - id: port
        title: {en: declares port 80, ja: ポート80を宣言}
        have: "has(object.spec.containers[0].ports) ? object.spec.containers[0].ports.map(p, p.containerPort) : []"
        want: "[80]"
  - id: deploy-short
    type: discovery
    lesson: categories
    explain: {en: kubectl api-resources lists them., ja: kubectl api-resourcesで分かる。}
    resource: deployments
    ask: shortNames
`

// tree is a content tree with the fixture course and quiz, quizzes/4.yaml
// changed by the replacer pairs.
func tree(replace ...string) fstest.MapFS {
	return fstest.MapFS{
		"course.yaml":              {Data: []byte(fixtureCourse)},
		"chapters/4.yaml":          {Data: []byte("lessons:\n- id: categories\n  title: {en: C, ja: C}\n")},
		"lessons/categories.en.md": {Data: []byte("# Categories\n")},
		"lessons/categories.ja.md": {Data: []byte("# 分類\n")},
		"quizzes/4.yaml":           {Data: []byte(strings.NewReplacer(replace...).Replace(fixtureQuiz))},
	}
}

// load loads the fixture, failing the test on any mistake.
func load(t testing.TB, replace ...string) *Quiz {
	t.Helper()
	fs := tree(replace...)
	course, err := lessons.Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	quizzes, err := Load(fs, course)
	if err != nil {
		t.Fatal(err)
	}
	if len(quizzes) != 1 {
		t.Fatalf("loaded %d quizzes, want 1", len(quizzes))
	}
	return quizzes[0]
}
