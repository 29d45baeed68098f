package lessons

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"sigs.k8s.io/yaml"
)

// glossaryFile lists the course's preferred terms.
const glossaryFile = "glossary.yaml"

// Term is one concept's preferred wording and the variants it replaces.
type Term struct {
	Use  string   `json:"use"`
	Not  []string `json:"not"`
	Note string   `json:"note"`
}

// Glossary is the course's one voice: a term per concept.
type Glossary struct {
	Terms []Term `json:"terms"`
}

// LoadGlossary reads the glossary from a content tree; a tree without one
// has no preferred terms.
func LoadGlossary(content fs.FS) (Glossary, error) {
	var g Glossary
	data, err := fs.ReadFile(content, glossaryFile)
	if errors.Is(err, fs.ErrNotExist) {
		return g, nil
	}
	if err != nil {
		return g, err
	}
	if err := yaml.UnmarshalStrict(data, &g); err != nil {
		return g, fmt.Errorf("%s: %w", glossaryFile, err)
	}
	for i, t := range g.Terms {
		if t.Use == "" || len(t.Not) == 0 {
			return g, fmt.Errorf("%s: terms[%d]: a term needs `use` and at least one variant under `not`", glossaryFile, i)
		}
	}
	return g, nil
}

// Variant returns the first variant in s that is not part of its preferred
// term, the term, and the variant's byte offset; or -1. A variant can be the
// start of its term (サーバ in サーバー), so an occurrence counts only where
// the term does not cover it.
func (g Glossary) Variant(s string) (Term, string, int) {
	for _, t := range g.Terms {
		for _, v := range t.Not {
			for from := 0; ; {
				i := strings.Index(s[from:], v)
				if i < 0 {
					break
				}
				at := from + i
				if !covered(s, at, len(v), t.Use) {
					return t, v, at
				}
				from = at + len(v)
			}
		}
	}
	return Term{}, "", -1
}

// covered reports whether an occurrence of term in s spans the n bytes at at.
func covered(s string, at, n int, term string) bool {
	for start := max(at-len(term)+n, 0); start <= at; start++ {
		if strings.HasPrefix(s[start:], term) {
			return true
		}
	}
	return false
}

// lintGlossary reports every variant the glossary replaces, in every file
// of the content tree but the glossary itself: lessons, exercises and
// quizzes alike.
func lintGlossary(content fs.FS, v *validator) {
	g, err := LoadGlossary(content)
	if err != nil {
		v.errs = append(v.errs, err)
		return
	}
	if len(g.Terms) == 0 {
		return
	}
	_ = fs.WalkDir(content, ".", func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || file == glossaryFile || (path.Ext(file) != ".yaml" && path.Ext(file) != lessonSuffix) {
			return err
		}
		data, err := fs.ReadFile(content, file)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(data), "\n") {
			if t, variant, at := g.Variant(line); at >= 0 {
				v.in(file).bad(fmt.Sprintf("line %d", n+1), "%q at %q: write %q (%s)", variant, around(line, at), t.Use, t.Note)
			}
		}
		return nil
	})
}
