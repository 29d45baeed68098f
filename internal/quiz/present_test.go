package quiz

import (
	"strings"
	"testing"

	"kanzen.dev/kanzen/lessons"
)

// texts are the lines' texts with their marks, one a line.
func texts(lines []Line) string {
	var out []string
	for _, l := range lines {
		out = append(out, l.Mark+l.Text+l.Badge)
	}
	return strings.Join(out, "\n")
}

func TestAVerdictIsPresentedInEitherLanguage(t *testing.T) {
	q := load(t).Question("pod-category")
	asked := Asked{Question: q}
	v := Verdict{Want: "Workloads", Reason: "`web` is not it", Explain: "Pods run containers.", Lesson: "categories"}
	for lang, want := range map[lessons.Lang][]string{
		lessons.English:  {"✗ Not quite.", "`web` is not it", "Answer:", "Workloads", "Pods run containers."},
		lessons.Japanese: {"✗ 不正解です。", "正解：", "Workloads"},
	} {
		got := texts(VerdictLines(v, asked, Answer{}, nil, lang))
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: the verdict lacks %q:\n%s", lang, w, got)
			}
		}
	}
	if got := texts(VerdictLines(Verdict{Correct: true}, asked, Answer{}, nil, lessons.English)); got != "✓ Right." {
		t.Errorf("a right answer reads %q", got)
	}
	refused := VerdictLines(Verdict{Refused: true, Reason: "leave out -n"}, asked, Answer{}, nil, lessons.English)
	if got := texts(refused); got != "! leave out -n\nType it again." {
		t.Errorf("a refused answer reads %q", got)
	}
}

func TestASummarySaysTheScoreThePassMarkAndWhatWentToReview(t *testing.T) {
	z := load(t)
	run := NewRun(z, 1)
	for range run.Questions() {
		run.Next()
		run.Record(Verdict{})
	}
	where := lessons.Text{lessons.English: " (there)"}
	got := texts(SummaryLines(run, 3, where, lessons.English))
	for _, want := range []string{
		"Quiz of chapter " + z.Chapter + " finished",
		"Score: 0 of ",
		"Pass mark ",
		"not passed",
		"missed went to review (there):",
		"Questions due for review now: 3",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the summary lacks %q:\n%s", want, got)
		}
	}
}
