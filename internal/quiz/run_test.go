package quiz

import (
	"context"
	"slices"
	"testing"
	"time"

	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/lessons"
)

func TestShufflesAreFixedBySeedAndNeverGiveTheAnswer(t *testing.T) {
	z := load(t)
	shown := func(seed uint64) []int {
		r := NewRun(z, seed)
		for {
			a, ok := r.Next()
			if !ok {
				t.Fatal("no order question")
			}
			if a.Type == Order {
				return a.Shown
			}
			r.Record(Verdict{Correct: true})
		}
	}
	if !slices.Equal(shown(7), shown(7)) {
		t.Error("one seed shuffles two ways")
	}
	differs := false
	for seed := range uint64(20) {
		s := shown(seed)
		if slices.IsSorted(s) || len(s) != 3 {
			t.Fatalf("seed %d shows %v", seed, s)
		}
		differs = differs || !slices.Equal(s, shown(0))
	}
	if !differs {
		t.Error("every seed shuffles alike")
	}
}

func TestAnswerByShownPositions(t *testing.T) {
	q := load(t).Question("cronjob-chain")
	a := NewReview([]*Question{q}, 3)
	asked, _ := a.Next()
	// The learner picks the shown items in their right order: the position
	// of item 0, then of item 1, then of item 2.
	positions := make([]int, len(asked.Shown))
	for pos, item := range asked.Shown {
		positions[item] = pos
	}
	if v := a.Answer(context.Background(), nil, asked.OrderAnswer(positions), lessons.English); !v.Correct {
		t.Fatalf("shown %v, answered %v: %+v", asked.Shown, positions, v)
	}
	items := asked.ShownItems(lessons.English)
	if len(items) != 3 || items[positions[0]] != "CronJob" {
		t.Errorf("ShownItems = %v", items)
	}
}

// sit answers every question of a run with answer(q), without a cluster.
// A refused answer would be asked again forever, so it ends the run.
func sit(r *Run, answer func(*Question) Answer) {
	for {
		a, ok := r.Next()
		if !ok {
			return
		}
		if v := r.Answer(context.Background(), nil, answer(a.Question), lessons.English); v.Refused {
			panic("refused: " + v.Reason)
		}
	}
}

func right(q *Question) Answer {
	switch q.Type {
	case Single, Multiple:
		return Choose(q.Correct...)
	case TrueFalse:
		return Says(q.Truth)
	case Order:
		return Answer{Order: []int{0, 1, 2}}
	case Sort:
		m := map[string]Category{}
		for _, item := range q.Sorted {
			m[item.Name] = item.Category
		}
		return Answer{Sort: m}
	case Command:
		return Typed(q.Examples[0])
	}
	return Typed("deploy")
}

func TestScoreLeavesOutSkippedQuestions(t *testing.T) {
	z := load(t)
	r := NewRun(z, 1)
	sit(r, right)
	s := r.Score()
	// Five right, and the command and discovery questions skipped.
	if s.Correct != 5 || s.Judged != 5 || s.Skipped != 2 || !s.Passed() || s.Fraction() != 1 || !r.Done() {
		t.Fatalf("score %+v", s)
	}
	r = NewRun(z, 1)
	sit(r, func(q *Question) Answer {
		if q.ID == "pod-category" {
			return Choose(2)
		}
		return right(q)
	})
	if s := r.Score(); s.Correct != 4 || s.Judged != 5 || !s.Passed() {
		t.Errorf("4 of 5 at 0.8: %+v, passed %v", s, s.Passed())
	}
	if s := (Score{Correct: 3, Judged: 5, PassMark: 0.8}); s.Passed() {
		t.Error("3 of 5 passes at 0.8")
	}
	if s := (Score{Skipped: 2, PassMark: 0.8}); s.Passed() || s.Fraction() != 0 {
		t.Error("nothing judged passes")
	}
}

