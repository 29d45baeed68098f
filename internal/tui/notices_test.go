package tui

import (
	"errors"
	"strings"
	"testing"

	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/lessons"
)

func TestProgressNoticesAreInTheLearnersLanguage(t *testing.T) {
	notices := []error{
		&progress.CorruptError{Path: "/p.json", Backup: "/p.json.corrupt-1", Err: errors.New("bad JSON")},
		&progress.NewerError{Path: "/p.json", Version: 2},
		&progress.UnknownLangError{Path: "/p.json", Lang: "xx", Fallback: "en"},
	}
	for lang, want := range map[lessons.Lang][]string{
		lessons.English:  {"was moved to /p.json.corrupt-1", "written by a newer kanzen (format version 2)", `language "xx"`, "shows English"},
		lessons.Japanese: {"/p.json.corrupt-1 に移し", "新しいkanzen（形式バージョン2）", `言語 "xx"`, "日本語で表示"},
	} {
		m := New(Options{Course: course(t), Lang: lang, Notices: notices})
		for _, w := range want {
			if !strings.Contains(m.notice, w) {
				t.Errorf("%s: the notice lacks %q:\n%s", lang, w, m.notice)
			}
		}
	}
}
