package check

import (
	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"

	"kanzen.dev/kanzen/lessons"
)

// deadEnd is one of the exercise's dead ends with its condition compiled.
type deadEnd struct {
	lessons.DeadEnd
	when cel.Program
}

// DeadEnds says, in lang, each state of the input the checks cannot come
// back from by themselves: the exercise's own dead ends whose condition
// holds, then every object that looks like a misspelling of one a check
// names. An empty list means the learner can still finish.
func (p *Program) DeadEnds(in Input, lang lessons.Lang) []string {
	sc := newScope(&in, p.adapter)
	v := &vars{scope: sc, object: types.NullValue, objects: types.NullValue}
	var out []string
	for _, d := range p.deadEnds {
		// A condition that fails to evaluate says nothing: a dead end is
		// advice, never a verdict.
		if got, err := eval(d.when, v); err == nil && got == types.True {
			out = append(out, d.Say.In(lang))
		}
	}
	for _, c := range p.checks {
		if c.Target == nil || c.Target.Name == "" {
			continue
		}
		if _, found := c.match(sc.snap.Objects); found {
			continue
		}
		for _, o := range sc.snap.Objects[c.Target.Kind] {
			if name := meta(o, "name"); nearName(name, c.Target.Name) {
				out = append(out, didYouMean.With(c.Target.Kind, c.Target.Name, name).In(lang))
			}
		}
	}
	return out
}

// nearName reports whether have reads like a slip of the keyboard for
// want: at most one edit in a short name, two in a longer one.
func nearName(have, want string) bool {
	if have == want {
		return false
	}
	return editDistance(have, want) <= max(1, len(want)/5)
}

// editDistance is the Levenshtein distance between two names.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

var didYouMean = lessons.Text{
	lessons.English:  "There is no %[1]s %[2]s, but there is a %[1]s %[3]s: did you mean %[2]s? A name cannot be changed: create %[2]s, then delete %[3]s.",
	lessons.Japanese: "%[1]s %[2]sはありませんが、%[1]s %[3]sがあります。%[2]sのつもりでしたか？ 名前は変更できないので、%[2]sを作ってから%[3]sを削除してください。",
}
