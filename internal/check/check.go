// Package check judges an exercise's checks against what the watcher sees.
// Checks are CEL expressions written in content; they are compiled once per
// exercise and evaluated against every snapshot. It is pure: no cluster, no
// terminal.
package check

import "kanzen.dev/kanzen/lessons"

// Status is a check's verdict.
type Status string

// The verdicts a check can have.
const (
	Pass    Status = "pass"
	Fail    Status = "fail"
	Pending Status = "pending"
	// Unavailable means this cluster cannot show the evidence, such as a
	// container's logs on the sandbox's simulated nodes; Have says why.
	Unavailable Status = "unavailable"
)

// Mark is the verdict's one-character sign, the same in every front end.
func (s Status) Mark() string {
	switch s {
	case Pass:
		return "✓"
	case Fail:
		return "✗"
	case Unavailable:
		return "○"
	}
	return "·"
}

// Result is one check's verdict, in one language.
type Result struct {
	ID string
	// Title is the check's title in the requested language.
	Title  string
	Status Status
	// Have is what is observed, formatted for people ("2", "nginx, busybox",
	// "not found").
	Have string
	// Want is the check's wantText in the language if set, else the
	// formatted want value.
	Want string
	// Hint is the check's hint in the language, only when Status is Fail.
	Hint string
}

// Detail says, in lang, what a verdict needs besides its mark and title:
// a failing check's have and want, why a check waits or cannot be judged
// here; nothing for a pass.
func (r Result) Detail(lang lessons.Lang) string {
	switch r.Status {
	case Fail:
		return HaveLabel.With(r.Have).In(lang) + " · " + WantLabel.With(r.Want).In(lang)
	case Pending:
		return waitingForEarlier.In(lang)
	case Unavailable:
		return r.Have
	}
	return ""
}

// AllPass reports whether every result passes, or cannot be judged on this
// cluster, and at least one passes: an exercise with nothing judged is not
// done.
func AllPass(rs []Result) bool {
	passed := false
	for _, r := range rs {
		switch r.Status {
		case Pass:
			passed = true
		case Unavailable:
		default:
			return false
		}
	}
	return passed
}

// Tally counts the results that pass and those this cluster can judge.
func Tally(rs []Result) (passed, judged int) {
	for _, r := range rs {
		switch r.Status {
		case Pass:
			passed++
			judged++
		case Unavailable:
		default:
			judged++
		}
	}
	return passed, judged
}
