package lessons

import (
	"strings"
	"testing"
	"testing/fstest"

	"kanzen.dev/kanzen/content"
)

const oneChapter = `title: {en: T, ja: T}
chapters:
- id: '2'
  title: {en: A, ja: A}
  summary: {en: s, ja: s}
`

const oneLesson = `lessons:
- id: intro
  title: {en: I, ja: I}
  exercises: ['2.1']
`

const goodExercise = `id: '2.1'
title: {en: T, ja: T}
goal: {en: G, ja: G}
kinds: [Deployment]
checks:
- id: exists
  title: {en: C, ja: C}
  target: {kind: Deployment, name: myapp}
  have: object.metadata.name
  want: "'myapp'"
hints: [{en: a, ja: a}, {en: b, ja: b}, {en: c, ja: c}]
solution: [kubectl create deployment myapp --image=nginx]
debrief: {en: D, ja: D}
`

// tree is a content tree with one lesson and exercise 2.1, changed by edit.
func tree(edit func(fstest.MapFS)) fstest.MapFS {
	fs := fstest.MapFS{
		"course.yaml":         {Data: []byte(oneChapter)},
		"chapters/2.yaml":     {Data: []byte(oneLesson)},
		"lessons/intro.en.md": {Data: []byte("# Intro\n")},
		"lessons/intro.ja.md": {Data: []byte("# 入門\n")},
		"exercises/2.1.yaml":  {Data: []byte(goodExercise)},
	}
	if edit != nil {
		edit(fs)
	}
	return fs
}

func withExercise(replace ...string) func(fstest.MapFS) {
	return func(fs fstest.MapFS) {
		fs["exercises/2.1.yaml"] = &fstest.MapFile{Data: []byte(strings.NewReplacer(replace...).Replace(goodExercise))}
	}
}

func TestAGoodTreeLoads(t *testing.T) {
	c, err := Load(tree(nil))
	if err != nil {
		t.Fatal(err)
	}
	if ex := c.Exercise("2.1"); ex == nil || c.Chapters[0].Lessons[0].Body.In(Japanese) != "# 入門\n" {
		t.Fatalf("exercise %v, lesson %+v", ex, c.Chapters[0].Lessons[0])
	}
	if ch, l := c.Find("2.1"); ch == nil || l.ID != "intro" {
		t.Fatal("Find does not locate the exercise's lesson")
	}
}

func TestExerciseMistakesNameFileAndField(t *testing.T) {
	cases := map[string]struct {
		edit func(fstest.MapFS)
		want string
	}{
		"two hints":               {withExercise("{en: c, ja: c}]", "]", ", {en: b, ja: b}, {en: c, ja: c}", ", {en: b, ja: b}"), "exercises/2.1.yaml: hints: has 2 hints, want 3"},
		"a hint in one language":  {withExercise("{en: b, ja: b}", "{en: b}"), "exercises/2.1.yaml: hints[1].ja: missing"},
		"target kind not watched": {withExercise("kinds: [Deployment]", "kinds: [Pod]"), `checks[0].target.kind: "Deployment" is not in the exercise's kinds`},
		"needs a later check":     {withExercise("  have: object", "  needs: [later]\n  have: object"), `checks[0].needs[0]: "later" is not an earlier check`},
		"solution not kubectl":    {withExercise("[kubectl create", "[rm -rf /; kubectl create"), "solution[0]"},
		"id and file disagree":    {withExercise("id: '2.1'", "id: '2.2'"), `exercises/2.1.yaml: id: "2.2" does not match the file name`},
		"unknown field":           {withExercise("debrief:", "debreif:"), "exercises/2.1.yaml: file:"},
		"missing lesson file":     {func(fs fstest.MapFS) { delete(fs, "lessons/intro.ja.md") }, "lessons/intro.ja.md: file: missing"},
		"exercise in the wrong chapter": {func(fs fstest.MapFS) {
			fs["course.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(oneChapter, "- id: '2'", "- id: '3'", 1))}
			fs["chapters/3.yaml"], fs["chapters/2.yaml"] = fs["chapters/2.yaml"], nil
			delete(fs, "chapters/2.yaml")
		}, `chapters/3.yaml: lessons[0].exercises[0]: exercise "2.1" belongs to chapter 2, not 3`},
		"lessons in the manifest": {func(fs fstest.MapFS) {
			fs["course.yaml"] = &fstest.MapFile{Data: []byte(oneChapter + "  lessons: [{id: x, title: {en: X, ja: X}}]\n")}
		}, "course.yaml: chapters[0].lessons: list a chapter's lessons in chapters/2.yaml"},
		"a lesson named twice": {func(fs fstest.MapFS) {
			fs["chapters/2.yaml"] = &fstest.MapFile{Data: []byte(oneLesson + "- id: intro\n  title: {en: I, ja: I}\n")}
		}, `chapters/2.yaml: lessons[1].id: duplicate id "intro"`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Load(tree(tc.edit))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v does not mention %q", err, tc.want)
			}
		})
	}
}

