package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/progress"
)

// agreement is how the learner may agree that kanzen creates a namespace
// on a cluster that does not look local.
type agreement int

const (
	// askOnTerminal asks on the terminal, when there is one.
	askOnTerminal agreement = iota
	// agreedWithYes is --yes: agreed on the command line.
	agreedWithYes
	// recordedOnly takes only an agreement already in the progress file:
	// the TUI asks in its own UI and records the answer there.
	recordedOnly
)

// agreementOf is --yes, else asking on the terminal.
func agreementOf(yes bool) agreement {
	if yes {
		return agreedWithYes
	}
	return askOnTerminal
}

// mayCreate is kanzen's one answer to "may it create namespace ns on this
// cluster?": yes on a cluster that looks local or on a context the learner
// agreed to before; otherwise only with their agreement, which is recorded
// in the progress file so that they are asked once per context.
func (a *app) mayCreate(target *kube.Target, ns string, how agreement, store progress.Store, p *progress.Progress) error {
	if !target.NeedsConsent(p) {
		return nil
	}
	question := fmt.Sprintf("Context %q (%s) does not look like a local cluster.\nkanzen will create namespace %s there and touch nothing outside it.", target.Context, target.Server, ns)
	switch how {
	case recordedOnly:
		return fmt.Errorf("%s\nThat was not agreed to; kanzen quiz --yes agrees", question)
	case askOnTerminal:
		if err := a.confirm(question, false); err != nil {
			return err
		}
	}
	_, err := store.Update(func(p *progress.Progress) { p.Trust(target.Context) })
	return err
}

// confirm asks the question on the terminal and wants a yes; without a
// terminal to ask on, only --yes agrees.
func (a *app) confirm(question string, yes bool) error {
	if yes {
		return nil
	}
	in, ok := a.stdin.(*os.File)
	if !ok || !isTerminal(in) {
		return fmt.Errorf("%s\nRe-run with --yes to agree", question)
	}
	fmt.Fprintf(a.stderr, "%s\nContinue? [y/N] ", question)
	var answer string
	fmt.Fscanln(in, &answer)
	if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
		return silentError{errors.New("not confirmed")}
	}
	return nil
}
