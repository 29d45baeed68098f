// Package check judges an exercise's checks against what the watcher sees.
// Checks are CEL expressions written in content; they are compiled once per
// exercise and evaluated against every snapshot. It is pure: no cluster, no
// terminal.
package check

// Status is a check's verdict.
type Status string

// The verdicts a check can have.
const (
	Pass    Status = "pass"
	Fail    Status = "fail"
	Pending Status = "pending"
)

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

// AllPass reports whether there is at least one result and every result
// passes; an exercise with nothing judged is not done.
func AllPass(rs []Result) bool {
	for _, r := range rs {
		if r.Status != Pass {
			return false
		}
	}
	return len(rs) > 0
}
