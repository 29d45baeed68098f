package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/session"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// syncTimeout bounds the wait for the first full view of the namespace.
const syncTimeout = 30 * time.Second

// refusalWait is how often the wait for the first view looks for a refusal
// by the cluster, which comes within a round trip.
const refusalWait = 200 * time.Millisecond

type checkFlags struct {
	exerciseFlags
	watch  bool
	output string
	lang   string
}

func (a *app) checkCommand() *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check ID",
		Short: "Check an exercise against the cluster; exit 0 when every check passes",
		Long: "check judges an exercise's checks against its namespace, with the same engine and\n" +
			"watches as the TUI. With --watch it prints a line whenever a check changes and exits\n" +
			"once all pass. With --output json it prints one JSON object per line.",
		Args: exactlyOneID,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.check(cmd.Context(), args[0], &f)
		},
	}
	f.register(cmd, false)
	cmd.Flags().BoolVarP(&f.watch, "watch", "w", false, "keep watching; print changes; exit 0 once every check passes")
	cmd.Flags().StringVarP(&f.output, "output", "o", "text", "text or json (one object per line)")
	cmd.Flags().StringVar(&f.lang, "lang", "", "language of titles and have/want: en or ja (default: your last choice, else from $LANG)")
	return cmd
}

// CheckLine is one check's verdict as --output json prints it.
type CheckLine struct {
	Time      string `json:"time"`
	Exercise  string `json:"exercise"`
	Namespace string `json:"namespace"`
	Check     string `json:"check"`
	Title     string `json:"title"`
	Status    string `json:"status"`
	Have      string `json:"have"`
	Want      string `json:"want"`
}

func (a *app) check(ctx context.Context, id string, f *checkFlags) error {
	if f.output != "text" && f.output != "json" {
		return usageError{fmt.Errorf("unknown --output %q: want text or json", f.output)}
	}
	store, saved := a.progress()
	lang, err := learnerLang(f.lang, saved)
	if err != nil {
		return usageError{err}
	}
	_, ex, target, ns, err := a.exerciseOn(ctx, id, &f.exerciseFlags)
	if err != nil {
		return err
	}
	s, err := session.Open(ctx, target.Config, ex, ns, session.Options{KubeconfigFiles: target.Files()})
	if err != nil {
		return explainUnreachable(target, err)
	}
	defer s.Close()
	p := &printer{out: a.stdout, json: f.output == "json", exercise: ex.ID, namespace: s.Info.Namespace, watch: f.watch, last: map[string]check.Result{}}

	u, err := firstSync(ctx, s, lang)
	if err != nil {
		return err
	}
	results := s.Evaluate(u.Snapshot, lang)
	p.print(results, time.Now())
	p.deadEnds(s.DeadEnds(u.Snapshot, lang), lang)
	for f.watch && !check.AllPass(results) {
		u = s.Next(2 * time.Second)
		switch {
		case ctx.Err() != nil:
			return silentError{ctx.Err()}
		case u.Closed:
			return errors.New("the watch stopped")
		case u.Snapshot.Gone:
			return fmt.Errorf("namespace %s was deleted while kanzen watched it; start the exercise again: %s", s.Info.Namespace, workspace.StartCommand(ex.ID, s.Info.Namespace))
		}
		p.connection(a.stderr, u.Err, session.Denied(u.Err, ex.ID, lang))
		results = s.Evaluate(u.Snapshot, lang)
		p.print(results, time.Now())
		p.deadEnds(s.DeadEnds(u.Snapshot, lang), lang)
	}
	if !check.AllPass(results) {
		return silentError{errors.New("not every check passes")}
	}
	if ns == workspace.Namespace(ex.ID) {
		now := time.Now()
		if _, err := store.Update(func(pr *progress.Progress) { pr.MarkPassed(ex.ID, now) }); err != nil {
			fmt.Fprintf(a.stderr, "kanzen: could not save progress: %v\n", err)
		}
	}
	return nil
}

// firstSync waits until the namespace has been listed once. A refusal of
// a list or watch the exercise needs is explained at once, in lang: waiting
// would not change it.
func firstSync(ctx context.Context, s *session.Session, lang lessons.Lang) (session.Update, error) {
	deadline := time.Now().Add(syncTimeout)
	for time.Now().Before(deadline) {
		u := s.Next(refusalWait)
		switch {
		case ctx.Err() != nil:
			return u, silentError{ctx.Err()}
		case u.Closed:
			return u, errors.New("the watch stopped")
		case u.Snapshot.Synced:
			return u, nil
		}
		if why := session.Denied(u.Err, s.Exercise.ID, lang); why != "" {
			return u, errors.New(why)
		}
	}
	err := s.Err()
	if err == nil {
		err = errors.New("no answer")
	}
	return session.Update{}, fmt.Errorf("could not list namespace %s within %s: %w", s.Info.Namespace, syncTimeout, err)
}
