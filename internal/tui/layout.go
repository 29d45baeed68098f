package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// fit cuts or pads a styled line to exactly w cells.
func fit(line string, w int) string {
	if w <= 0 {
		return ""
	}
	line = ansi.Truncate(line, w, "…")
	if gap := w - ansi.StringWidth(line); gap > 0 {
		line += strings.Repeat(" ", gap)
	}
	return line
}

// box draws body inside a rounded border of exactly w×h cells, with title
// set into the top edge. A focused box has an accented border.
func box(title string, body []string, w, h int, focused bool, st styles) []string {
	if w < 2 || h < 2 {
		return blank(w, h)
	}
	edge := st.border
	if focused {
		edge = st.focus
	}
	inner := w - 2
	label := ""
	if title != "" && inner > 4 {
		label = ansi.Truncate(" "+title+" ", inner-2, "…")
	}
	top := edge.Render("╭─"+label) + edge.Render(strings.Repeat("─", max(inner-1-ansi.StringWidth(label), 0))+"╮")
	lines := []string{top}
	for i := 0; i < h-2; i++ {
		content := ""
		if i < len(body) {
			content = body[i]
		}
		lines = append(lines, edge.Render("│")+fit(" "+content, inner)+edge.Render("│"))
	}
	lines = append(lines, edge.Render("╰"+strings.Repeat("─", inner)+"╯"))
	return lines
}

// blank is w×h of spaces.
func blank(w, h int) []string {
	lines := make([]string, max(h, 0))
	for i := range lines {
		lines[i] = strings.Repeat(" ", max(w, 0))
	}
	return lines
}

// beside joins two columns of equal height line by line.
func beside(left, right []string) []string {
	out := make([]string, max(len(left), len(right)))
	for i := range out {
		if i < len(left) {
			out[i] = left[i]
		}
		if i < len(right) {
			out[i] += right[i]
		}
	}
	return out
}

// spread puts left and right on one line of width w, cutting left if needed.
func spread(left, right string, w int) string {
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		// The right side (the cluster) matters more than the title.
		line := ansi.Truncate(left, max(w-lipgloss.Width(right)-1, 0), "…") + " " + right
		return ansi.Truncate(line, w, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

// window returns at most h lines of lines starting at offset, clamping the
// offset so that the last page is full.
func window(lines []string, offset, h int) ([]string, int) {
	offset = clamp(offset, 0, max(len(lines)-h, 0))
	end := min(offset+h, len(lines))
	return lines[offset:end], offset
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// plain leaves text as it is, where a style is asked for.
func plain(s ...string) string { return strings.Join(s, "") }
