package quiz

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"sigs.k8s.io/yaml"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/lessons"
)

// Dir is the content directory that holds one CHAPTER.yaml quiz per chapter.
const Dir = "quizzes"

// The bounds the format sets.
const (
	minChoices, maxChoices = 2, 6
	minItems, maxItems     = 3, 6
)

// file is a quiz file as written.
type file struct {
	Chapter   string        `json:"chapter"`
	PassMark  float64       `json:"passMark"`
	Questions []rawQuestion `json:"questions"`
}

// rawQuestion is a question as written: items are decoded by type, since
// an order question's items are texts and a sort question's are resources.
type rawQuestion struct {
	ID         string          `json:"id"`
	Type       Type            `json:"type"`
	Lesson     string          `json:"lesson"`
	Prompt     lessons.Text    `json:"prompt,omitempty"`
	Explain    lessons.Text    `json:"explain"`
	Choices    []lessons.Text  `json:"choices,omitempty"`
	Correct    []int           `json:"correct,omitempty"`
	Truth      *bool           `json:"truth,omitempty"`
	Items      json.RawMessage `json:"items,omitempty"`
	Categories []Category      `json:"categories,omitempty"`
	Kind       string          `json:"kind,omitempty"`
	Examples   []string        `json:"examples,omitempty"`
	Checks     []lessons.Check `json:"checks,omitempty"`
	Resource   string          `json:"resource,omitempty"`
	Ask        Ask             `json:"ask,omitempty"`
}

