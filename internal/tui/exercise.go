package tui

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"

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

// reflow joins the lines of each paragraph, as Markdown does, so that text
// written in YAML blocks wraps to the pane instead of to the source. A list
// item starts a line of its own.
func reflow(s string) string {
	paras := strings.Split(strings.TrimSpace(s), "\n\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		for j := range lines {
			lines[j] = strings.TrimSpace(lines[j])
		}
		joined := lines[0]
		for _, l := range lines[1:] {
			// Japanese joins without a space.
			if listItem.MatchString(l) {
				joined += "\n" + l
			} else if joined != "" && l != "" && (isWide(lastRune(joined)) || isWide(firstRune(l))) {
				joined += l
			} else {
				joined += " " + l
			}
		}
		paras[i] = joined
	}
	return strings.Join(paras, "\n\n")
}

// listItem is the start of a Markdown list item.
var listItem = regexp.MustCompile(`^([-*•]|[0-9]+\.) `)

func lastRune(s string) rune  { r := []rune(s); return r[len(r)-1] }
func firstRune(s string) rune { return []rune(s)[0] }
func isWide(r rune) bool      { return ansi.StringWidth(string(r)) > 1 }

// paragraph wraps text, setting `code` apart; backticks become zero-width
// marks while wrapping, so that they do not count towards the width.
func paragraph(s string, w int, text, code func(...string) string) []string {
	var out []string
	for _, l := range textwrap.Wrap(strings.ReplaceAll(strings.TrimSpace(s), "`", codeMark), w) {
		out = append(out, inlineCode(l, text, code))
	}
	return out
}

// hanging wraps one paragraph; a list item's lines after its first are
// indented under its text.
func hanging(s string, w int, text, code func(...string) string) []string {
	indent := ""
	if m := listItem.FindString(s); m != "" {
		indent = strings.Repeat(" ", ansi.StringWidth(m))
	}
	lines := paragraph(s, max(w-len(indent), 1), text, code)
	for i := 1; i < len(lines); i++ {
		lines[i] = indent + lines[i]
	}
	return lines
}

// codeMark stands for a Markdown backtick while text is wrapped.
const codeMark = "\u200b"

// inlineCode drops the code marks and sets the code apart; a wrapped line
// with an odd count keeps the style as far as it goes.
func inlineCode(line string, text, code func(...string) string) string {
	parts := strings.Split(line, codeMark)
	var b strings.Builder
	for i, p := range parts {
		if p == "" {
			continue
		}
		if i%2 == 1 {
			b.WriteString(code(p))
		} else {
			b.WriteString(text(p))
		}
	}
	return b.String()
}

// resultLines is one check: its mark and title, and have/want while it
// does not pass (beside a one-line title when there is room).
func resultLines(r check.Result, w int, st styles, lang lessons.Lang) []string {
	mark := map[check.Status]string{check.Pass: st.good.Render("✓"), check.Fail: st.bad.Render("✗"),
		check.Pending: st.dim.Render("·"), check.Unavailable: st.dim.Render("○")}[r.Status]
	titleLines := textwrap.Wrap(r.Title, max(w-2, 1))
	for i := range titleLines {
		titleLines[i] = "  " + titleLines[i]
	}
	titleLines[0] = mark + " " + strings.TrimPrefix(titleLines[0], "  ")
	title := titleLines[len(titleLines)-1]
	var detail string
	style := st.dim
	switch r.Status {
	case check.Fail:
		detail, style = check.HaveLabel.With(orDash(r.Have)).In(lang)+" · "+check.WantLabel.With(orDash(r.Want)).In(lang), st.bad
		if ansi.StringWidth(detail) > w-4 {
			// Too long for one line: want starts a line of its own, so
			// that it reads apart from have.
			detail = check.HaveLabel.With(orDash(r.Have)).In(lang) + "\n" + check.WantLabel.With(orDash(r.Want)).In(lang)
		}
	case check.Pending:
		detail = pendingCheck.In(lang)
	case check.Unavailable:
		detail = r.Have
	}
	if detail == "" {
		return titleLines
	}
	lines := titleLines
	// Beside a title of one line only: a wrapped title would pull the
	// detail in as if it were part of its words.
	if gap := w - ansi.StringWidth(title) - ansi.StringWidth(detail); gap >= 3 && len(lines) == 1 {
		lines[len(lines)-1] = title + strings.Repeat(" ", gap) + style.Render(detail)
	} else {
		for _, l := range textwrap.Wrap(detail, w-4) {
			lines = append(lines, "    "+style.Render(l))
		}
	}
	if r.Status == check.Fail && r.Hint != "" {
		for _, l := range textwrap.Wrap(strings.ReplaceAll(r.Hint, "`", codeMark), w-4) {
			lines = append(lines, "    "+inlineCode(l, st.dim.Render, st.key.Render))
		}
	}
	return lines
}

// hangWrap wraps one line in w cells, never cutting it: it keeps the
// line's own leading spaces, and indents the lines it continues on by
// indent more, so that a long command still reads as one.
func hangWrap(s string, w int, indent string) []string {
	text := strings.TrimLeft(s, " ")
	lead := s[:len(s)-len(text)]
	lines := textwrap.Line(text, max(w-len(lead)-len(indent), 1))
	for i := range lines {
		if i == 0 {
			lines[i] = lead + lines[i]
		} else {
			lines[i] = lead + indent + lines[i]
		}
	}
	return lines
}

