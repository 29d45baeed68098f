package quiz

import "testing"

func TestMixedSpansEveryChapter(t *testing.T) {
	quizzes := contentQuizzes(t)
	total := 0
	for _, z := range quizzes {
		total += len(z.Questions)
	}
	for _, n := range []int{len(quizzes), 12, 20} {
		got := Mixed(quizzes, n, 7)
		if len(got) != n {
			t.Fatalf("Mixed(%d) gave %d questions", n, len(got))
		}
		chapters, seen := map[string]int{}, map[string]bool{}
		for _, q := range got {
			if seen[q.Key()] {
				t.Errorf("Mixed(%d) asks %s twice", n, q.Key())
			}
			seen[q.Key()] = true
			chapters[q.Chapter]++
		}
		for _, z := range quizzes {
			if low, high := n/len(quizzes), (n+len(quizzes)-1)/len(quizzes); chapters[z.Chapter] < low || chapters[z.Chapter] > high {
				t.Errorf("Mixed(%d): chapter %s gave %d questions, want %d to %d", n, z.Chapter, chapters[z.Chapter], low, high)
			}
		}
	}
	if got := Mixed(quizzes, total+10, 7); len(got) != total {
		t.Errorf("asking for more than there are gave %d of %d", len(got), total)
	}
	a, b := Mixed(quizzes, 10, 1), Mixed(quizzes, 10, 2)
	same := true
	for i := range a {
		same = same && a[i] == b[i]
	}
	if same {
		t.Error("two seeds drew the same questions in the same order")
	}
}
