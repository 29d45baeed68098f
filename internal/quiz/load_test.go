package quiz

import (
	"strings"
	"testing"
	"testing/fstest"

	"kanzen.dev/kanzen/lessons"
)

func TestAGoodQuizLoads(t *testing.T) {
	z := load(t)
	if z.Chapter != "4" || z.PassMark != 0.8 || len(z.Questions) != len(Types) {
		t.Fatalf("got chapter %q, pass mark %v, %d questions", z.Chapter, z.PassMark, len(z.Questions))
	}
	for i, q := range z.Questions {
		if q.Type != Types[i] || q.Chapter != "4" {
			t.Errorf("question %d: type %s, chapter %q", i, q.Type, q.Chapter)
		}
	}
	cmd := z.Question("run-web")
	if cmd.program == nil || cmd.Checks[0].Target == nil || cmd.Checks[0].Target.Kind != "Pod" {
		t.Errorf("command question not compiled with a default target: %+v", cmd.Checks[0])
	}
	if q := z.Question("sort-some"); len(q.Sorted) != 3 || q.Sorted[2].Note.In(lessons.Japanese) == "" {
		t.Errorf("sort items: %+v", q.Sorted)
	}
	if q := z.Question("pv-namespaced"); q.Truth {
		t.Error("truth: false loaded as true")
	}
	if key := z.Question("pod-category").Key(); key != "4/pod-category" {
		t.Errorf("Key() = %q", key)
	}
	if got := z.Question("deploy-short").Text(lessons.English); !strings.Contains(got, "short name") || !strings.Contains(got, "deployments") {
		t.Errorf("a discovery question without a prompt gets %q", got)
	}
}

func TestNoQuizzesDirectoryIsNoQuizzes(t *testing.T) {
	fs := tree()
	delete(fs, "quizzes/4.yaml")
	course, err := lessons.Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	if quizzes, err := Load(fs, course); err != nil || len(quizzes) != 0 {
		t.Fatalf("got %v, %v", quizzes, err)
	}
}

