package cli

import (
	"fmt"
	"os"
	"strings"

	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/lessons"
)

// learnerLang is the one rule every command follows for the language it
// speaks: --lang, else the learner's saved choice in the progress file (p
// may be nil), else the environment's, else English.
func learnerLang(flag string, p *progress.Progress) (lessons.Lang, error) {
	if flag != "" {
		for _, l := range lessons.Langs {
			if string(l) == flag {
				return l, nil
			}
		}
		return "", fmt.Errorf("unknown --lang %q: want en or ja", flag)
	}
	if p != nil && p.Lang != "" {
		return lessons.Lang(p.Lang), nil
	}
	return environmentLang(), nil
}

// environmentLang is the language of the first locale variable that is
// set: Japanese for ja*, else English.
func environmentLang() lessons.Lang {
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(env); v != "" {
			if strings.HasPrefix(v, "ja") {
				return lessons.Japanese
			}
			return lessons.English
		}
	}
	return lessons.English
}
