package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/session"
	"kanzen.dev/kanzen/internal/textwrap"
	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/lessons"
)

// phase is where an exercise stands between kanzen and the cluster.
type phase int

const (
	// looking: kanzen is finding out whether the exercise was started.
	looking phase = iota
	notStarted
	starting
	resetting
	watching
	// failed: starting or opening it failed; err says why.
	failed
)

// exercisePane is the exercise beside the lesson: goal, checks, hints, the
// live objects. It holds the exercise's session while it is shown.
type exercisePane struct {
	ex       *lessons.Exercise
	phase    phase
	session  *session.Session
	snapshot watch.Snapshot
	results  []check.Result
	// deadEnds are the states in the snapshot the checks cannot come
	// back from without starting over.
	deadEnds []string
	err      error
	watchErr error
	offset   int
	// startWhenLooked remembers an enter pressed while kanzen was still
	// looking for the exercise's namespace.
	startWhenLooked bool
	// gone says the namespace was deleted while the pane watched it.
	gone bool
}

// namespace is where the exercise lives.
func (p *exercisePane) namespace() string {
	if p.session != nil {
		return p.session.Info.Namespace
	}
	return exerciseNamespace(p.ex.ID)
}

// tally is " 4/6" for an exercise being watched: the passing checks, so a
// narrow screen shows progress on the tab.
func (p *exercisePane) tally() string {
	if p.phase != watching || len(p.results) == 0 {
		return ""
	}
	passed, judged := check.Tally(p.results)
	return fmt.Sprintf(" %d/%d", passed, judged)
}

// denied explains the cluster's refusal of a list or watch the exercise
// needs, or is empty.
func (p *exercisePane) denied(lang lessons.Lang) string {
	if p.ex == nil || p.phase != watching {
		return ""
	}
	return session.Denied(p.watchErr, p.ex.ID, lang)
}

// evaluate re-judges the last snapshot, and finds its dead ends; both are
// pure and fast, so Update may call it (a language switch re-words them).
func (p *exercisePane) evaluate(lang lessons.Lang) {
	if p.session != nil {
		p.results = p.session.Evaluate(p.snapshot, lang)
		p.deadEnds = distinct(p.session.DeadEnds(p.snapshot, lang))
	}
}

// distinct drops repeats, keeping the first of each: every check that
// names a misspelt object reports the same slip.
func distinct(said []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range said {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// exerciseText is the pane's content and where the parts a key reveals
// start, so that revealing one can bring it into view.
type exerciseText struct {
	lines []string
	// hints holds the first line of each hint shown; solution is the
	// solution's first line, or -1, and revealed the line after both.
	hints              []int
	solution, revealed int
}

// text draws the pane's content in f.w cells, before scrolling; problem
// says why exercises cannot run, if they cannot, and record is the
// learner's on this exercise.
func (p *exercisePane) text(f frame, problem string, record progress.Exercise) exerciseText {
	t := exerciseText{solution: -1}
	t.lines = p.draw(f, problem, record, &t)
	return t
}

func (p *exercisePane) draw(f frame, problem string, record progress.Exercise, t *exerciseText) []string {
	st, lang, w := f.st, f.lang, f.w
	ex := p.ex
	var out []string
	add := func(s ...string) { out = append(out, s...) }
	para := func(s string, style func(...string) string) {
		for _, l := range strings.Split(reflow(s), "\n") {
			add(hanging(l, w, style, st.key.Render)...)
		}
	}

	for i, l := range textwrap.Wrap(ex.Title.In(lang), max(w-len(ex.ID)-1, 1)) {
		if i == 0 {
			add(st.title.Render(ex.ID + " " + l))
		} else {
			add(st.title.Render(strings.Repeat(" ", len(ex.ID)+1) + l))
		}
	}
	para(ex.Goal.In(lang), plain)
	if len(ex.Note) > 0 {
		add("")
		para(ex.Note.In(lang), st.dim.Render)
	}
	add("")

	switch p.phase {
	case looking:
		add(st.dim.Render(connectingStatus.In(lang) + "…"))
		return out
	case notStarted:
		if problem != "" {
			para(problem, st.warn.Render)
			return out
		}
		if p.gone {
			para(namespaceGone.With(p.namespace()).In(lang), st.warn.Render)
			add("")
		}
		para(startPrompt.With(p.namespace()).In(lang), st.key.Render)
		return out
	case starting:
		para(startingExercise.With(p.namespace()).In(lang), st.dim.Render)
		return out
	case resetting:
		para(resettingExercise.With(p.namespace()).In(lang), st.dim.Render)
		return out
	case failed:
		para(p.err.Error(), st.bad.Render)
		if problem != "" {
			add("")
			para(problem, st.warn.Render)
		}
		return out
	}

	add(styled(textwrap.Wrap("ns "+p.namespace()+" ·"+p.tally(), w), st.dim.Render)...)
	if why := p.denied(lang); why != "" {
		para(why, st.bad.Render)
		add("")
	}
	for _, d := range p.deadEnds {
		para(d+startOver.With(resetKey.footName()).In(lang), st.warn.Render)
		add("")
	}
	for _, r := range p.results {
		add(resultLines(r, w, st, lang)...)
	}
	add("")
	if check.AllPass(p.results) {
		if done := "✓ " + allPass.In(lang); ansi.StringWidth(done+"  "+nextStep.In(lang)) <= w {
			add(st.good.Render(done) + "  " + st.dim.Render(nextStep.In(lang)))
		} else {
			add(styled(textwrap.Wrap(done, w), st.good.Render)...)
			add(styled(textwrap.Wrap(nextStep.In(lang), w), st.dim.Render)...)
		}
		add("")
		add(st.title.Render(debriefHeading.In(lang)))
		para(ex.Debrief.In(lang), plain)
		add("")
	}
	hints, shown := record.HintsUsed, record.SolutionShown
	for i := 0; i < hints && i < len(ex.Hints); i++ {
		t.hints = append(t.hints, len(out))
		para(fmt.Sprintf("%s %d/%d: %s", hintKey.short.In(lang), i+1, len(ex.Hints), ex.Hints[i].In(lang)), st.warn.Render)
	}
	if shown {
		t.solution = len(out)
		add(styled(textwrap.Wrap(solutionHeader.With(p.namespace()).In(lang), w), st.title.Render)...)
		for _, cmd := range ex.Solution {
			for _, l := range strings.Split(cmd, "\n") {
				add(styled(hangWrap("  "+l, w, "    "), st.key.Render)...)
			}
		}
	}
	t.revealed = len(out)
	keys := footerText(working(exerciseFooter, p), lang, 0)
	if hints < len(ex.Hints) && hintKey.works(p) {
		// The next hint's number, while one is left to reveal.
		keys = fmt.Sprintf("%s %d/%d · %s", hintKey.footer(lang, 0), hints+1, len(ex.Hints), keys)
	}
	add(styled(textwrap.Wrap(keys, w), st.dim.Render)...)
	add("")
	add(styled(textwrap.Wrap("── "+liveHeading.In(lang)+" ──", w), st.dim.Render)...)
	add(liveLines(p.snapshot, ex.Kinds, w, st, lang)...)
	return out
}

// exerciseRecord is the learner's record of one exercise, or an empty one.
func exerciseRecord(p *progress.Progress, id string) progress.Exercise {
	if p != nil {
		if r := p.Exercises[id]; r != nil {
			return *r
		}
	}
	return progress.Exercise{}
}
