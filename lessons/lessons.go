// Package lessons is the curriculum model: it loads the course from content
// and validates it. It is pure: no cluster, no terminal.
package lessons

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"sigs.k8s.io/yaml"
)

// Lang is a content language.
type Lang string

// The languages every piece of content comes in.
const (
	English  Lang = "en"
	Japanese Lang = "ja"
)

// Langs lists the supported languages in display order.
var Langs = []Lang{English, Japanese}

// Text is one string in every supported language.
type Text map[Lang]string

// In returns the text in lang, falling back to English.
func (t Text) In(lang Lang) string {
	if s := t[lang]; s != "" {
		return s
	}
	return t[English]
}

// With fills the text's verbs (fmt's) with args, in whichever language it is
// shown. Engines write every fixed phrase as a Text and every phrase with
// arguments as a Message, so a new language is one more entry per phrase.
func (t Text) With(args ...any) Message { return Message{t, args} }

// Message is a Text with its arguments. Arguments that are themselves a Text
// or a Message are shown in the same language as the message.
type Message struct {
	Text Text
	Args []any
}

// In returns the message in lang.
func (m Message) In(lang Lang) string {
	if len(m.Args) == 0 {
		return m.Text.In(lang)
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch a := a.(type) {
		case Text:
			args[i] = a.In(lang)
		case Message:
			args[i] = a.In(lang)
		default:
			args[i] = a
		}
	}
	return fmt.Sprintf(m.Text.In(lang), args...)
}

// Course is the whole curriculum.
type Course struct {
	Title    Text      `json:"title"`
	Chapters []Chapter `json:"chapters"`

	exercises map[string]*Exercise
}

// Chapter is one chapter of the book.
type Chapter struct {
	ID      string   `json:"id"`
	Title   Text     `json:"title"`
	Summary Text     `json:"summary"`
	Lessons []Lesson `json:"lessons,omitempty"`
}

// Lesson is a page of reading, with the exercises that practise it.
type Lesson struct {
	// ID names the lesson's files: lessons/ID.en.md and lessons/ID.ja.md.
	ID    string `json:"id"`
	Title Text   `json:"title"`
	// ExerciseIDs name files exercises/ID.yaml, in the order they are done.
	ExerciseIDs []string `json:"exercises,omitempty"`

	// Body is the lesson's Markdown in each language.
	Body      Text        `json:"-"`
	Exercises []*Exercise `json:"-"`
}

// The content tree's layout.
const (
	manifest       = "course.yaml"
	chaptersDir    = "chapters"
	lessonsDir     = "lessons"
	exercisesDir   = "exercises"
	lessonSuffix   = ".md"
	exerciseSuffix = ".yaml"
)

