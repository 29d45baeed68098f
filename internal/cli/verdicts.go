package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// printer writes verdicts; in watch mode, only those that changed.
type printer struct {
	out                 io.Writer
	json, watch         bool
	exercise, namespace string
	last                map[string]check.Result
	// lastState is the connection as last reported; empty before any
	// report, when the connection is assumed fine.
	lastState string
	// toldDeadEnds holds the dead ends already reported, each told once.
	toldDeadEnds map[string]bool
}

func (p *printer) print(results []check.Result, now time.Time) {
	for _, r := range results {
		if old, seen := p.last[r.ID]; seen && old.Status == r.Status && old.Have == r.Have && old.Want == r.Want {
			continue
		}
		p.last[r.ID] = r
		if p.json {
			line, _ := json.Marshal(CheckLine{
				Time: now.Format(time.RFC3339Nano), Exercise: p.exercise, Namespace: p.namespace,
				Check: r.ID, Title: r.Title, Status: string(r.Status), Have: r.Have, Want: r.Want,
			})
			fmt.Fprintf(p.out, "%s\n", line)
			continue
		}
		prefix := ""
		if p.watch {
			prefix = now.Format("15:04:05.000") + " "
		}
		fmt.Fprintf(p.out, "%s%s %s%s\n", prefix, r.Status.Mark(), r.Title, haveWant(r))
	}
}

// connection reports, once each, a lost connection, a server that answers
// again while the view catches up, a connection that is back, and a refusal
// (denied explains err then). Retries that fail again are not news, even
// when their messages differ.
func (p *printer) connection(w io.Writer, err error, denied string) {
	state := "back"
	switch {
	case denied != "":
		state = "denied: " + denied
	case errors.Is(err, watch.ErrStale):
		state = "stale"
	case err != nil:
		state = "lost"
	}
	if state == p.lastState || (p.lastState == "" && state == "back") {
		return
	}
	switch state {
	case "back":
		fmt.Fprintln(w, "kanzen: connection to the cluster is back, and the checks are up to date")
	case "stale":
		// The checks may still show the state from before the loss.
		fmt.Fprintln(w, "kanzen: the cluster answers again; catching up with what changed meanwhile")
	case "lost":
		fmt.Fprintf(w, "kanzen: lost the cluster, retrying: %v\n", err)
	default:
		fmt.Fprintf(w, "kanzen: %s\n", denied)
	}
	p.lastState = state
}

func haveWant(r check.Result) string {
	switch r.Status {
	case check.Fail:
		return fmt.Sprintf("   have %s · want %s", r.Have, r.Want)
	case check.Pending:
		return "   (waiting for an earlier check)"
	case check.Unavailable:
		return "   " + r.Have
	}
	return ""
}

// deadEnds reports, once each, states the checks cannot come back from,
// with how to start over. JSON output carries only the checks' verdicts.
func (p *printer) deadEnds(said []string, lang lessons.Lang) {
	for _, why := range said {
		if p.json || p.toldDeadEnds[why] {
			continue
		}
		if p.toldDeadEnds == nil {
			p.toldDeadEnds = map[string]bool{}
		}
		p.toldDeadEnds[why] = true
		fmt.Fprintf(p.out, "! %s\n  %s\n", why, startOver.With(workspace.ResetCommand(p.exercise, p.namespace)).In(lang))
	}
}