// styled renders each of lines in style.
func styled(lines []string, style func(...string) string) []string {
	for i := range lines {
		lines[i] = style(lines[i])
	}
	return lines
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// liveLines lists the namespace's objects, one line each, the way
// kubectl get would sum them up.
func liveLines(s watch.Snapshot, kinds []string, w int, st styles, lang lessons.Lang) []string {
	var out []string
	for _, kind := range kinds {
		for _, obj := range s.Objects[kind] {
			u := unstructured.Unstructured{Object: obj}
			line := fmt.Sprintf("%s %s  %s", kind, u.GetName(), summarize(kind, &u))
			out = append(out, styled(hangWrap(line, w, "  "), st.dim.Render)...)
		}
	}
	if len(out) == 0 {
		out = append(out, st.dim.Render(noObjects.In(lang)))
	}
	return out
}

// summarize is the status column kubectl get would show for an object.
func summarize(kind string, u *unstructured.Unstructured) string {
	if u.GetDeletionTimestamp() != nil {
		return "Terminating"
	}
	num := func(path ...string) int64 { v, _, _ := unstructured.NestedInt64(u.Object, path...); return v }
	str := func(path ...string) string { v, _, _ := unstructured.NestedString(u.Object, path...); return v }
	switch kind {
	case "Pod":
		statuses, _, _ := unstructured.NestedSlice(u.Object, "status", "containerStatuses")
		ready := 0
		for _, s := range statuses {
			if m, ok := s.(map[string]any); ok && m["ready"] == true {
				ready++
			}
		}
		containers, _, _ := unstructured.NestedSlice(u.Object, "spec", "containers")
		status, restarts := podStatus(u)
		if restarts > 0 {
			status = fmt.Sprintf("%s %d/%d %d restarts", status, ready, len(containers), restarts)
		} else {
			status = fmt.Sprintf("%s %d/%d", status, ready, len(containers))
		}
		return strings.TrimSpace(status + " " + str("spec", "nodeName"))
	case "Deployment", "ReplicaSet", "StatefulSet":
		return fmt.Sprintf("%d/%d ready", num("status", "readyReplicas"), num("spec", "replicas"))
	case "DaemonSet":
		return fmt.Sprintf("%d/%d ready", num("status", "numberReady"), num("status", "desiredNumberScheduled"))
	case "Service":
		external := ""
		if str("spec", "type") == "LoadBalancer" {
			external = " external <pending>"
			if ingress, _, _ := unstructured.NestedSlice(u.Object, "status", "loadBalancer", "ingress"); len(ingress) > 0 {
				external = " external ready"
			}
		}
		return fmt.Sprintf("%s %s%s", str("spec", "type"), str("spec", "clusterIP"), external)
	case "Job":
		return fmt.Sprintf("%d/%d complete", num("status", "succeeded"), max(num("spec", "completions"), 1))
	case "Ingress":
		return ingressRoutes(u)
	case "HorizontalPodAutoscaler":
		return fmt.Sprintf("%s/%s %d–%d, %d replicas", str("spec", "scaleTargetRef", "kind"), str("spec", "scaleTargetRef", "name"),
			max(num("spec", "minReplicas"), 1), num("spec", "maxReplicas"), num("status", "currentReplicas"))
	case "EndpointSlice":
		return readyEndpoints(u)
	}
	return ""
}

// ingressRoutes is each of an Ingress's paths with the Service it goes
// to: "shop.local/api → api:8080".
func ingressRoutes(u *unstructured.Unstructured) string {
	var routes []string
	if svc, ok, _ := unstructured.NestedMap(u.Object, "spec", "defaultBackend", "service"); ok {
		routes = append(routes, "* → "+serviceBackend(svc))
	}
	rules, _, _ := unstructured.NestedSlice(u.Object, "spec", "rules")
	for _, r := range rules {
		rule, _ := r.(map[string]any)
		host, _, _ := unstructured.NestedString(rule, "host")
		paths, _, _ := unstructured.NestedSlice(rule, "http", "paths")
		for _, p := range paths {
			path, _ := p.(map[string]any)
			at, _, _ := unstructured.NestedString(path, "path")
			svc, _, _ := unstructured.NestedMap(path, "backend", "service")
			routes = append(routes, host+at+" → "+serviceBackend(svc))
		}
	}
	return strings.Join(routes, ", ")
}

// serviceBackend is an Ingress backend's Service and port: "api:8080".
func serviceBackend(svc map[string]any) string {
	name, _, _ := unstructured.NestedString(svc, "name")
	if n, ok, _ := unstructured.NestedInt64(svc, "port", "number"); ok {
		return fmt.Sprintf("%s:%d", name, n)
	}
	if port, ok, _ := unstructured.NestedString(svc, "port", "name"); ok {
		return name + ":" + port
	}
	return name
}

// readyEndpoints counts an EndpointSlice's ready endpoints and lists
// their addresses; an endpoint that does not say counts as ready, as the
// API asks.
func readyEndpoints(u *unstructured.Unstructured) string {
	endpoints, _, _ := unstructured.NestedSlice(u.Object, "endpoints")
	var addresses []string
	for _, e := range endpoints {
		ep, _ := e.(map[string]any)
		if ready, ok, _ := unstructured.NestedBool(ep, "conditions", "ready"); ok && !ready {
			continue
		}
		a, _, _ := unstructured.NestedStringSlice(ep, "addresses")
		addresses = append(addresses, a...)
	}
	ready := len(addresses)
	if len(addresses) > 3 {
		addresses = append(addresses[:3], fmt.Sprintf("+%d", ready-3))
	}
	return strings.TrimSpace(fmt.Sprintf("%d/%d ready %s", ready, len(endpoints), strings.Join(addresses, " ")))
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
