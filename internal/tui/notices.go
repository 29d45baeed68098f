package tui

import (
	"errors"
	"fmt"
	"strings"

	"kanzen.dev/kanzen/internal/progress"
)

// explain words the notices kanzen starts with in the learner's language:
// what it could not use of the progress file, and why.
func (m Model) explain(notices []error) string {
	t := m.words()
	var lines []string
	for _, err := range notices {
		var corrupt *progress.CorruptError
		var newer *progress.NewerError
		var lang *progress.UnknownLangError
		switch {
		case errors.As(err, &corrupt):
			lines = append(lines, fmt.Sprintf(t.progressSetAside, corrupt.Path, corrupt.Err, corrupt.Backup))
		case errors.As(err, &newer):
			lines = append(lines, fmt.Sprintf(t.progressNewer, newer.Path, newer.Version))
		case errors.As(err, &lang):
			lines = append(lines, fmt.Sprintf(t.progressLang, lang.Path, lang.Lang))
		default:
			lines = append(lines, err.Error())
		}
	}
	return strings.Join(lines, "\n")
}
