package cli

import (
	"errors"
	"fmt"
	"slices"

	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/lessons"
)

// progress opens the learner's record and says on stderr what kanzen could
// not use as it was, so that every command tells the learner.
func (a *app) progress() (progress.Store, *progress.Progress) {
	store, p, notes := openProgress()
	for _, n := range notes {
		fmt.Fprintf(a.stderr, "kanzen: %v\n", n)
	}
	return store, p
}

// openProgress opens the learner's record. notes say what kanzen could not
// use as it was, for the caller to show: a damaged file set aside and
// replaced (*progress.CorruptError), a newer kanzen's file left alone
// (*progress.NewerError), a language it does not know
// (*progress.UnknownLangError).
func openProgress() (store progress.Store, p *progress.Progress, notes []error) {
	path, err := progress.DefaultPath()
	if err != nil {
		notes = append(notes, fmt.Errorf("progress will not be saved: %w", err))
	}
	store = progress.Store{Path: path}
	p, err = store.Load()
	var corrupt *progress.CorruptError
	var newer *progress.NewerError
	switch {
	case errors.As(err, &corrupt), errors.As(err, &newer):
		notes = append(notes, err)
	case err != nil:
		notes = append(notes, fmt.Errorf("cannot read progress: %w", err))
	}
	if p == nil {
		p = progress.New()
	}
	if p.Lang != "" && !slices.Contains(lessons.Langs, lessons.Lang(p.Lang)) {
		notes = append(notes, &progress.UnknownLangError{Path: path, Lang: p.Lang, Fallback: string(environmentLang())})
		p.Lang = ""
	}
	return store, p, notes
}
