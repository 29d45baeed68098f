package tui

import "charm.land/lipgloss/v2"

// styles are picked for a light or dark terminal background. Colours drop
// out by themselves where the terminal or NO_COLOR asks for none.
type styles struct {
	title, item, selected, dim, good, bad, warn, border, focus, key, cursor lipgloss.Style
}

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
