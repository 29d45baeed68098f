package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/lessons"
)

// Every hint, solution and debrief of the real course shows whole in a
// narrow exercise pane: wrapped, never cut.
func TestTheCoursesExercisesShowWholeInANarrowPane(t *testing.T) {
	c, err := lessons.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(t, Options{Course: c}, 120, 40)
	squeeze := strings.NewReplacer(" ", "", "\n", "")
	record := progress.Exercise{HintsUsed: 3, SolutionShown: true}
	for _, ch := range c.Chapters {
		for _, l := range ch.Lessons {
			for _, ex := range l.Exercises {
				for _, lang := range lessons.Langs {
					m.lang = lang
					p := exercisePane{ex: ex, phase: watching}
					for _, w := range []int{38, 60} {
						lines := p.text(m.frame(w, 40), "", record).lines
						text := ansi.Strip(strings.Join(lines, "\n"))
						// The course writes a few ellipses of its own.
						written := ex.Goal.In(lang) + ex.Note.In(lang) + ex.Debrief.In(lang) + strings.Join(ex.Solution, "")
						for _, h := range ex.Hints {
							written += h.In(lang)
						}
						if strings.Count(text, "…") > strings.Count(written, "…") {
							t.Errorf("%s %s at %d: a line was cut:\n%s", ex.ID, lang, w, text)
						}
						for _, l := range lines {
							if lw := ansi.StringWidth(l); lw > w {
								t.Errorf("%s %s at %d: %q is %d wide", ex.ID, lang, w, ansi.Strip(l), lw)
							}
						}
						for _, cmd := range ex.Solution {
							if !strings.Contains(squeeze.Replace(text), squeeze.Replace(cmd)) {
								t.Errorf("%s %s at %d: the solution %q is not whole:\n%s", ex.ID, lang, w, cmd, text)
							}
						}
					}
				}
			}
		}
	}
}
