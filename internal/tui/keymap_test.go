package tui

import (
	"testing"

	"kanzen.dev/kanzen/lessons"
)

// Footers and help are read from the key table; these keep the table
// itself honest: a footer names only keys that work where it is shown,
// and every binding has keys and a place in the table.
func TestFootersNameOnlyKeysThatWorkWhereTheyAreShown(t *testing.T) {
	footers := map[string]struct {
		on       where
		bindings []*binding
	}{
		"home": {onHome, homeFooter}, "study": {onStudy, studyFooter}, "choosing": {onChoosing, choosingFooter},
		"command": {onTyping, commandFooter}, "text": {onTyping, textFooter}, "manifest": {onTyping, manifestFooter},
		"grading": {onGrading, gradingFooter}, "judged": {onJudged, judgedFooter}, "finished": {onFinished, finishedFooter},
		"exercise": {onStudy, exerciseFooter}, "judged keys": {onJudged, judgedKeys}, "last keys": {onJudged, lastKeys},
		"finished keys": {onFinished, finishedKeys},
	}
	for name, f := range footers {
		for _, b := range f.bindings {
			if b.on&f.on == 0 {
				t.Errorf("the %s footer names %q, which does not work there", name, b.footer(lessons.English, 5))
			}
			for _, lang := range lessons.Langs {
				if b.short.In(lang) == "" {
					t.Errorf("the %s footer names %q without saying what it does in %s", name, b.Help().Key, lang)
				}
			}
		}
	}
	seen := map[*binding]bool{}
	for _, b := range keyTable {
		if len(b.Keys()) == 0 || seen[b] {
			t.Errorf("binding %+v has no keys, or stands twice in the table", b.Help())
		}
		seen[b] = true
		for _, lang := range lessons.Langs {
			if b.help != nil && b.help.In(lang) == "" {
				t.Errorf("%s has no help in %s", b.Help().Key, lang)
			}
		}
	}
	for _, footer := range footers {
		for _, b := range footer.bindings {
			if !seen[b] {
				t.Errorf("%s is in a footer but not in the key table", b.Help().Key)
			}
		}
	}
}

func TestTheHelpCountsTheCoursesChapters(t *testing.T) {
	for _, row := range helpRows(onReading, lessons.English, 5) {
		if row[0] == "1–5 g G" {
			return
		}
	}
	t.Errorf("no row for the chapter keys 1–5: %q", helpRows(onReading, lessons.English, 5))
}