// Load reads and validates every quiz in content's quizzes directory, in
// the course's chapter order. Each mistake names its file and field, such
// as "quizzes/4.yaml: questions[3].correct: ...". No directory means no
// quizzes yet.
func Load(content fs.FS, course *lessons.Course) ([]*Quiz, error) {
	entries, err := fs.ReadDir(content, Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Dir, err)
	}
	var errs []error
	var quizzes []*Quiz
	for _, entry := range entries {
		name := path.Join(Dir, entry.Name())
		p := &problems{file: name, errs: &errs}
		chapter, ok := strings.CutSuffix(entry.Name(), ".yaml")
		if entry.IsDir() || !ok {
			p.bad("file", "not a quiz: %s holds CHAPTER.yaml files", Dir)
			continue
		}
		data, err := fs.ReadFile(content, name)
		if err != nil {
			p.bad("file", "%v", err)
			continue
		}
		if z := parse(data, chapter, course, p); z != nil {
			quizzes = append(quizzes, z)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	order := chapterOrder(course)
	slices.SortStableFunc(quizzes, func(a, b *Quiz) int { return order[a.Chapter] - order[b.Chapter] })
	return quizzes, nil
}

// chapterOrder numbers the course's chapters.
func chapterOrder(course *lessons.Course) map[string]int {
	order := map[string]int{}
	if course != nil {
		for i, ch := range course.Chapters {
			order[ch.ID] = i
		}
	}
	return order
}

// parse decodes and validates one quiz file of chapter.
func parse(data []byte, chapter string, course *lessons.Course, p *problems) *Quiz {
	var f file
	if err := yaml.UnmarshalStrict(data, &f); err != nil {
		p.bad("file", "%v", err)
		return nil
	}
	z := &Quiz{Chapter: f.Chapter, PassMark: f.PassMark}
	switch _, known := chapterOrder(course)[chapter]; {
	case f.Chapter != chapter:
		p.bad("chapter", "%q does not match the file name", f.Chapter)
	case course != nil && !known:
		p.bad("chapter", "%q is not a chapter of the course", f.Chapter)
	}
	if f.PassMark <= 0 || f.PassMark > 1 {
		p.bad("passMark", "%v is not a fraction in (0, 1], such as 0.8", f.PassMark)
	}
	if len(f.Questions) == 0 {
		p.bad("questions", "a quiz needs at least one question")
	}
	seen := map[string]bool{}
	for i := range f.Questions {
		field := fmt.Sprintf("questions[%d]", i)
		r := &f.Questions[i]
		switch {
		case !questionID.MatchString(r.ID):
			p.bad(field+".id", "%q is not a lowercase id such as pod-category", r.ID)
		case seen[r.ID]:
			p.bad(field+".id", "duplicate id %q", r.ID)
		}
		seen[r.ID] = true
		if q := r.question(field, course, p); q != nil {
			q.Chapter = chapter
			z.Questions = append(z.Questions, q)
		}
	}
	return z
}

var (
	questionID = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	checkID    = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	resourceRE = regexp.MustCompile(`^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9.-]*)?$`)
)

// typeFields are the type-specific fields each type may have.
var typeFields = map[Type][]string{
	Single:    {"choices", "correct"},
	Multiple:  {"choices", "correct"},
	TrueFalse: {"truth"},
	Order:     {"items"},
	Sort:      {"categories", "items"},
	Command:   {"kind", "examples", "checks"},
	Discovery: {"resource", "ask"},
}

// question validates a question and builds it; nil if it cannot be built.
func (r *rawQuestion) question(field string, course *lessons.Course, p *problems) *Question {
	at := func(f string) string { return field + "." + f }
	q := &Question{ID: r.ID, Type: r.Type, Lesson: r.Lesson, Prompt: r.Prompt, Explain: r.Explain}
	allowed, known := typeFields[r.Type]
	if !known {
		p.bad(at("type"), "%q is not a question type (one of %v)", r.Type, Types)
		return nil
	}
	switch {
	case r.Lesson == "":
		p.bad(at("lesson"), "missing: the id of the lesson that teaches the answer")
	case course != nil && !hasLesson(course, r.Lesson):
		p.bad(at("lesson"), "%q is not a lesson of the course", r.Lesson)
	}
	if r.Type != Discovery || len(r.Prompt) > 0 {
		p.text(at("prompt"), r.Prompt)
	}
	p.text(at("explain"), r.Explain)
	present := map[string]bool{
		"choices": len(r.Choices) > 0, "correct": len(r.Correct) > 0, "truth": r.Truth != nil,
		"items": len(r.Items) > 0 && string(r.Items) != "null", "categories": len(r.Categories) > 0,
		"kind": r.Kind != "", "examples": len(r.Examples) > 0, "checks": len(r.Checks) > 0,
		"resource": r.Resource != "", "ask": r.Ask != "",
	}
	for _, f := range []string{"choices", "correct", "truth", "items", "categories", "kind", "examples", "checks", "resource", "ask"} {
		if present[f] && !slices.Contains(allowed, f) {
			p.bad(at(f), "a %s question has no %s", r.Type, f)
		}
	}
	switch r.Type {
	case Single, Multiple:
		r.choices(q, field, p)
	case TrueFalse:
		if r.Truth == nil {
			p.bad(at("truth"), "missing: true or false")
		} else {
			q.Truth = *r.Truth
		}
	case Order:
		r.order(q, field, p)
	case Sort:
		r.sort(q, field, p)
	case Command:
		r.command(q, field, p)
	case Discovery:
		if !resourceRE.MatchString(r.Resource) {
			p.bad(at("resource"), "%q is not a resource name as kubectl api-resources prints it, such as deployments", r.Resource)
		}
		if !slices.Contains(Asks, r.Ask) {
			p.bad(at("ask"), "%q is not one of %v", r.Ask, Asks)
		}
		q.Resource, q.Ask = r.Resource, r.Ask
	}
	return q
}

func hasLesson(course *lessons.Course, id string) bool {
	_, l := course.Find(id)
	return l != nil && l.ID == id
}

func (r *rawQuestion) choices(q *Question, field string, p *problems) {
	if n := len(r.Choices); n < minChoices || n > maxChoices {
		p.bad(field+".choices", "has %d choices, want %d to %d", n, minChoices, maxChoices)
	}
	first := map[string]int{}
	for i, c := range r.Choices {
		f := fmt.Sprintf("%s.choices[%d]", field, i)
		p.text(f, c)
		for _, lang := range lessons.Langs {
			key := string(lang) + "\x00" + c[lang]
			if j, ok := first[key]; ok && c[lang] != "" {
				p.bad(f+"."+string(lang), "the same as choices[%d]", j)
			} else if !ok {
				first[key] = i
			}
		}
	}
	switch {
	case r.Type == Single && len(r.Correct) != 1:
		p.bad(field+".correct", "a single question has exactly one correct choice, got %d", len(r.Correct))
	case len(r.Correct) == 0:
		p.bad(field+".correct", "a multiple question has one or more correct choices, got none")
	}
	seen := map[int]bool{}
	for i, c := range r.Correct {
		f := fmt.Sprintf("%s.correct[%d]", field, i)
		switch {
		case c < 0 || c >= len(r.Choices):
			p.bad(f, "%d is not a choice index (0 to %d)", c, len(r.Choices)-1)
		case seen[c]:
			p.bad(f, "duplicate choice %d", c)
		}
		seen[c] = true
	}
	q.Choices, q.Correct = r.Choices, r.Correct
}

func (r *rawQuestion) order(q *Question, field string, p *problems) {
	var items []lessons.Text
	if err := yaml.UnmarshalStrict(r.Items, &items); err != nil {
		p.bad(field+".items", "an order question's items are texts ({en: ..., ja: ...}) in the right order: %v", err)
		return
	}
	if n := len(items); n < minItems || n > maxItems {
		p.bad(field+".items", "has %d items, want %d to %d", n, minItems, maxItems)
	}
	for i, item := range items {
		p.text(fmt.Sprintf("%s.items[%d]", field, i), item)
	}
	q.Items = items
}

func (r *rawQuestion) sort(q *Question, field string, p *problems) {
	if len(r.Categories) == 0 {
		p.bad(field+".categories", "missing: list the categories to sort into, from %v", Categories)
	}
	for i, c := range r.Categories {
		f := fmt.Sprintf("%s.categories[%d]", field, i)
		switch {
		case !c.Valid():
			p.bad(f, "%q is not a category (one of %v)", c, Categories)
		case slices.Index(r.Categories, c) < i:
			p.bad(f, "duplicate category %q", c)
		}
	}
	var items []SortItem
	if err := yaml.UnmarshalStrict(r.Items, &items); err != nil {
		p.bad(field+".items", "a sort question's items are {name, category, note}: %v", err)
		return
	}
	if len(items) == 0 {
		p.bad(field+".items", "missing: the resources to sort")
	}
	seen := map[string]bool{}
	for i, item := range items {
		f := fmt.Sprintf("%s.items[%d]", field, i)
		switch {
		case strings.TrimSpace(item.Name) == "":
			p.bad(f+".name", "missing")
		case seen[item.Name]:
			p.bad(f+".name", "duplicate item %q", item.Name)
		}
		seen[item.Name] = true
		if !slices.Contains(r.Categories, item.Category) {
			p.bad(f+".category", "%q is not among the question's categories %v", item.Category, r.Categories)
		}
		if len(item.Note) > 0 {
			p.text(f+".note", item.Note)
		}
	}
	q.Categories, q.Sorted = r.Categories, items
}

func (r *rawQuestion) command(q *Question, field string, p *problems) {
	if r.Kind == "" || strings.ToUpper(r.Kind[:1]) != r.Kind[:1] {
		p.bad(field+".kind", "%q is not a Kind (such as Pod or Deployment)", r.Kind)
	}
	if len(r.Examples) == 0 {
		p.bad(field+".examples", "give at least one right answer")
	}
	for i, ex := range r.Examples {
		if _, err := ParseCommand(ex); err != nil {
			p.bad(fmt.Sprintf("%s.examples[%d]", field, i), "%v", err)
		}
	}
	if len(r.Checks) == 0 {
		p.bad(field+".checks", "a command question needs at least one check")
	}
	checks := make([]lessons.Check, len(r.Checks))
	ok := true
	seen := map[string]bool{}
	for i, c := range r.Checks {
		f := fmt.Sprintf("%s.checks[%d]", field, i)
		// Without a target, a check looks at the object the command made.
		if c.Target == nil {
			c.Target = &lessons.Target{Kind: r.Kind}
		}
		checks[i] = c
		switch {
		case !checkID.MatchString(c.ID):
			p.bad(f+".id", "%q is not a lowercase id such as image", c.ID)
		case seen[c.ID]:
			p.bad(f+".id", "duplicate id %q", c.ID)
		}
		if c.Target.Kind != r.Kind {
			p.bad(f+".target.kind", "%q is not the question's kind %q", c.Target.Kind, r.Kind)
		}
		for _, problem := range lessons.CheckProblems(c, seen) {
			p.bad(f+"."+problem.Field, "%s", problem.Problem)
		}
		seen[c.ID] = true
		// Compiled one at a time, so that each error names its check.
		if _, err := check.Compile(exercise(r.Kind, []lessons.Check{c})); err != nil {
			for _, e := range unjoin(err) {
				name, msg, _ := strings.Cut(strings.TrimPrefix(e.Error(), "checks[0]."), ": ")
				p.bad(f+"."+name, "%s", msg)
			}
			ok = false
		}
	}
	q.Kind, q.Examples, q.Checks = r.Kind, r.Examples, checks
	if ok && len(checks) > 0 {
		q.program, _ = check.Compile(exercise(r.Kind, checks))
	}
}

// unjoin lists the errors errors.Join joined.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// exercise wraps a command question's checks for the check engine, which
// sees the object the dry run returned as the only object of kind.
func exercise(kind string, checks []lessons.Check) *lessons.Exercise {
	return &lessons.Exercise{ID: "quiz", Kinds: []string{kind}, Checks: checks}
}

// problems collects mistakes, each naming its file and field.
type problems struct {
	file string
	errs *[]error
}

func (p *problems) bad(field, format string, args ...any) {
	*p.errs = append(*p.errs, fmt.Errorf("%s: %s: %s", p.file, field, fmt.Sprintf(format, args...)))
}

// text reports a Text that lacks a language or has an unknown one.
func (p *problems) text(field string, t lessons.Text) {
	for _, tp := range lessons.TextProblems(t) {
		p.bad(field+"."+string(tp.Lang), "%s", tp.Problem)
	}
}
