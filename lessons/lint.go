package lessons

import (
	"io/fs"
	"path"
)

// Lint loads the course and also reports what loading tolerates while a
// chapter is being written: files in lessons/, exercises/ and chapters/ that
// nothing names.
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