func TestLintReportsOrphanFiles(t *testing.T) {
	fs := tree(func(fs fstest.MapFS) {
		fs["exercises/9.9.yaml"] = &fstest.MapFile{Data: []byte("id: x")}
		fs["lessons/draft.en.md"] = &fstest.MapFile{Data: []byte("# Draft")}
	})
	if _, err := Load(fs); err != nil {
		t.Fatalf("loading tolerates files nothing names yet, got %v", err)
	}
	err := Lint(fs)
	for _, want := range []string{"exercises/9.9.yaml: file: not named by any chapter", "lessons/draft.en.md: file: not named by any chapter"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("lint error %v does not mention %q", err, want)
		}
	}
	if err := Lint(tree(nil)); err != nil {
		t.Errorf("a good tree fails lint: %v", err)
	}
	table := tree(func(fs fstest.MapFS) {
		fs["lessons/intro.ja.md"] = &fstest.MapFile{Data: []byte("# 入門\n\n| 種類 | 役目 |\n| --- | --- |\n| Pod | コンテナ |\n\n```\na | b\n--- | ---\n```\n")}
	})
	if err := Lint(table); err == nil || !strings.Contains(err.Error(), "lessons/intro.ja.md: line 3: a table") || strings.Count(err.Error(), "a table") != 1 {
		t.Errorf("lint error %v does not name the one table outside code", err)
	}
	wide := tree(func(fs fstest.MapFS) {
		fs["lessons/intro.ja.md"] = &fstest.MapFile{Data: []byte("# 入門\n\n```\nkubectl get pods   # 動いているPodをすべて一覧にして表示します\n```\n" + strings.Repeat("長い文章です。", 20) + "\n")}
	})
	if err := Lint(wide); err == nil || !strings.Contains(err.Error(), "lessons/intro.ja.md: line 4: a code line 62 columns wide") || strings.Count(err.Error(), "code line") != 1 {
		t.Errorf("lint error %v does not name the one wide code line", err)
	}
}

func TestJapaneseFoldedByYAMLIsAMistake(t *testing.T) {
	folded := withExercise("goal: {en: G, ja: G}", "goal:\n  en: G\n  ja: >-\n    Podを\n    作ります")
	_, err := Load(tree(folded))
	if err == nil || !strings.Contains(err.Error(), `exercises/2.1.yaml: goal.ja: a space between Japanese characters at "Podを 作ります"`) {
		t.Fatalf("got %v", err)
	}
	for _, fine := range []string{"`kubectl run 名前 --image=イメージ` で作ります", "Podを作ります。kubectl は便利", "Pod を作ります"} {
		if ps := TextProblems(Text{English: "x", Japanese: fine}); len(ps) != 0 {
			t.Errorf("%q: %v", fine, ps)
		}
	}
}

func TestASpaceBeforeALatinWordIsAFoldedLineBreak(t *testing.T) {
	folded := withExercise("goal: {en: G, ja: G}", "goal:\n  en: G\n  ja: >-\n    各ReplicaSetが自分の\n    Podの数を保ちます")
	_, err := Load(tree(folded))
	if err == nil || !strings.Contains(err.Error(), `exercises/2.1.yaml: goal.ja: a space between a Japanese character and a word at "etが自分の Podの数を"`) {
		t.Fatalf("got %v", err)
	}
	for bad, at := range map[string]string{"仮想IPと DNS名を与えます": "仮想IPと DNS名", "番号は 3つです": "番号は 3つです"} {
		if ps := TextProblems(Text{English: "x", Japanese: bad}); len(ps) != 1 || !strings.Contains(ps[0].Problem, at) {
			t.Errorf("%q: %v", bad, ps)
		}
	}
	for _, fine := range []string{"Service `web` を作ります", "`kubectl label pod 名前 tier-` で外せます", "Pod web を作ります", "名前は「web」です"} {
		if ps := TextProblems(Text{English: "x", Japanese: fine}); len(ps) != 0 {
			t.Errorf("%q: %v", fine, ps)
		}
	}
}

