package quiz

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"k8s.io/cli-runtime/pkg/genericiooptions"
	"k8s.io/client-go/rest"
	cmdutil "k8s.io/kubectl/pkg/cmd/util"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/lessons"
)

// maxAnswer bounds a command answer: a command and a manifest fit in far
// less, and a larger one is a paste gone wrong, not an answer to grade.
const maxAnswer = 64 << 10

// gradeCommand runs a command answer as a server-side dry run in the
// scratch namespace and judges the object the server returns with the
// question's checks. Nothing is created.
func (g *Grader) gradeCommand(ctx context.Context, q *Question, a Answer, lang lessons.Lang) Verdict {
	want := ForExample.With(q.Examples[0]).In(lang)
	if v, ok := unreadable(a.Text, lang); ok {
		v.Want = want
		return v
	}
	inv, err := ParseCommand(a.Text)
	var r *Refusal
	switch {
	case errors.As(err, &r):
		return Verdict{Refused: true, Reason: r.In(lang), Want: want}
	case err != nil:
		return Verdict{Reason: kubectlFailed.With(err).In(lang), Want: want}
	}
	v := g.dryRun(ctx, q, inv, lang)
	v.Want = want
	return v
}

// unreadable is a not-graded verdict for an answer no one could have
// typed as a command: far too long, or holding a control character.
func unreadable(text string, lang lessons.Lang) (Verdict, bool) {
	if len(text) > maxAnswer {
		return skipped(answerTooLong.With(len(text), maxAnswer), lang), true
	}
	at := strings.IndexFunc(text, func(r rune) bool {
		return unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r'
	})
	if at >= 0 {
		return skipped(controlCharacter.With(string(rune(text[at]))), lang), true
	}
	return Verdict{}, false
}

// dryRun runs the invocation and judges what it returns. What the cluster
// or kanzen got wrong is not graded; only what kubectl or the API server
// says of the answer itself makes it wrong.
func (g *Grader) dryRun(ctx context.Context, q *Question, inv *Invocation, lang lessons.Lang) Verdict {
	target, skip := g.cluster(lang)
	if skip != nil {
		return *skip
	}
	ns := g.namespace()
	if err := g.Scratch(ctx); err != nil {
		var netErr *url.Error
		if errors.As(err, &netErr) {
			return skipped(clusterUnreachable.With(firstLine(err.Error())), lang)
		}
		return skipped(scratchProblem.With(ns, err), lang)
	}
	config := rest.CopyConfig(target.Config)
	config.Timeout = g.timeout()
	config.WarningHandler = rest.NoWarnings{}
	// Some of kubectl's clients would otherwise send Go's default user
	// agent: an audit log tells kanzen's requests by their name.
	config.UserAgent = cmp.Or(config.UserAgent, "kanzen")
	disco, mapper, err := g.discovery(config)
	if err != nil {
		return skipped(clusterUnreachable.With(firstLine(err.Error())), lang)
	}
	if err := clearLeftovers(ctx, config, disco, ns, q.Kind); err != nil {
		return skipped(scratchProblem.With(ns, firstLine(err.Error())), lang)
	}
	started := time.Now().Truncate(time.Second)
	seen := &responses{}
	config.Wrap(seen.wrap)
	f := cmdutil.NewFactory(&scratchGetter{config: config, namespace: ns, discovery: disco, mapper: mapper})
	out, err := runBounded(ctx, g.timeout(), inv, f)
	var failure kanzenFailure
	switch {
	case errors.As(err, &failure):
		return skipped(kanzenFailed.With(failure), lang)
	case err != nil && seen.unreachable() != nil:
		return skipped(clusterUnreachable.With(firstLine(seen.unreachable().Error())), lang)
	case err != nil && seen.refused():
		return skipped(clusterError.With(fewLines(err)), lang)
	case err != nil:
		return Verdict{Reason: kubectlFailed.With(fewLines(err)).In(lang)}
	}
	objects, err := decodeObjects(out)
	if err != nil {
		return skipped(kanzenFailed.With(err), lang)
	}
	return judgeObjects(q, objects, ns, started, lang)
}

// runBounded executes the invocation, giving up after timeout. kubectl's
// command code takes no context; its requests time out by themselves
// (rest.Config.Timeout), so a run given up on ends soon after.
func runBounded(ctx context.Context, timeout time.Duration, inv *Invocation, f cmdutil.Factory) ([]byte, error) {
	var out bytes.Buffer
	streams := genericiooptions.IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: io.Discard}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- kanzenFailure{fmt.Errorf("%v", r)}
			}
		}()
		done <- execute(inv, f, streams)
	}()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	select {
	case err := <-done:
		return out.Bytes(), err
	case <-ctx.Done():
		return nil, kanzenFailure{fmt.Errorf("kubectl's dry run did not finish within %s", timeout)}
	}
}

// judgeObjects evaluates the question's checks on the objects a dry run
// returned. The first result is always whether it made the right kind.
func judgeObjects(q *Question, objects []watch.Object, ns string, started time.Time, lang lessons.Lang) Verdict {
	if len(objects) == 0 {
		return Verdict{Reason: noObject.In(lang)}
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
	kind := check.Result{ID: "kind", Title: makesKind.With(q.Kind).In(lang), Have: strings.Join(kinds, ", "), Want: q.Kind, Status: check.Pass}
	if len(byKind[q.Kind]) == 0 {
		kind.Status = check.Fail
		return Verdict{Reason: wrongKind.With(kind.Have, q.Kind).In(lang), Results: []check.Result{kind}}
	}
	in := check.Input{Snapshot: watch.Snapshot{Namespace: ns, Objects: byKind, Synced: true}, Started: started}
	results := append([]check.Result{kind}, q.program.Evaluate(in, lang)...)
	return Verdict{Correct: check.AllPass(results), Results: results}
}

// fewLines is kubectl's error in a few lines.
func fewLines(err error) string {
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	if len(lines) > 6 {
		lines = append(lines[:6], "…")
	}
	return strings.Join(lines, "\n")
}

// decodeObjects reads what kubectl printed as JSON: objects one after
// another, each of them one object or a List of them.
func decodeObjects(data []byte) ([]watch.Object, error) {
	var out []watch.Object
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var obj watch.Object
		err := dec.Decode(&obj)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read kubectl's output: %w", err)
		}
		if obj["kind"] != "List" {
			out = append(out, obj)
			continue
		}
		items, _ := obj["items"].([]any)
		for _, item := range items {
			if o, ok := item.(map[string]any); ok {
				out = append(out, o)
			}
		}
	}
}

// firstLine is the first line of a message.
func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
