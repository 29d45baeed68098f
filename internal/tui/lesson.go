package tui

import "kanzen.dev/kanzen/internal/markdown"

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
