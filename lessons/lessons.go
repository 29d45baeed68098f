// Package lessons is the curriculum model: it loads the course from content
// and validates it. It is pure: no cluster, no terminal.
package lessons

import (
	"errors"
	"fmt"
	"io/fs"
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

// Course is the whole curriculum.
type Course struct {
	Title    Text      `json:"title"`
	Chapters []Chapter `json:"chapters"`
}

// Chapter is one chapter of the book.
type Chapter struct {
	ID      string `json:"id"`
	Title   Text   `json:"title"`
	Summary Text   `json:"summary"`
}

// manifest is the course's file inside the content tree.
const manifest = "course.yaml"

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
	if err := c.validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// validate names the file and field of every mistake it finds.
func (c *Course) validate() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s: %s", manifest, field, fmt.Sprintf(format, args...)))
	}
	checkText := func(field string, t Text) {
		for _, lang := range Langs {
			if strings.TrimSpace(t[lang]) == "" {
				bad(field+"."+string(lang), "missing")
			}
		}
		for lang := range t {
			if !knownLang(lang) {
				bad(field+"."+string(lang), "unknown language (want one of %v)", Langs)
			}
		}
	}
	checkText("title", c.Title)
	if len(c.Chapters) == 0 {
		bad("chapters", "the course has no chapters")
	}
	seen := map[string]bool{}
	for i, ch := range c.Chapters {
		field := fmt.Sprintf("chapters[%d]", i)
		switch {
		case ch.ID == "":
			bad(field+".id", "missing")
		case seen[ch.ID]:
			bad(field+".id", "duplicate id %q", ch.ID)
		}
		seen[ch.ID] = true
		checkText(field+".title", ch.Title)
		checkText(field+".summary", ch.Summary)
	}
	return errors.Join(errs...)
}

func knownLang(l Lang) bool {
	for _, known := range Langs {
		if l == known {
			return true
		}
	}
	return false
}
