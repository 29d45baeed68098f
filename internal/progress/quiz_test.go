package progress

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestQuizResultsRoundTrip(t *testing.T) {
	s := testStore(t)
	due := t0.AddDate(0, 0, 3)
	saved, err := s.Update(func(p *Progress) {
		p.RecordQuiz("4", QuizRun{Score: 7, Total: 10, Time: t0})
		p.RecordQuiz("4", QuizRun{Score: 9, Total: 10, Passed: true, Time: t0.Add(time.Hour)})
		p.SetQuizCard("4/pod-category", QuizCard{Box: 3, Due: due, Last: Correct, Answered: t0})
		p.SetQuizCard("4/pv-namespaced", QuizCard{Last: Correct, Answered: t0})
	})
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(loaded, saved) {
		t.Fatalf("loaded %+v, saved %+v", loaded.Quiz, saved.Quiz)
	}
	if c := loaded.QuizCard("4/pod-category"); c.Box != 3 || !c.Due.Equal(due) {
		t.Errorf("card %+v", c)
	}
	data, _ := os.ReadFile(s.Path)
	for _, want := range []string{`"quiz": {`, `"chapters": {`, `"best": {`, `"score": 9`, `"4/pod-category": {`, `"box": 3`, `"last": "correct"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file does not read %s:\n%s", want, data)
		}
	}
}

func TestAnOldFileWithoutQuizzesLoads(t *testing.T) {
	s := testStore(t)
	if err := os.MkdirAll(filepath.Dir(s.Path), 0o700); err != nil {
		t.Fatal(err)
	}
	old := `{"version": 1, "lang": "ja", "last": {"lesson": "pods"}, "exercises": {"2.1": {"hintsUsed": 2}}}`
	if err := os.WriteFile(s.Path, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.QuizResults("4"); ok || p.QuizCard("4/x") != (QuizCard{}) || p.Exercise("2.1").HintsUsed != 2 {
		t.Fatalf("loaded %+v", p)
	}
	// Saving progress without quiz results writes no quiz field.
	if _, err := s.Update(func(p *Progress) { p.Lang = "en" }); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(s.Path); strings.Contains(string(data), "quiz") {
		t.Errorf("an empty quiz record is written:\n%s", data)
	}
}

func TestBestIsTheHighestScoreAsAFraction(t *testing.T) {
	p := New()
	runs := []QuizRun{{Score: 4, Total: 5}, {Score: 7, Total: 10}, {Score: 8, Total: 10}, {Score: 3, Total: 3}, {Score: 0, Total: 0}}
	for i, r := range runs {
		r.Time = t0.Add(time.Duration(i) * time.Hour)
		p.RecordQuiz("4", r)
	}
	res, _ := p.QuizResults("4")
	if res.Best.Score != 3 || res.Best.Total != 3 || res.Last.Total != 0 {
		t.Fatalf("results %+v", res)
	}
	p = New()
	p.RecordQuiz("4", QuizRun{Score: 4, Total: 5, Time: t0})
	p.RecordQuiz("4", QuizRun{Score: 8, Total: 10, Time: t0.Add(time.Hour)})
	if res, _ := p.QuizResults("4"); !res.Best.Time.Equal(t0) {
		t.Errorf("an equal score replaced the best: %+v", res.Best)
	}
}
