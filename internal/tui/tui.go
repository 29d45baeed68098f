// Package tui is kanzen's Bubble Tea program: one root model; panes are plain
// structs it owns. Update does no IO: cluster calls run as commands.
package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/lessons"
)

// Options are what the program starts from.
type Options struct {
	Course *lessons.Course
	Lang   lessons.Lang
	// Cluster is the cluster exercises will use; nil when there is none.
	Cluster *kube.Target
}

// Model is the root model.
type Model struct {
	course  *lessons.Course
	lang    lessons.Lang
	width   int
	height  int
	cursor  int
	dark    bool
	cluster clusterState
}

// clusterState is what the status bar knows of the cluster.
type clusterState struct {
	target  *kube.Target
	version string
	err     error
	probed  bool
}

// clusterProbedMsg carries the result of asking the server for its version.
type clusterProbedMsg struct {
	version string
	err     error
}

// New builds the root model.
func New(opts Options) Model {
	lang := opts.Lang
	if lang == "" {
		lang = lessons.English
	}
	return Model{course: opts.Course, lang: lang, width: 80, height: 24, dark: true, cluster: clusterState{target: opts.Cluster}}
}

// Init asks for the terminal's background and probes the cluster.
func (m Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, probeCluster(m.cluster.target))
}

func probeCluster(target *kube.Target) tea.Cmd {
	if target == nil {
		return nil
	}
	return func() tea.Msg {
		v, err := target.ServerVersion(context.Background(), 5*time.Second)
		return clusterProbedMsg{version: v, err: err}
	}
}

// Update handles one message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
	case clusterProbedMsg:
		m.cluster.version, m.cluster.err, m.cluster.probed = msg.version, msg.err, true
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		case "up", "k":
			m.cursor = max(m.cursor-1, 0)
		case "down", "j":
			m.cursor = min(m.cursor+1, len(m.course.Chapters)-1)
		case "L":
			m.lang = nextLang(m.lang)
		}
	}
	return m, nil
}

func nextLang(l lessons.Lang) lessons.Lang {
	for i, known := range lessons.Langs {
		if known == l {
			return lessons.Langs[(i+1)%len(lessons.Langs)]
		}
	}
	return lessons.English
}

// View draws the screen: a title bar, the chapters, and a status bar.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "kanzen"
	return v
}

func (m Model) render() string {
	st := newStyles(m.dark)
	w, h := max(m.width, 1), max(m.height, 1)

	title := st.title.Render(" kanzen · " + m.course.Title.In(m.lang))
	status := m.clusterLine(st)
	top := spread(title, status, w)

	var body []string
	for i, ch := range m.course.Chapters {
		line := fmt.Sprintf(" %s %s", ch.ID, ch.Title.In(m.lang))
		style := st.item
		if i == m.cursor {
			line = "›" + line[1:]
			style = st.selected
		}
		body = append(body, style.Render(ansi.Truncate(line, w, "…")))
		body = append(body, st.dim.Render(ansi.Truncate("     "+ch.Summary.In(m.lang), w, "…")))
	}
	keys := st.dim.Render(ansi.Truncate(" "+text[m.lang].keys, w, "…"))

	// Title and keys always show; the chapter list takes what is left.
	lines := []string{top, ""}
	room := max(h-len(lines)-1, 0)
	if len(body) > room {
		body = body[:room]
	}
	lines = append(lines, body...)
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	lines = append(lines, keys)
	if len(lines) > h {
		lines = append(lines[:h-1], keys)
	}
	return strings.Join(lines, "\n")
}

// clusterLine says which cluster exercises will use and whether it answers.
func (m Model) clusterLine(st styles) string {
	c := m.cluster
	t := text[m.lang]
	switch {
	case c.target == nil:
		return st.warn.Render(t.noCluster + " ")
	case !c.probed:
		return st.dim.Render(c.target.Context+" … ") + " "
	case c.err != nil:
		return st.dim.Render(c.target.Context) + st.bad.Render(" ● "+t.unreachable) + " "
	default:
		return st.dim.Render(c.target.Context) + st.good.Render(" ● ") + st.dim.Render(c.version) + " "
	}
}

// spread puts left and right on one line of width w, cutting left if needed.
func spread(left, right string, w int) string {
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		// The cluster matters more than the title; both are cut to fit.
		line := ansi.Truncate(left, max(w-lipgloss.Width(right)-1, 0), "…") + " " + right
		return ansi.Truncate(line, w, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

// text is the interface's own wording in each language.
var text = map[lessons.Lang]struct {
	keys, noCluster, unreachable string
}{
	lessons.English:  {keys: "↑/↓ choose · L 日本語 · q quit", noCluster: "no cluster", unreachable: "unreachable"},
	lessons.Japanese: {keys: "↑/↓ 選択 · L English · q 終了", noCluster: "クラスタなし", unreachable: "接続できません"},
}