// Load reads and validates the course from a content tree.
func Load(content fs.FS) (*Course, error) {
	data, err := fs.ReadFile(content, manifest)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", manifest, err)
	}
	var c Course
	if err := yaml.UnmarshalStrict(data, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", manifest, err)
	}
	v := &validator{}
	c.validate(v.in(manifest))
	c.loadChapters(content, v)
	c.loadFiles(content, v)
	if err := v.err(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Exercise returns the exercise with the given id, or nil.
func (c *Course) Exercise(id string) *Exercise {
	return c.exercises[id]
}

// Chapter returns the chapter with the given id, or nil.
func (c *Course) Chapter(id string) *Chapter {
	for i := range c.Chapters {
		if c.Chapters[i].ID == id {
			return &c.Chapters[i]
		}
	}
	return nil
}

// Find returns the chapter and lesson that hold an exercise or a lesson id.
func (c *Course) Find(id string) (*Chapter, *Lesson) {
	for i := range c.Chapters {
		ch := &c.Chapters[i]
		for j := range ch.Lessons {
			l := &ch.Lessons[j]
			if l.ID == id {
				return ch, l
			}
			for _, e := range l.ExerciseIDs {
				if e == id {
					return ch, l
				}
			}
		}
	}
	return nil, nil
}

// AllExercises lists every exercise in course order.
func (c *Course) AllExercises() []*Exercise {
	var all []*Exercise
	for _, ch := range c.Chapters {
		for _, l := range ch.Lessons {
			all = append(all, l.Exercises...)
		}
	}
	return all
}

// validator collects mistakes, each naming its file and field.
type validator struct{ errs []error }

// problems reports mistakes found in one file.
type problems struct {
	v    *validator
	file string
}

func (v *validator) in(file string) problems { return problems{v, file} }

func (v *validator) err() error { return errors.Join(v.errs...) }

func (p problems) bad(field, format string, args ...any) {
	p.v.errs = append(p.v.errs, fmt.Errorf("%s: %s: %s", p.file, field, fmt.Sprintf(format, args...)))
}

// text reports what is wrong with a Text.
func (p problems) text(field string, t Text) {
	for _, tp := range TextProblems(t) {
		p.bad(field+"."+string(tp.Lang), "%s", tp.Problem)
	}
}

// validate checks the manifest itself.
func (c *Course) validate(p problems) {
	p.text("title", c.Title)
	if len(c.Chapters) == 0 {
		p.bad("chapters", "the course has no chapters")
	}
	seen := map[string]bool{}
	for i, ch := range c.Chapters {
		field := fmt.Sprintf("chapters[%d]", i)
		switch {
		case ch.ID == "":
			p.bad(field+".id", "missing")
		case seen[ch.ID]:
			p.bad(field+".id", "duplicate id %q", ch.ID)
		}
		seen[ch.ID] = true
		p.text(field+".title", ch.Title)
		p.text(field+".summary", ch.Summary)
		if len(ch.Lessons) > 0 {
			p.bad(field+".lessons", "list a chapter's lessons in %s", chapterFile(ch.ID))
		}
	}
}

// chapterFile names the file that lists a chapter's lessons.
func chapterFile(id string) string { return path.Join(chaptersDir, id+".yaml") }

// chapterLessons is the content of a chapter file.
type chapterLessons struct {
	Lessons []Lesson `json:"lessons"`
}

// loadChapters reads each chapter's lessons from its own file, so that
// authors of different chapters never edit the same file. A chapter without
// a file has no lessons yet.
func (c *Course) loadChapters(content fs.FS, v *validator) {
	seen := map[string]bool{}
	for i := range c.Chapters {
		ch := &c.Chapters[i]
		file := chapterFile(ch.ID)
		data, err := fs.ReadFile(content, file)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		p := v.in(file)
		var cl chapterLessons
		if err == nil {
			err = yaml.UnmarshalStrict(data, &cl)
		}
		if err != nil {
			p.bad("file", "%v", err)
			continue
		}
		ch.Lessons = cl.Lessons
		unique := func(field, id string) {
			switch {
			case id == "":
				p.bad(field, "missing")
			case seen[id]:
				p.bad(field, "duplicate id %q", id)
			}
			seen[id] = true
		}
		for j, l := range ch.Lessons {
			lf := fmt.Sprintf("lessons[%d]", j)
			unique(lf+".id", l.ID)
			p.text(lf+".title", l.Title)
			for k, id := range l.ExerciseIDs {
				ef := fmt.Sprintf("%s.exercises[%d]", lf, k)
				unique(ef, id)
				if !strings.HasPrefix(id, ch.ID+".") {
					p.bad(ef, "exercise %q belongs to chapter %s, not %s", id, strings.Split(id, ".")[0], ch.ID)
				}
			}
		}
	}
}

// loadFiles reads every lesson and exercise the chapters name.
func (c *Course) loadFiles(content fs.FS, v *validator) {
	c.exercises = map[string]*Exercise{}
	for i := range c.Chapters {
		for j := range c.Chapters[i].Lessons {
			l := &c.Chapters[i].Lessons[j]
			l.Body = Text{}
			for _, lang := range Langs {
				file := path.Join(lessonsDir, l.ID+"."+string(lang)+lessonSuffix)
				data, err := fs.ReadFile(content, file)
				switch {
				case err != nil:
					v.in(file).bad("file", "missing (lesson %q in %s)", l.ID, chapterFile(c.Chapters[i].ID))
				case strings.TrimSpace(string(data)) == "":
					v.in(file).bad("file", "empty")
				default:
					l.Body[lang] = string(data)
				}
			}
			l.Exercises = nil
			for _, id := range l.ExerciseIDs {
				file := path.Join(exercisesDir, id+exerciseSuffix)
				e, ok := loadExercise(content, file, id, v.in(file))
				if ok {
					l.Exercises = append(l.Exercises, e)
					c.exercises[id] = e
				}
			}
		}
	}
}

func loadExercise(content fs.FS, file, id string, p problems) (*Exercise, bool) {
	data, err := fs.ReadFile(content, file)
	if err != nil {
		p.bad("file", "missing (exercise %q)", id)
		return nil, false
	}
	var e Exercise
	if err := yaml.UnmarshalStrict(data, &e); err != nil {
		p.bad("file", "%v", err)
		return nil, false
	}
	if e.ID != id {
		p.bad("id", "%q does not match the file name", e.ID)
	}
	e.validate(p.bad, p.text)
	return &e, true
}
