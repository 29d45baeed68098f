package check

import (
	"errors"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"

	"kanzen.dev/kanzen/lessons"
)

// Evaluate judges every check against one input, in order.
func (p *Program) Evaluate(in Input, lang lessons.Lang) []Result {
	sc := newScope(&in, p.adapter)
	results := make([]Result, len(p.checks))
	// A check that cannot be judged here does not hold back the checks
	// that need it: they are judged on what can be seen.
	met := make(map[string]bool, len(p.checks))
	for i := range p.checks {
		c := &p.checks[i]
		results[i] = c.judge(sc, met, lang)
		met[c.ID] = results[i].Status == Pass || results[i].Status == Unavailable
	}
	return results
}

// judge applies the rules for one check; passed holds the earlier checks'
// verdicts for needs.
func (c *compiled) judge(sc *scope, passed map[string]bool, lang lessons.Lang) Result {
	r := Result{ID: c.ID, Title: c.Title.In(lang)}
	v, found := c.varsFor(sc)
	want, wantErr := c.wantValue(v)
	r.Want = c.WantText.In(lang)
	if r.Want == "" && c.want != nil {
		r.Want = display(want, wantErr, lang)
	}
	switch {
	case c.needsContainers && sc.in.SimulatedNodes:
		r.Status, r.Have = Unavailable, simulated.In(lang)
	case !sc.snap.Synced || !c.needsMet(passed):
		r.Status = Pending
	case !found:
		r.Status, r.Have = Fail, notFound.In(lang)
	default:
		have, err := eval(c.have, v)
		r.Have = c.show(display(have, err, lang), lang)
		if err == nil && wantErr == nil && c.passes(v, have, want) {
			r.Status = Pass
		} else {
			r.Status = Fail
		}
	}
	if r.Status == Fail {
		r.Hint = c.Hint.In(lang)
	}
	return r
}

// needsMet reports whether every check this one needs has passed.
func (c *compiled) needsMet(passed map[string]bool) bool {
	for _, id := range c.Needs {
		if !passed[id] {
			return false
		}
	}
	return true
}

// wantValue evaluates want; a check without one wants null.
func (c *compiled) wantValue(v *vars) (ref.Val, error) {
	if c.want == nil {
		return types.NullValue, nil
	}
	return eval(c.want, v)
}

// passes applies the pass condition, or have == want without one. A pass
// condition that errs or yields a non-bool fails the check.
func (c *compiled) passes(v *vars, have, want ref.Val) bool {
	if c.pass == nil {
		return have.Equal(want) == types.True
	}
	v.have, v.want = have, want
	out, err := eval(c.pass, v)
	return err == nil && out == types.True
}

// show replaces a have value with the check's words for it, if any.
func (c *compiled) show(have string, lang lessons.Lang) string {
	if words, ok := c.Show[have]; ok {
		return words.In(lang)
	}
	return have
}

// errUnknown reports a result that depends on something unknown; kanzen
// binds every variable, so this only happens through a content mistake.
var errUnknown = errors.New("result is unknown")

// eval runs one expression, turning error and unknown values into errors.
func eval(p cel.Program, v *vars) (ref.Val, error) {
	out, _, err := p.Eval(v)
	if err == nil && types.IsUnknownOrError(out) {
		err = errUnknown
	}
	return out, err
}