func TestQuizMistakesNameFileAndField(t *testing.T) {
	cases := map[string]struct {
		replace []string
		want    string
	}{
		"correct out of range":      {[]string{"correct: [0]", "correct: [5]"}, "quizzes/4.yaml: questions[0].correct[0]: 5 is not a choice index (0 to 2)"},
		"single with two":           {[]string{"correct: [0]", "correct: [0, 1]"}, "questions[0].correct: a single question has exactly one correct choice, got 2"},
		"two choices the same":      {[]string{"{en: Cluster, ja: Cluster}, {en: Metadata, ja: Metadata}]\n    correct: [0]", "{en: Cluster, ja: Cluster}, {en: Cluster, ja: メタデータ}]\n    correct: [0]"}, "questions[0].choices[2].en: the same as choices[1]"},
		"multiple with none":        {[]string{"correct: [0, 2]", "correct: []"}, "questions[1].correct: a multiple question has one or more correct choices, got none"},
		"one choice":                {[]string{"choices: [{en: Workloads, ja: Workloads}, {en: Cluster, ja: Cluster}, {en: Metadata, ja: Metadata}]\n    correct: [0]", "choices: [{en: Workloads, ja: Workloads}]\n    correct: [0]"}, "questions[0].choices: has 1 choices, want 2 to 6"},
		"prompt without japanese":   {[]string{"prompt: {en: 'Which category holds Pod?', ja: Podはどのカテゴリ？}", "prompt: {en: 'Which category holds Pod?'}"}, "questions[0].prompt.ja: missing"},
		"explain in french":         {[]string{"explain: {en: Pods run containers., ja: Podはコンテナを動かす。}", "explain: {en: a, ja: b, fr: c}"}, "questions[0].explain.fr: unknown language"},
		"unknown lesson":            {[]string{"lesson: categories\n    prompt: {en: 'Which category", "lesson: nope\n    prompt: {en: 'Which category"}, `questions[0].lesson: "nope" is not a lesson of the course`},
		"no lesson":                 {[]string{"    lesson: categories\n    prompt: {en: 'Which category", "    prompt: {en: 'Which category"}, "questions[0].lesson: missing"},
		"order of two":              {[]string{"{en: Job, ja: Job}, {en: Pod, ja: Pod}]", "{en: Job, ja: Job}]"}, "questions[3].items: has 2 items, want 3 to 6"},
		"order items as resources":  {[]string{"items: [{en: CronJob, ja: CronJob},", "items: [{name: CronJob},"}, "questions[3].items[0].name: unknown language"},
		"unknown category":          {[]string{"categories: [workloads,", "categories: [workload,"}, `questions[4].categories[0]: "workload" is not a category`},
		"item outside categories":   {[]string{"{name: Service, category: discovery-lb}", "{name: Service, category: cluster}"}, `questions[4].items[1].category: "cluster" is not among the question's categories`},
		"item twice":                {[]string{"{name: Service,", "{name: Pod,"}, `questions[4].items[1].name: duplicate item "Pod"`},
		"sort item unknown field":   {[]string{"{name: Pod, category: workloads}", "{name: Pod, category: workloads, kind: Pod}"}, `questions[4].items: a sort question's items are {name, category, note}`},
		"command without kind":      {[]string{"    kind: Pod\n", ""}, "questions[5].kind"},
		"example picks namespace":   {[]string{"- kubectl run web --image=nginx:1.27 --port=80", "- kubectl run web -n prod --image=nginx:1.27 --port=80"}, "questions[5].examples[0]: leave out -n"},
		"example not kubectl":       {[]string{"- kubectl run web --image=nginx:1.27 --port=80", "- docker run nginx"}, `questions[5].examples[0]: the answer is a kubectl command, and this one starts with "docker"`},
		"check does not compile":    {[]string{"have: object.metadata.name", "have: object.metadata.name +"}, "questions[5].checks[0].have: "},
		"check of another kind":     {[]string{"      - id: name\n", "      - id: name\n        target: {kind: Deployment}\n"}, `questions[5].checks[0].target.kind: "Deployment" is not the question's kind "Pod"`},
		"have lists a map unsorted": {[]string{"have: object.metadata.name", "have: object.metadata.labels.map(k, k)"}, "questions[5].checks[0].have: labels.map(...) lists a map's keys"},
		"check without want":        {[]string{"want: \"'web'\"", "hint: {en: h, ja: h}"}, "questions[5].checks[0].want: give want, wantText, or both"},
		"check needs a later one":   {[]string{"      - id: name\n", "      - id: name\n        needs: [port]\n"}, `questions[5].checks[0].needs[0]: "port" is not an earlier check`},
		"discovery asks nonsense":   {[]string{"ask: shortNames", "ask: short"}, `questions[6].ask: "short" is not one of`},
		"discovery resource kind":   {[]string{"resource: deployments", "resource: Deployment"}, `questions[6].resource: "Deployment" is not a resource name`},
		"duplicate id":              {[]string{"id: namespaced-kinds", "id: pod-category"}, `questions[1].id: duplicate id "pod-category"`},
		"bad id":                    {[]string{"id: namespaced-kinds", "id: Namespaced_Kinds"}, `questions[1].id: "Namespaced_Kinds" is not a lowercase id`},
		"unknown type":              {[]string{"type: truefalse", "type: yesno"}, `questions[2].type: "yesno" is not a question type`},
		"truefalse without truth":   {[]string{"    truth: false\n", ""}, "questions[2].truth: missing: true or false"},
		"field of another type":     {[]string{"correct: [0]\n", "correct: [0]\n    truth: true\n"}, "questions[0].truth: a single question has no truth"},
		"chapter and file differ":   {[]string{`chapter: "4"`, `chapter: "3"`}, `quizzes/4.yaml: chapter: "3" does not match the file name`},
		"pass mark above one":       {[]string{"passMark: 0.8", "passMark: 1.5"}, "quizzes/4.yaml: passMark: 1.5 is not a fraction in (0, 1]"},
		"no pass mark":              {[]string{"passMark: 0.8\n", ""}, "quizzes/4.yaml: passMark: 0 is not a fraction"},
		"unknown field":             {[]string{"passMark:", "passMarks: 1\npassMark:"}, `quizzes/4.yaml: file: error unmarshaling JSON: while decoding JSON: json: unknown field "passMarks"`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			fs := tree(tc.replace...)
			if string(fs["quizzes/4.yaml"].Data) == fixtureQuiz {
				t.Fatal("the replacement changes nothing")
			}
			course, err := lessons.Load(fs)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Load(fs, course)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v\ndoes not mention %q", err, tc.want)
			}
		})
	}
}

func TestAQuizOfAChapterNotInTheCourse(t *testing.T) {
	fs := tree(`chapter: "4"`, `chapter: "9"`)
	fs["quizzes/9.yaml"] = fs["quizzes/4.yaml"]
	delete(fs, "quizzes/4.yaml")
	fs["quizzes/notes.txt"] = &fstest.MapFile{Data: []byte("x")}
	course, err := lessons.Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Load(fs, course)
	for _, want := range []string{`quizzes/9.yaml: chapter: "9" is not a chapter of the course`, "quizzes/notes.txt: file: not a quiz"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not mention %q", err, want)
		}
	}
}

func TestQuizzesComeInCourseOrder(t *testing.T) {
	fs := tree()
	fs["quizzes/3.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(fixtureQuiz, `chapter: "4"`, `chapter: "3"`, 1))}
	course, err := lessons.Load(fs)
	if err != nil {
		t.Fatal(err)
	}
	quizzes, err := Load(fs, course)
	if err != nil {
		t.Fatal(err)
	}
	if len(quizzes) != 2 || quizzes[0].Chapter != "3" || quizzes[1].Chapter != "4" || Find(quizzes, "4") != quizzes[1] {
		t.Fatalf("got %d quizzes, first %q", len(quizzes), quizzes[0].Chapter)
	}
	if q := FindQuestion(quizzes, "3/run-web"); q == nil || q.Chapter != "3" {
		t.Fatalf("FindQuestion(3/run-web) = %+v", q)
	}
}
