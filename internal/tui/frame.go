package tui

import (
	"kanzen.dev/kanzen/internal/markdown"
	"kanzen.dev/kanzen/lessons"
)

// frame is what a pane draws with: the styles, the language, the cells it
// has and the course. Panes take it rather than the whole Model, so that
// what they draw depends on nothing else.
type frame struct {
	st     styles
	lang   lessons.Lang
	w, h   int
	course *lessons.Course
	// markdown is the style lessons are rendered in.
	markdown string
}

// frame is the shared drawing context for a pane of w×h cells.
func (m Model) frame(w, h int) frame {
	return frame{st: m.styles(), lang: m.lang, w: w, h: h, course: m.course, markdown: markdown.Style(m.dark, m.opts.NoColor)}
}

// drawnLayouts keeps what View laid out for one model, so that the Update that
// follows maps scrolls and clicks onto what is on screen without laying
// it out again. Each Update starts a new one: a model it changed has not
// been drawn yet.
type drawnLayouts struct {
	quiz *quizLayout
}
