// Package devcheck proves an exercise against a live cluster, as content
// authors and CI need: its starting state fails, its reference solution
// passes, and a reset leaves the namespace as the exercise starts it.
package devcheck

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/session"
	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// Options tune a proof.
type Options struct {
	// Kubectl is the kubectl the solution runs with.
	Kubectl string
	// Dir holds scratch files: each exercise's own kubeconfig.
	Dir string
	// PassTimeout bounds the wait for every check to pass after the
	// solution ran.
	PassTimeout time.Duration
}

// Stage names a step of a proof.
type Stage string

// The stages of a proof, in order.
const (
	StageStart    Stage = "start"
	StageSolution Stage = "solution"
	StageReset    Stage = "reset"
)

// Report is one exercise's proof.
type Report struct {
	Exercise string
	// Namespace is where the proof ran; it is deleted afterwards.
	Namespace string
	// Start and Solution are the verdicts at the end of those stages.
	Start, Solution []check.Result
	// Failed is the stage that went wrong, "" when the proof holds.
	Failed Stage
	Err    error
	// Output is what the solution printed.
	Output   string
	Duration time.Duration
}

// OK reports whether the proof holds.
func (r Report) OK() bool { return r.Err == nil }

// Namespace is where an exercise is proved: apart from the namespace a
// learner works in, so a proof never undoes their work.
func Namespace(exerciseID string) string {
	return "kz-dev-" + strings.ReplaceAll(exerciseID, ".", "-")
}

// Prove starts the exercise in a fresh namespace, checks that its starting
// state fails and is no dead end, runs its reference solution, waits for
// every check to pass with no dead end, resets it and checks that the
// namespace is as it started; then deletes the namespace.
func Prove(ctx context.Context, target *kube.Target, ex *lessons.Exercise, opts Options) (r Report) {
	began := time.Now()
	r = Report{Exercise: ex.ID, Namespace: Namespace(ex.ID)}
	defer func() { r.Duration = time.Since(began) }()
	fail := func(stage Stage, err error) Report {
		r.Failed, r.Err = stage, err
		return r
	}
	ns := r.Namespace
	// A proof that was interrupted leaves its namespace behind.
	if err := workspace.Delete(ctx, target.Config, ex.ID, ns); err != nil && !errors.Is(err, workspace.ErrNotStarted) {
		return fail(StageStart, err)
	}
	defer func() {
		if err := workspace.Delete(context.WithoutCancel(ctx), target.Config, ex.ID, ns); err != nil && r.Err == nil {
			r.Failed, r.Err = StageReset, fmt.Errorf("delete %s: %w", ns, err)
		}
	}()
	kubeconfig := filepath.Join(opts.Dir, "kubeconfig-"+ns)
	if err := target.ScratchKubeconfig(kubeconfig, ns); err != nil {
		return fail(StageStart, err)
	}
	scratch := session.Options{KubeconfigFiles: []string{kubeconfig}}
	s, _, err := session.Start(ctx, target.Config, ex, ns, false, scratch)
	if err != nil {
		return fail(StageStart, err)
	}
	defer func() { s.Close() }()

	var startSnap watch.Snapshot
	startSnap, r.Start, err = settle(s)
	if err != nil {
		return fail(StageStart, err)
	}
	if check.AllPass(r.Start) {
		return fail(StageStart, errors.New("the starting state already passes"))
	}
	if said := s.DeadEnds(startSnap, lessons.English); len(said) > 0 {
		return fail(StageStart, fmt.Errorf("the starting state reads as a dead end: %s", strings.Join(said, " / ")))
	}

	r.Output, err = runSolution(ctx, ex, ns, kubeconfig, opts.Kubectl, opts.Dir)
	if err != nil {
		return fail(StageSolution, err)
	}
	if r.Solution, err = waitFor(s, opts.PassTimeout, check.AllPass); err != nil {
		return fail(StageSolution, fmt.Errorf("after the solution, not every check passes (%w)", err))
	}
	if said := s.DeadEnds(s.Snapshot(), lessons.English); len(said) > 0 {
		return fail(StageSolution, fmt.Errorf("the solved exercise reads as a dead end: %s", strings.Join(said, " / ")))
	}

	s.Close()
	if s, _, err = session.Start(ctx, target.Config, ex, ns, true, scratch); err != nil {
		return fail(StageReset, err)
	}
	resetSnap, resetResults, err := settle(s)
	if err != nil {
		return fail(StageReset, err)
	}
	if check.AllPass(resetResults) {
		return fail(StageReset, errors.New("after a reset, the exercise already passes"))
	}
	if diff := compare(startSnap, resetSnap); diff != "" {
		return fail(StageReset, fmt.Errorf("after a reset, the namespace differs from a fresh start: %s", diff))
	}
	// What lies outside the namespace, such as the kubeconfig, must be as
	// at the start too: the checks say so. Their have values may name
	// objects made afresh (a Pod's generated name), so only verdicts count.
	if !slices.EqualFunc(r.Start, resetResults, func(a, b check.Result) bool { return a.ID == b.ID && a.Status == b.Status }) {
		return fail(StageReset, fmt.Errorf("after a reset, the checks differ from a fresh start:\n%s\nwant, as at the start:\n%s", Describe(resetResults), Describe(r.Start)))
	}
	return r
}

