package tui

import (
	"fmt"

	"kanzen.dev/kanzen/internal/markdown"
	"kanzen.dev/kanzen/lessons"
)

// lessonPane shows one lesson's Markdown, rendered for the pane's width.
type lessonPane struct {
	offset int
	// renders is shared by copies of the model.
	renders *markdown.Cache
}

// scroll moves the view by delta lines; the view clamps it when drawing.
func (p *lessonPane) scroll(delta, total, height int) {
	p.offset = clamp(p.offset+delta, 0, max(total-height, 0))
}

// box draws lesson l in a box of f.w×f.h, from the pane's offset, with the
// lines shown in its title when it does not fit.
func (p *lessonPane) box(f frame, l *lessons.Lesson, title string, focused bool) []string {
	page := p.renders.Lines(l, f.lang, max(f.w-4, 1), f.markdown)
	visible, _ := window(page, p.offset, max(f.h-2, 0))
	if len(page) > f.h-2 && f.h > 2 {
		_, offset := window(page, p.offset, f.h-2)
		title += fmt.Sprintf(" %d–%d/%d", offset+1, offset+len(visible), len(page))
	}
	return box(title, visible, f.w, f.h, focused, f.st)
}