func TestARefusedAnswerAsksAgain(t *testing.T) {
	z := load(t)
	r := NewReview([]*Question{z.Question("run-web"), z.Question("pod-category")}, 1)
	v := r.Answer(context.Background(), nil, Typed("kubectl get pods"), lessons.English)
	if !v.Refused {
		t.Fatalf("verdict %+v", v)
	}
	if a, _ := r.Next(); a.ID != "run-web" || a.Number != 1 || a.Count != 2 || len(r.Outcomes()) != 0 {
		t.Fatalf("after a refusal the run is at %s", a.ID)
	}
	r.Answer(context.Background(), nil, Typed("kubectl run web --image=nginx:1.27 --port=80"), lessons.English)
	if a, _ := r.Next(); a.ID != "pod-category" || a.Number != 2 {
		t.Fatalf("after a skipped answer the run is at %s", a.ID)
	}
}

// sitAndSave answers every question and saves each answer as it goes.
func sitAndSave(r *Run, p *progress.Progress, now time.Time, answer func(*Question) Answer) {
	for {
		a, ok := r.Next()
		if !ok {
			return
		}
		r.Answer(context.Background(), nil, answer(a.Question), lessons.English)
		r.SaveLatest(p, now)
	}
}

func TestSaveRecordsScoresAndCards(t *testing.T) {
	z := load(t)
	now := time.Date(2026, 11, 3, 20, 0, 0, 0, time.UTC)
	p := progress.New()
	r := NewRun(z, 1)
	sitAndSave(r, p, now, func(q *Question) Answer {
		if q.ID == "pv-namespaced" {
			return Says(true)
		}
		return right(q)
	})
	res, ok := p.QuizResults("4")
	if !ok || res.Last != (progress.QuizRun{Score: 4, Total: 5, Passed: true, Time: now}) || res.Best != res.Last {
		t.Fatalf("results %+v", res)
	}
	if c := p.QuizCard("4/pv-namespaced"); c.Box != 1 || !c.Due.Equal(now) || c.Last != progress.Missed {
		t.Errorf("the missed question's card: %+v", c)
	}
	if c := p.QuizCard("4/pod-category"); c.Box != 0 || c.Last != progress.Correct || !c.Answered.Equal(now) {
		t.Errorf("a right question's card: %+v", c)
	}
	if _, ok := p.Quiz.Questions["4/run-web"]; ok {
		t.Error("a skipped question got a card")
	}
	// A worse run is the last, not the best.
	r = NewRun(z, 2)
	later := now.Add(time.Hour)
	sitAndSave(r, p, later, func(q *Question) Answer {
		if q.Type == Command {
			return right(q)
		}
		return Answer{}
	})
	if res, _ := p.QuizResults("4"); res.Last.Score != 0 || res.Last.Passed || res.Best.Score != 4 {
		t.Errorf("after a worse run: %+v", res)
	}
	// A review records cards but no chapter score, and an unfinished run no score.
	r = NewReview(Due([]*Quiz{z}, p, "", later), 3)
	r.Answer(context.Background(), nil, right(z.Question("pod-category")), lessons.English)
	r.SaveLatest(p, later)
	if res, _ := p.QuizResults("4"); !res.Last.Time.Equal(later) || res.Last.Score != 0 {
		t.Errorf("a review changed the chapter's score: %+v", res)
	}
}

func TestChoicesAreShuffledAndAnsweredByShownPosition(t *testing.T) {
	z := load(t)
	var q *Question
	for _, c := range z.Questions {
		if c.Type == Single {
			q = c
			break
		}
	}
	firsts := map[int]bool{}
	for seed := range uint64(30) {
		r := NewReview([]*Question{q}, seed)
		asked, _ := r.Next()
		if len(asked.Shown) != len(q.Choices) {
			t.Fatalf("shown %v for %d choices", asked.Shown, len(q.Choices))
		}
		firsts[asked.Shown[0]] = true
		at := slices.Index(asked.Shown, q.Correct[0])
		if asked.ShownItems(lessons.English)[at] != q.Choices[q.Correct[0]].In(lessons.English) {
			t.Fatalf("ShownItems does not follow Shown")
		}
		if v := r.Answer(context.Background(), nil, asked.ChoiceAnswer(at), lessons.English); !v.Correct {
			t.Fatalf("the right choice, shown at %d of %v, was judged wrong", at, asked.Shown)
		}
	}
	if len(firsts) < 2 {
		t.Error("the same choice always comes first")
	}
}
