package lessons

import (
	"fmt"
	"regexp"
	"strings"
)

// Exercise is a task the learner does with kubectl in a namespace of its own,
// judged by checks against the live cluster.
type Exercise struct {
	// ID is short and stable ("2.1"); progress and the command line use it.
	ID    string `json:"id"`
	Title Text   `json:"title"`
	Goal  Text   `json:"goal"`
	// Kinds are the resource kinds kanzen watches and shows for this exercise.
	Kinds []string `json:"kinds"`
	// Setup is YAML (one or more documents) applied in the exercise's
	// namespace when it starts, before the exercise's clock starts.
	Setup string `json:"setup,omitempty"`
	// Checks are evaluated in order; a check waits (pending) while any check
	// it needs does not pass.
	Checks []Check `json:"checks"`
	// Hints are three levels: a nudge, the idea, and nearly the answer.
	Hints []Text `json:"hints"`
	// Solution is the reference solution: kubectl commands run in the
	// exercise namespace (the current context's namespace is set to it).
	Solution []string `json:"solution"`
	Debrief  Text     `json:"debrief"`
	// Note, when set, is shown under the goal (for example, why something
	// stays pending on a local cluster).
	Note Text `json:"note,omitempty"`
	// Reset names what the exercise has the learner change outside its
	// namespace, which a reset takes back.
	Reset Reset `json:"reset,omitzero"`
	// DeadEnds are states the checks cannot come back from by themselves,
	// such as the exercise's main object deleted: the learner is told what
	// happened, and that a reset starts the exercise over.
	DeadEnds []DeadEnd `json:"deadEnds,omitempty"`
}

// DeadEnd is one state an exercise cannot be finished from without a reset.
type DeadEnd struct {
	// When is a CEL condition over what checks without a target see (all,
	// events, started, ns).
	When string `json:"when"`
	// Say is what happened and why it cannot be undone, in the learner's
	// terms; the front end adds how to start over.
	Say Text `json:"say"`
}

// Reset is what a reset of an exercise takes back besides its namespace.
type Reset struct {
	// KubeconfigContexts are contexts the exercise has the learner add to
	// their own kubeconfig. A reset removes exactly these from it.
	KubeconfigContexts []string `json:"kubeconfigContexts,omitempty"`
}

// Check is one thing the learner must make true.
type Check struct {
	ID    string `json:"id"`
	Title Text   `json:"title"`
	// Target selects the objects the expressions see as object and objects.
	// Without a target, a check reads events or all objects only.
	Target *Target `json:"target,omitempty"`
	// Have is a CEL expression for what is observed, shown as "have".
	Have string `json:"have"`
	// Want is a CEL expression for what is expected, shown as "want" unless
	// WantText is set.
	Want     string `json:"want,omitempty"`
	WantText Text   `json:"wantText,omitempty"`
	// Pass is a CEL condition over have and want; without it, have == want.
	Pass string `json:"pass,omitempty"`
	// Show translates particular have values (strings) into words.
	Show map[string]Text `json:"show,omitempty"`
	// Needs lists checks that must pass before this one is judged.
	Needs []string `json:"needs,omitempty"`
	// Hint is shown beside the check while it fails.
	Hint Text `json:"hint,omitempty"`
	// Requires names what the cluster must offer for this check to be
	// judged; elsewhere it is shown as not checkable, with why.
	Requires []string `json:"requires,omitempty"`
}

// RequiresContainers marks a check whose evidence only containers that
// really run give (their logs, what exec finds inside), which simulated
// nodes cannot: the sandbox's container model covers images, exits,
// restarts and probes, not a process's output.
const RequiresContainers = "containers"

// Target picks objects of one kind in the exercise namespace: one by name,
// those matching a label selector, or all of them.
type Target struct {
	Kind     string `json:"kind"`
	Name     string `json:"name,omitempty"`
	Selector string `json:"selector,omitempty"`
}

// HintLevels is how many hints every exercise has.
const HintLevels = 3

var exerciseID = regexp.MustCompile(`^[1-9][0-9]*\.[1-9][0-9]*$`)
var checkID = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// contextName is a kubeconfig context an exercise may have a reset remove:
// only kanzen's own names, so no content can remove a learner's context.
var contextName = regexp.MustCompile(`^kanzen-[a-z0-9-]+$`)

// validate reports each mistake as "field: problem".
func (e *Exercise) validate(bad func(field, format string, args ...any), text func(field string, t Text)) {
	if !exerciseID.MatchString(e.ID) {
		bad("id", "%q is not of the form CHAPTER.NUMBER, such as 2.1", e.ID)
	}
	text("title", e.Title)
	text("goal", e.Goal)
	text("debrief", e.Debrief)
	if len(e.Note) > 0 {
		text("note", e.Note)
	}
	if len(e.Kinds) == 0 {
		bad("kinds", "list the kinds to watch")
	}
	for i, name := range e.Reset.KubeconfigContexts {
		if !contextName.MatchString(name) {
			bad(fmt.Sprintf("reset.kubeconfigContexts[%d]", i), "%q is not a context name such as kanzen-practice", name)
		}
	}
	kinds := map[string]bool{}
	for i, k := range e.Kinds {
		if k == "" || strings.ToUpper(k[:1]) != k[:1] {
			bad(fmt.Sprintf("kinds[%d]", i), "%q is not a Kind (such as Pod or Deployment)", k)
		}
		kinds[k] = true
	}
	if len(e.Hints) != HintLevels {
		bad("hints", "has %d hints, want %d", len(e.Hints), HintLevels)
	}
	for i, h := range e.Hints {
		text(fmt.Sprintf("hints[%d]", i), h)
	}
	if len(e.Solution) == 0 {
		bad("solution", "missing")
	}
	for i, cmd := range e.Solution {
		if !strings.HasPrefix(cmd, "kubectl ") {
			bad(fmt.Sprintf("solution[%d]", i), "%q is not a kubectl command", cmd)
		}
	}
	if len(e.Checks) == 0 {
		bad("checks", "an exercise needs at least one check")
	}
	for i, d := range e.DeadEnds {
		if strings.TrimSpace(d.When) == "" {
			bad(fmt.Sprintf("deadEnds[%d].when", i), "missing")
		}
		text(fmt.Sprintf("deadEnds[%d].say", i), d.Say)
	}
	seen := map[string]bool{}
	for i, c := range e.Checks {
		field := fmt.Sprintf("checks[%d]", i)
		switch {
		case !checkID.MatchString(c.ID):
			bad(field+".id", "%q is not a lowercase id such as replicas", c.ID)
		case seen[c.ID]:
			bad(field+".id", "duplicate id %q", c.ID)
		}
		if c.Target != nil && !kinds[c.Target.Kind] {
			bad(field+".target.kind", "%q is not in the exercise's kinds %v", c.Target.Kind, e.Kinds)
		}
		if c.Target != nil && c.Target.Name != "" && c.Target.Selector != "" {
			bad(field+".target", "give a name or a selector, not both")
		}
		for _, p := range CheckProblems(c, seen) {
			bad(field+"."+p.Field, "%s", p.Problem)
		}
		seen[c.ID] = true
	}
}
