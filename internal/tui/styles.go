package tui

import "charm.land/lipgloss/v2"

// styles are picked for a light or dark terminal background. Colours drop
// out by themselves where the terminal or NO_COLOR asks for none.
type styles struct {
	title, item, selected, dim, good, bad, warn, border, focus, key, cursor lipgloss.Style
	// noColor: the learner asked for no colour (NO_COLOR), so what colour
	// alone would show, such as the focused pane, is drawn otherwise.
	noColor bool
}

// edges are a box's border: its corners, from top left clockwise, and its
// horizontal and vertical lines.
type edges struct{ corners, across, down string }

var (
	roundEdges = edges{corners: "╭╮╯╰", across: "─", down: "│"}
	heavyEdges = edges{corners: "┏┓┛┗", across: "━", down: "┃"}
)

// edges picks a box's border: without colour, the focused box's is heavy,
// since its accent would not show.
func (st styles) edges(focused bool) edges {
	if focused && st.noColor {
		return heavyEdges
	}
	return roundEdges
}

// corner is the i-th corner, from top left clockwise.
func (e edges) corner(i int) string { return string([]rune(e.corners)[i]) }

func newStyles(dark bool) styles {
	c := lipgloss.LightDark(dark)
	accent := c(lipgloss.Color("#5A3FC0"), lipgloss.Color("#B7A6FF"))
	grey := c(lipgloss.Color("#6B6B6B"), lipgloss.Color("#9A9A9A"))
	return styles{
		title:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		item:     lipgloss.NewStyle(),
		selected: lipgloss.NewStyle().Bold(true).Foreground(accent),
		dim:      lipgloss.NewStyle().Foreground(grey),
		good:     lipgloss.NewStyle().Foreground(c(lipgloss.Color("#1A7F37"), lipgloss.Color("#56D364"))),
		bad:      lipgloss.NewStyle().Foreground(c(lipgloss.Color("#CF222E"), lipgloss.Color("#FF7B72"))),
		warn:     lipgloss.NewStyle().Foreground(c(lipgloss.Color("#9A6700"), lipgloss.Color("#E3B341"))),
		border:   lipgloss.NewStyle().Foreground(grey),
		focus:    lipgloss.NewStyle().Foreground(accent),
		key:      lipgloss.NewStyle().Bold(true),
		cursor:   lipgloss.NewStyle().Reverse(true),
	}
}
