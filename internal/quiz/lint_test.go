package quiz

import (
	"strings"
	"testing"

	"kanzen.dev/kanzen/lessons"
)

// singles makes a quiz of single-choice questions; the right choice of the
// first `longest` questions is the longest one, of the rest the shortest.
func singles(count, longest int) *Quiz {
	z := &Quiz{Chapter: "9"}
	for i := range count {
		short := lessons.Text{lessons.English: "no", lessons.Japanese: "いいえ"}
		long := lessons.Text{lessons.English: "yes, because", lessons.Japanese: "はい、なぜなら"}
		q := &Question{ID: "q" + string(rune('a'+i)), Type: Single, Choices: []lessons.Text{short, long}, Correct: []int{0}}
		if i < longest {
			q.Correct = []int{1}
		}
		z.Questions = append(z.Questions, q)
	}
	return z
}

func TestLintNamesQuestionsWhoseLengthGivesTheAnswerAway(t *testing.T) {
	err := Lint([]*Quiz{singles(10, 5)})
	if err == nil {
		t.Fatal("5 of 10 right choices being the longest passed the lint")
	}
	for _, want := range []string{"quizzes/9.yaml: choices.en:", "choices.ja:", "longest in 5 of 10", "at most 4 may be", "qa, qb, qc, qd, qe"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("lint said %q, want it to mention %q", err, want)
		}
	}
	if err := Lint([]*Quiz{singles(10, 4)}); err != nil {
		t.Errorf("4 of 10 is within the share, got %v", err)
	}
	if err := Lint([]*Quiz{singles(4, 4)}); err != nil {
		t.Errorf("a quiz of 4 single-choice questions is too small to judge, got %v", err)
	}
}

func TestATieForLongestGivesNothingAway(t *testing.T) {
	same := lessons.Text{lessons.English: "abc"}
	if isLongest([]lessons.Text{same, same}, 0, lessons.English) {
		t.Error("two equally long choices: the first counted as the longest")
	}
}
