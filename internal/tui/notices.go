package tui

import (
	"errors"
	"strings"

	"kanzen.dev/kanzen/internal/progress"
)

// explain words the notices kanzen starts with in the learner's language:
// what it could not use of the progress file, and why.
func (m Model) explain(notices []error) string {
	var lines []string
	for _, err := range notices {
		var corrupt *progress.CorruptError
		var newer *progress.NewerError
		var lang *progress.UnknownLangError
		switch {
		case errors.As(err, &corrupt):
			lines = append(lines, progressSetAside.With(corrupt.Path, corrupt.Err, corrupt.Backup).In(m.lang))
		case errors.As(err, &newer):
			lines = append(lines, progressNewer.With(newer.Path, newer.Version).In(m.lang))
		case errors.As(err, &lang):
			lines = append(lines, progressLang.With(lang.Path, lang.Lang).In(m.lang))
		default:
			lines = append(lines, err.Error())
		}
	}
	return strings.Join(lines, "\n")
}
