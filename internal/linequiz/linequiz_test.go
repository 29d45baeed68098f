package linequiz

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/lessons"
)

func TestAVerdictPrintsAsATranscript(t *testing.T) {
	var out bytes.Buffer
	s := New(context.Background(), lessons.English, nil, nil, strings.NewReader(""), &out, false)
	v := quiz.Verdict{
		Reason:  "`web` runs nginx:1.26",
		Want:    "for example: `kubectl run web --image=nginx:1.27`",
		Explain: "The tag\nnames the version.",
		Results: []check.Result{{Title: "it makes a Pod", Status: check.Fail, Have: "Deployment", Want: "Pod"}},
	}
	s.print(quiz.VerdictLines(v, quiz.Asked{Question: &quiz.Question{Type: quiz.Command}}, quiz.Answer{}, nil, lessons.English), 2)
	want := "✗ Not quite.\n" +
		"  web runs nginx:1.26\n" +
		"  ✗ it makes a Pod   have Deployment · want Pod\n" +
		"  Answer: for example: kubectl run web --image=nginx:1.27\n" +
		"  The tag\n  names the version.\n"
	if got := out.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestASummaryPrintsTheScoreAtTheLinesStart(t *testing.T) {
	var out bytes.Buffer
	s := New(context.Background(), lessons.Japanese, nil, nil, strings.NewReader(""), &out, false)
	z := &quiz.Quiz{Chapter: "3", PassMark: 0.8, Questions: []*quiz.Question{{ID: "a", Type: quiz.TrueFalse}}}
	run := quiz.NewRun(z, 1)
	run.Next()
	run.Record(quiz.Verdict{Correct: true})
	s.Summary(run, nil)
	for _, want := range []string{"\n第3章のクイズが終わりました\n", "\nスコア：1問中1問正解（100%）\n", "\n合格ライン80%：合格 ✓\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the summary lacks %q:\n%s", want, out.String())
		}
	}
}
