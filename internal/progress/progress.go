// Package progress keeps the learner's state on disk: where they stopped,
// what they started and passed, the hints they used, the contexts they
// trust and their quiz results. It is one readable JSON file that several
// kanzen processes share.
package progress

import (
	"path/filepath"
	"slices"
	"time"

	"kanzen.dev/kanzen/internal/userdirs"
	"kanzen.dev/kanzen/lessons"
)

// Version is the file format this kanzen reads and writes.
const Version = 1

// FileName is the progress file's name in the state directory.
const FileName = "progress.json"

// Progress is everything kanzen remembers about the learner.
type Progress struct {
	Version   int                  `json:"version"`
	Lang      string               `json:"lang,omitempty"`
	Last      Position             `json:"last"`
	Exercises map[string]*Exercise `json:"exercises,omitempty"`
	// TrustedContexts are kube contexts that do not look local on which the
	// learner agreed to let kanzen create exercise namespaces (asked once per
	// context).
	TrustedContexts []string `json:"trustedContexts,omitempty"`
	// Quiz holds quiz scores and the review deck.
	Quiz Quizzes `json:"quiz,omitzero"`

	unknown unknownFields
}

// Position is where the learner stopped.
type Position struct {
	Lesson   string `json:"lesson,omitempty"`
	Exercise string `json:"exercise,omitempty"`
}

// Exercise is the learner's record of one exercise.
type Exercise struct {
	// Started is the first start; zero if never started.
	Started time.Time `json:"started,omitzero"`
	// Passed is the first time all checks passed.
	Passed *time.Time `json:"passed,omitempty"`
	// HintsUsed is the highest hint level revealed, 0 to lessons.HintLevels.
	HintsUsed     int  `json:"hintsUsed,omitempty"`
	SolutionShown bool `json:"solutionShown,omitempty"`
	// Seconds is the time taken, Passed - Started, in whole seconds.
	Seconds int `json:"seconds,omitempty"`
	Resets  int `json:"resets,omitempty"`

	unknown unknownFields
}

// New returns the progress of a learner who has done nothing yet.
func New() *Progress {
	return &Progress{Version: Version}
}

// DefaultPath is the progress file in the user's state directory.
func DefaultPath() (string, error) {
	dir, err := userdirs.State()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, FileName), nil
}

// Exercise returns the record of exercise id, creating it if needed.
func (p *Progress) Exercise(id string) *Exercise {
	if p.Exercises == nil {
		p.Exercises = map[string]*Exercise{}
	}
	e := p.Exercises[id]
	if e == nil {
		e = &Exercise{}
		p.Exercises[id] = e
	}
	return e
}

// MarkStarted records t as the exercise's start unless it started before:
// the time taken counts from the first start.
func (p *Progress) MarkStarted(id string, t time.Time) {
	if e := p.Exercise(id); e.Started.IsZero() {
		e.Started = t
	}
}

// MarkPassed records the first pass and the time it took; later passes
// change nothing, so a learner who redoes an exercise keeps their record.
func (p *Progress) MarkPassed(id string, t time.Time) {
	e := p.Exercise(id)
	if e.Passed != nil {
		return
	}
	e.Passed = &t
	if !e.Started.IsZero() && t.After(e.Started) {
		e.Seconds = int(t.Sub(e.Started) / time.Second)
	}
}

// UseHint records that hint level was revealed, keeping the highest level
// seen so that rereading an earlier hint does not lower it.
func (p *Progress) UseHint(id string, level int) {
	level = min(max(level, 0), lessons.HintLevels)
	if e := p.Exercise(id); level > e.HintsUsed {
		e.HintsUsed = level
	}
}

// ShowSolution records that the learner looked at the solution.
func (p *Progress) ShowSolution(id string) {
	p.Exercise(id).SolutionShown = true
}

// Trusts reports whether the learner trusted the kube context.
func (p *Progress) Trusts(context string) bool {
	return slices.Contains(p.TrustedContexts, context)
}

// Trust records that the learner trusts the kube context.
func (p *Progress) Trust(context string) {
	if !p.Trusts(context) {
		p.TrustedContexts = append(p.TrustedContexts, context)
	}
}

// The JSON methods keep the fields a newer kanzen may have added.

func (p *Progress) UnmarshalJSON(data []byte) (err error) {
	type plain Progress
	p.unknown, err = decodeKeeping(data, (*plain)(p))
	return err
}

func (p Progress) MarshalJSON() ([]byte, error) {
	type plain Progress
	return encodeKeeping(plain(p), p.unknown)
}

func (e *Exercise) UnmarshalJSON(data []byte) (err error) {
	type plain Exercise
	e.unknown, err = decodeKeeping(data, (*plain)(e))
	return err
}

func (e Exercise) MarshalJSON() ([]byte, error) {
	type plain Exercise
	return encodeKeeping(plain(e), e.unknown)
}
