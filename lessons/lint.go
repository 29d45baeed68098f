package lessons

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Lint loads the course and also reports what loading tolerates while a
// chapter is being written: files in lessons/, exercises/ and chapters/ that
// nothing names, lessons with tables or code too wide for their pane, and
// any wording the glossary replaces.
func Lint(content fs.FS) error {
	c, err := Load(content)
	if err != nil {
		return err
	}
	named := map[string]bool{}
	for _, ch := range c.Chapters {
		if len(ch.Lessons) > 0 {
			named[chapterFile(ch.ID)] = true
		}
		for _, l := range ch.Lessons {
			for _, lang := range Langs {
				named[path.Join(lessonsDir, l.ID+"."+string(lang)+lessonSuffix)] = true
			}
			for _, id := range l.ExerciseIDs {
				named[path.Join(exercisesDir, id+exerciseSuffix)] = true
			}
		}
	}
	v := &validator{}
	for _, ch := range c.Chapters {
		for _, l := range ch.Lessons {
			for _, lang := range Langs {
				file := path.Join(lessonsDir, l.ID+"."+string(lang)+lessonSuffix)
				if n := tableLine(l.Body[lang]); n > 0 {
					v.in(file).bad(fmt.Sprintf("line %d", n), "a table: lesson panes are narrow and tables break there (in Japanese above all); use a list")
				}
				if n, w := wideCodeLine(l.Body[lang]); n > 0 {
					v.in(file).bad(fmt.Sprintf("line %d", n), "a code line %d columns wide wraps in the lesson pane: keep code within %d (split commands with \\, comments on a line of their own)", w, MaxCodeWidth)
				}
			}
		}
	}
	lintGlossary(content, v)
	for _, dir := range []string{chaptersDir, lessonsDir, exercisesDir} {
		entries, _ := fs.ReadDir(content, dir)
		for _, entry := range entries {
			if file := path.Join(dir, entry.Name()); !named[file] {
				v.in(file).bad("file", "not named by any chapter")
			}
		}
	}
	return v.err()
}

// MaxCodeWidth is how wide a lesson's code lines may be: wider ones wrap
// in the lesson pane of a 108-column terminal, and a wrapped command reads
// as two.
const MaxCodeWidth = 56

// wideCodeLine returns the number and width of the first line in a fenced
// code block wider than MaxCodeWidth, or 0.
func wideCodeLine(markdown string) (line, width int) {
	fenced := false
	for i, l := range strings.Split(markdown, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			fenced = !fenced
			continue
		}
		if w := ansi.StringWidth(l); fenced && w > MaxCodeWidth {
			return i + 1, w
		}
	}
	return 0, 0
}

// tableDelimiter is the line under a Markdown table's header.
var tableDelimiter = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)

// tableLine returns the line number of the first table's header in
// markdown, or 0.
func tableLine(markdown string) int {
	lines := strings.Split(markdown, "\n")
	fenced := false
	for i, line := range lines {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
		}
		if !fenced && i > 0 && strings.Contains(lines[i-1], "|") && strings.Contains(line, "|") && tableDelimiter.MatchString(line) {
			return i
		}
	}
	return 0
}
