package lessons

import (
	"strings"
	"testing"
	"testing/fstest"

	"kanzen.dev/kanzen/content"
)

func TestEmbeddedCourseIsValid(t *testing.T) {
	c, err := Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Chapters) != 5 {
		t.Fatalf("the course covers chapters 1–5, got %d chapters", len(c.Chapters))
	}
	for i, ch := range c.Chapters {
		if want := string(rune('1' + i)); ch.ID != want {
			t.Errorf("chapter %d has id %q, want %q", i, ch.ID, want)
		}
	}
}

func TestValidationNamesFileAndField(t *testing.T) {
	cases := map[string]struct {
		yaml string
		want []string
	}{
		"missing japanese title": {
			yaml: "title: {en: T, ja: T}\nchapters:\n- id: '1'\n  title: {en: A}\n  summary: {en: s, ja: s}\n",
			want: []string{"course.yaml: chapters[0].title.ja: missing"},
		},
		"duplicate id": {
			yaml: "title: {en: T, ja: T}\nchapters:\n- id: '1'\n  title: {en: A, ja: A}\n  summary: {en: s, ja: s}\n- id: '1'\n  title: {en: B, ja: B}\n  summary: {en: s, ja: s}\n",
			want: []string{`chapters[1].id: duplicate id "1"`},
		},
		"unknown language": {
			yaml: "title: {en: T, ja: T, fr: T}\nchapters:\n- id: '1'\n  title: {en: A, ja: A}\n  summary: {en: s, ja: s}\n",
			want: []string{"title.fr: unknown language"},
		},
		"unknown field": {
			yaml: "title: {en: T, ja: T}\nchapterz: []\n",
			want: []string{"course.yaml:", "chapterz"},
		},
		"no chapters": {
			yaml: "title: {en: T, ja: T}\n",
			want: []string{"chapters: the course has no chapters"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"course.yaml": {Data: []byte(tc.yaml)}})
			if err == nil {
				t.Fatal("invalid content loaded without error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestTextFallsBackToEnglish(t *testing.T) {
	text := Text{English: "hello"}
	if got := text.In(Japanese); got != "hello" {
		t.Fatalf("In(ja) = %q, want the English fallback", got)
	}
}

func TestMessageShowsNestedPhrasesInItsLanguage(t *testing.T) {
	unit := Text{English: "%d questions", Japanese: "%d問"}
	line := Text{English: "Score: %v (%s)", Japanese: "スコア：%v（%s）"}
	m := line.With(unit.With(3), Text{English: "passed", Japanese: "合格"})
	if got := m.In(English); got != "Score: 3 questions (passed)" {
		t.Errorf("English: %q", got)
	}
	if got := m.In(Japanese); got != "スコア：3問（合格）" {
		t.Errorf("Japanese: %q", got)
	}
	if got := (Text{English: "100%"}).With().In(Japanese); got != "100%" {
		t.Errorf("a message without arguments is its text as written, got %q", got)
	}
}
