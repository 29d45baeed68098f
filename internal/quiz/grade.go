package quiz

import (
	"slices"
	"strings"

	"kanzen.dev/kanzen/lessons"
)

// gradeLocal judges the question types whose answer is in the content.
func gradeLocal(q *Question, a Answer, lang lessons.Lang) Verdict {
	switch q.Type {
	case Single:
		v := Verdict{Want: q.Choices[q.Correct[0]].In(lang)}
		if len(a.Choices) != 1 {
			v.Reason = chooseOne.In(lang)
			return v
		}
		v.Reason = outOfRange(a.Choices, len(q.Choices), lang)
		v.Correct = a.Choices[0] == q.Correct[0]
		return v
	case Multiple:
		want := make([]string, len(q.Correct))
		for i, c := range q.Correct {
			want[i] = q.Choices[c].In(lang)
		}
		v := Verdict{Want: strings.Join(want, "; "), Wants: want}
		v.Reason = outOfRange(a.Choices, len(q.Choices), lang)
		chosen := slices.Clone(a.Choices)
		slices.Sort(chosen)
		chosen = slices.Compact(chosen)
		correct := slices.Sorted(slices.Values(q.Correct))
		v.Correct = slices.Equal(chosen, correct)
		return v
	case TrueFalse:
		v := Verdict{Want: truthWord(q.Truth).In(lang)}
		said, ok := a.boolean()
		if !ok {
			v.Reason = answerTrueFalse.In(lang)
		}
		v.Correct = ok && said == q.Truth
		return v
	case Order:
		want := make([]string, len(q.Items))
		for i, item := range q.Items {
			want[i] = item.In(lang)
		}
		v := Verdict{Want: strings.Join(want, " → "), Wants: want}
		if !isPermutation(a.Order, len(q.Items)) {
			v.Reason = notAPermutation.In(lang)
			return v
		}
		v.Correct = slices.IsSorted(a.Order)
		return v
	case Sort:
		return gradeSort(q, a, lang)
	}
	return Verdict{}
}

func truthWord(b bool) lessons.Text {
	if b {
		return answerTrue
	}
	return answerFalse
}

// outOfRange says which chosen index is not a choice, if any.
func outOfRange(chosen []int, n int, lang lessons.Lang) string {
	for _, c := range chosen {
		if c < 0 || c >= n {
			return choiceOutOfRange.With(c + 1).In(lang)
		}
	}
	return ""
}

// isPermutation reports whether order holds each of 0..n-1 once.
func isPermutation(order []int, n int) bool {
	if len(order) != n {
		return false
	}
	seen := make([]bool, n)
	for _, i := range order {
		if i < 0 || i >= n || seen[i] {
			return false
		}
		seen[i] = true
	}
	return true
}

// gradeSort wants every item in its category; the reason lists the
// misplaced ones with where the learner put them, and the explanation ends
// with the items' notes.
func gradeSort(q *Question, a Answer, lang lessons.Lang) Verdict {
	var misplaced, notes []string
	for _, item := range q.Sorted {
		put, ok := a.Sort[item.Name]
		if put != item.Category {
			where := unsorted.In(lang)
			if ok {
				where = put.Name(lang)
			}
			misplaced = append(misplaced, item.Name+" ("+where+")")
		}
		if len(item.Note) > 0 {
			notes = append(notes, "\n• "+item.Name+": "+strings.TrimSpace(item.Note.In(lang)))
		}
	}
	var groups []string
	for _, c := range q.Categories {
		var names []string
		for _, item := range q.Sorted {
			if item.Category == c {
				names = append(names, item.Name)
			}
		}
		if len(names) > 0 {
			groups = append(groups, c.Name(lang)+": "+strings.Join(names, ", "))
		}
	}
	v := Verdict{Correct: len(misplaced) == 0, Want: strings.Join(groups, "; "), Wants: groups, Explain: strings.Join(notes, "")}
	if len(misplaced) > 0 {
		v.Reason = misplacedItems.With(strings.Join(misplaced, ", ")).In(lang)
	}
	return v
}