func TestANumberStartingAWrappedLineIsAMistake(t *testing.T) {
	ps := TextProblems(Text{English: "Two Pods on port\n80. Then a Service.", Japanese: "x"})
	if len(ps) != 1 || !strings.Contains(ps[0].Problem, `the line "80. Then a Service." starts with a number`) {
		t.Fatalf("got %v", ps)
	}
	list := "Steps:\n\n1. A ConfigMap with\n   a key.\n2. A Deployment.\n3. A Service."
	if ps := TextProblems(Text{English: list, Japanese: "x"}); len(ps) != 0 {
		t.Errorf("a real list: %v", ps)
	}
}

func TestASpaceAfterJapanesePunctuationIsAMistake(t *testing.T) {
	ps := TextProblems(Text{English: "x", Japanese: "Podを作り、 Serviceを置きます。"})
	if len(ps) != 1 || !strings.Contains(ps[0].Problem, `a space after Japanese punctuation at "odを作り、 Servic"`) {
		t.Fatalf("got %v", ps)
	}
	if ps := TextProblems(Text{English: "x", Japanese: "`a、 b` です。"}); len(ps) != 0 {
		t.Errorf("inside code: %v", ps)
	}
}

func TestEmphasisIsAMistakeOutsideCode(t *testing.T) {
	bold := withExercise("goal: {en: G, ja: G}", "goal: {en: 'Run it **without** resources', ja: G}")
	_, err := Load(tree(bold))
	if err == nil || !strings.Contains(err.Error(), `exercises/2.1.yaml: goal.en: Markdown emphasis at "un it **witho"`) {
		t.Fatalf("got %v", err)
	}
	if ps := TextProblems(Text{English: "glob `ls **/*.go`", Japanese: "x"}); len(ps) != 0 {
		t.Errorf("asterisks inside code: %v", ps)
	}
}

func TestAListOfAMapsKeysMustBeSorted(t *testing.T) {
	for expr, want := range map[string]string{
		"object.metadata.labels.map(k, k + '=' + object.metadata.labels[k])":                   "labels.map",
		"object.metadata.labels.map(k, k + '=' + object.metadata.labels[k]).sort()":            "",
		"object.data.map(k, k + ')').join(', ')":                                               "data.map",
		"object.spec.selector.matchLabels.map(k, k).sort().join(', ')":                         "",
		"object.spec.containers.map(c, c.image)":                                               "",
		"has(object.metadata.annotations) ? object.metadata.annotations.map(k, k).sort() : []": "",
	} {
		if got := unsortedMapList(expr); got != want {
			t.Errorf("unsortedMapList(%q) = %q, want %q", expr, got, want)
		}
	}
	unsorted := withExercise("have: object.metadata.name", "have: object.metadata.labels.map(k, k)")
	if _, err := Load(tree(unsorted)); err == nil || !strings.Contains(err.Error(), "labels.map(...) lists a map's keys, which come in no fixed order") {
		t.Fatalf("got %v", err)
	}
}

func TestLintReportsWordingTheGlossaryReplaces(t *testing.T) {
	const glossary = "terms:\n- use: サーバー\n  not: [サーバ]\n  note: n\n- use: デフォルト\n  not: [既定]\n  note: d\n"
	fs := tree(func(fs fstest.MapFS) {
		fs["glossary.yaml"] = &fstest.MapFile{Data: []byte(glossary)}
		fs["lessons/intro.ja.md"] = &fstest.MapFile{Data: []byte("# 入門\n\nAPIサーバーが答えます。\n\nAPIサーバが答えます。\n")}
		fs["quizzes/2.yaml"] = &fstest.MapFile{Data: []byte("explain: {ja: 既定値です}\n")}
	})
	err := Lint(fs)
	for _, want := range []string{`lessons/intro.ja.md: line 5: "サーバ" at "APIサーバが答えま": write "サーバー"`, `quizzes/2.yaml: line 1: "既定"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("lint error %v does not mention %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "line 3") {
		t.Errorf("the preferred term itself is reported: %v", err)
	}
	bad := tree(func(fs fstest.MapFS) { fs["glossary.yaml"] = &fstest.MapFile{Data: []byte("terms:\n- use: x\n")} })
	if err := Lint(bad); err == nil || !strings.Contains(err.Error(), "glossary.yaml: terms[0]") {
		t.Errorf("a term with no variants: %v", err)
	}
}

func TestTheCourseGlossaryIsLinted(t *testing.T) {
	g, err := LoadGlossary(content.FS)
	if err != nil || len(g.Terms) == 0 {
		t.Fatalf("content/glossary.yaml: %v, %d terms", err, len(g.Terms))
	}
	if err := Lint(content.FS); err != nil {
		t.Fatal(err)
	}
}