// runSolution runs the reference solution as kanzen's exercise shell would,
// with a kubeconfig of its own whose namespace is the exercise's and the
// namespace in KANZEN_NAMESPACE, in a scratch directory so that files it
// writes go nowhere else.
func runSolution(ctx context.Context, ex *lessons.Exercise, ns, kubeconfig, kubectl, dir string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	script := "set -e\n" + strings.Join(ex.Solution, "\n") + "\n"
	cmd := exec.CommandContext(ctx, "sh", "-c", script)
	cmd.Dir = dir
	path := filepath.Dir(kubectl) + string(os.PathListSeparator) + os.Getenv("PATH")
	cmd.Env = append(os.Environ(), "KUBECONFIG="+kubeconfig, "PATH="+path, "KANZEN_NAMESPACE="+ns)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("the solution failed: %w\n%s", err, strings.TrimSpace(string(out)))
	}
	return string(out), nil
}

// settleQuiet is how long verdicts must stay the same before they count:
// controllers keep working for a moment after every change.
const settleQuiet = 1500 * time.Millisecond

// settle waits until the verdicts have stopped changing and returns them
// with the snapshot they were judged on.
func settle(s *session.Session) (watch.Snapshot, []check.Result, error) {
	deadline := time.Now().Add(60 * time.Second)
	var last string
	var since time.Time
	for time.Now().Before(deadline) {
		u := s.Next(250 * time.Millisecond)
		if u.Closed {
			return watch.Snapshot{}, nil, errors.New("the watch closed")
		}
		if !u.Snapshot.Synced {
			continue
		}
		results := s.Evaluate(u.Snapshot, lessons.English)
		if now := Describe(results); now != last {
			last, since = now, time.Now()
		} else if time.Since(since) >= settleQuiet {
			return u.Snapshot, results, nil
		}
	}
	return watch.Snapshot{}, nil, errors.New("the namespace did not settle within 60s")
}

// waitFor evaluates on every change until cond holds.
func waitFor(s *session.Session, timeout time.Duration, cond func([]check.Result) bool) ([]check.Result, error) {
	deadline := time.Now().Add(timeout)
	var results []check.Result
	for time.Now().Before(deadline) {
		u := s.Next(250 * time.Millisecond)
		if u.Closed {
			return results, errors.New("the watch closed")
		}
		if !u.Snapshot.Synced {
			continue
		}
		if results = s.Evaluate(u.Snapshot, lessons.English); cond(results) {
			return results, nil
		}
	}
	return results, fmt.Errorf("waited %s", timeout)
}

// compare reports how two settled snapshots of a namespace differ: objects
// nobody owns must match by kind and name, and objects controllers made
// must match in number, since their names are random.
func compare(a, b watch.Snapshot) string {
	sa, sb := summary(a), summary(b)
	var diffs []string
	for _, k := range sortedKeys(sa, sb) {
		if sa[k] != sb[k] {
			diffs = append(diffs, fmt.Sprintf("%s: %d at start, %d after reset", k, sa[k], sb[k]))
		}
	}
	return strings.Join(diffs, "; ")
}

func summary(s watch.Snapshot) map[string]int {
	out := map[string]int{}
	for kind, objects := range s.Objects {
		for _, o := range objects {
			m, _ := o["metadata"].(map[string]any)
			if ns, _ := m["namespace"].(string); ns == "" {
				continue // cluster-scoped objects are not the exercise's
			}
			if owners, _ := m["ownerReferences"].([]any); len(owners) > 0 {
				out[kind+" (owned)"]++
				continue
			}
			name, _ := m["name"].(string)
			out[kind+" "+name]++
		}
	}
	return out
}

func sortedKeys(maps ...map[string]int) []string {
	var keys []string
	for _, m := range maps {
		for k := range m {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	return keys
}

// Describe lists verdicts one per line, for logs and failures.
func Describe(rs []check.Result) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "  %-11s %-22s have %q · want %q\n", r.Status, r.ID, r.Have, r.Want)
	}
	return b.String()
}
