package quiz

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/sandbox"
	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/lessons"
)

// gradeCommand runs a command answer as a server-side dry run in the
// scratch namespace and judges the object the server returns with the
// question's checks. Nothing is created.
func (g *Grader) gradeCommand(ctx context.Context, q *Question, a Answer, lang lessons.Lang) Verdict {
	want := say(forExample, q.Examples[0]).in(lang)
	inv, err := ParseCommand(a.Text)
	if err != nil {
		var r *Refusal
		if errors.As(err, &r) {
			return Verdict{Refused: true, Reason: r.In(lang), Want: want}
		}
		return Verdict{Reason: err.Error(), Want: want}
	}
	v := g.dryRun(ctx, q, inv, lang)
	v.Want = want
	return v
}

// dryRun runs the invocation and judges what it returns.
func (g *Grader) dryRun(ctx context.Context, q *Question, inv *Invocation, lang lessons.Lang) Verdict {
	target, skip := g.cluster(lang)
	if skip != nil {
		return *skip
	}
	kubectl, err := g.kubectlPath()
	if err != nil {
		return skipped(say(noKubectl), lang)
	}
	ns := g.namespace()
	if err := g.Scratch(ctx); err != nil {
		var netErr *url.Error
		if errors.As(err, &netErr) {
			return skipped(say(clusterUnreachable, firstLine(err.Error())), lang)
		}
		return skipped(say(scratchProblem, ns, err), lang)
	}
	dir, err := os.MkdirTemp("", "kanzen-quiz-")
	if err != nil {
		return skipped(say(scratchProblem, ns, err), lang)
	}
	defer os.RemoveAll(dir)
	kubeconfig, err := target.NamespacedKubeconfig(dir, ns)
	if err != nil {
		return skipped(say(scratchProblem, ns, err), lang)
	}
	started := time.Now().Truncate(time.Second)
	out, stderr, err := g.runKubectl(ctx, kubectl, kubeconfig, inv.KubectlArgs(ns), inv.Stdin)
	switch {
	case err != nil && unreachable(stderr, err):
		return skipped(say(clusterUnreachable, kubectlMessage(stderr, err)), lang)
	case err != nil:
		return Verdict{Reason: say(kubectlFailed, kubectlMessage(stderr, err)).in(lang)}
	}
	objects, err := decodeObjects(out)
	if err != nil {
		return Verdict{Reason: say(kubectlFailed, err).in(lang)}
	}
	return judgeObjects(q, objects, ns, started, lang)
}

// judgeObjects evaluates the question's checks on the objects a dry run
// returned. The first result is always whether it made the right kind.
func judgeObjects(q *Question, objects []watch.Object, ns string, started time.Time, lang lessons.Lang) Verdict {
	if len(objects) == 0 {
		return Verdict{Reason: noObject.in(lang)}
	}
	byKind := map[string][]watch.Object{}
	var kinds []string
	for _, o := range objects {
		kind, _ := o["kind"].(string)
		if !slices.Contains(kinds, kind) {
			kinds = append(kinds, kind)
		}
		byKind[kind] = append(byKind[kind], o)
	}
	kind := check.Result{ID: "kind", Title: say(makesKind, q.Kind).in(lang), Have: strings.Join(kinds, ", "), Want: q.Kind, Status: check.Pass}
	if len(byKind[q.Kind]) == 0 {
		kind.Status = check.Fail
		return Verdict{Reason: say(wrongKind, kind.Have, q.Kind).in(lang), Results: []check.Result{kind}}
	}
	in := check.Input{Snapshot: watch.Snapshot{Namespace: ns, Objects: byKind, Synced: true}, Started: started}
	results := append([]check.Result{kind}, q.program.Evaluate(in, lang)...)
	return Verdict{Correct: check.AllPass(results), Results: results}
}

// runKubectl runs kubectl with KUBECONFIG set, and the learner's kubectl
// preferences (kuberc) off so that their aliases and defaults do not change
// what is graded.
func (g *Grader) runKubectl(ctx context.Context, kubectl, kubeconfig string, args []string, stdin string) (stdout []byte, stderr string, err error) {
	timeout := g.Timeout
	if timeout == 0 {
		timeout = defaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, kubectl, args...)
	cmd.Env = append(os.Environ(), "KUBECONFIG="+kubeconfig, "KUBERC=off")
	cmd.Stdin = strings.NewReader(stdin)
	cmd.WaitDelay = time.Second
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	if ctx.Err() != nil {
		err = fmt.Errorf("kubectl did not finish within %s", timeout)
	}
	return out.Bytes(), errOut.String(), err
}

// unreachableSigns are what kubectl says when the cluster does not answer,
// as opposed to rejecting the answer.
var unreachableSigns = []string{
	"Unable to connect to the server", "connection refused", "no such host", "i/o timeout",
	"TLS handshake timeout", "did not finish within", "the server is currently unable to handle the request",
}

func unreachable(stderr string, err error) bool {
	text := stderr + " " + err.Error()
	return slices.ContainsFunc(unreachableSigns, func(s string) bool { return strings.Contains(text, s) })
}

// kubectlMessage is kubectl's error in a few lines, or the exit status when
// it said nothing.
func kubectlMessage(stderr string, err error) string {
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) > 6 {
		lines = append(lines[:6], "…")
	}
	if msg := strings.TrimSpace(strings.Join(lines, "\n")); msg != "" {
		return msg
	}
	return err.Error()
}

// decodeObjects reads kubectl's JSON output: one object, or a List of them.
func decodeObjects(data []byte) ([]watch.Object, error) {
	var obj watch.Object
	if err := json.Unmarshal(data, &obj); err != nil {
		return nil, fmt.Errorf("cannot read kubectl's output: %w", err)
	}
	if obj["kind"] != "List" {
		return []watch.Object{obj}, nil
	}
	items, _ := obj["items"].([]any)
	var out []watch.Object
	for _, item := range items {
		if o, ok := item.(map[string]any); ok {
			out = append(out, o)
		}
	}
	return out, nil
}

// kubectlPath finds kubectl: the Grader's, then on PATH, then the one
// kanzen's sandbox built.
func (g *Grader) kubectlPath() (string, error) {
	if g.Kubectl != "" {
		return g.Kubectl, nil
	}
	if path, err := exec.LookPath("kubectl"); err == nil {
		return path, nil
	}
	if path, ok := sandbox.BuiltKubectl(); ok {
		return path, nil
	}
	return "", errors.New("kubectl not found")
}

// firstLine is the first line of a message.
func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
