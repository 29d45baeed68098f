// Package markdown renders lessons for the terminal with Glamour and wraps
// them itself, between words and wide characters, which Glamour cannot.
package markdown

import (
	"fmt"
	"regexp"
	"strings"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/internal/textwrap"
	"kanzen.dev/kanzen/lessons"
)

type renderKey struct {
	lesson string
	lang   lessons.Lang
	width  int
	style  string
}

// Cache renders lessons and keeps what it rendered: rendering is the slow
// part of drawing, so each lesson is rendered once per width, language and
// style. It is not safe for concurrent use.
type Cache struct {
	pages     map[renderKey][]string
	renderers map[[3]any]*glamour.TermRenderer
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{pages: map[renderKey][]string{}, renderers: map[[3]any]*glamour.TermRenderer{}}
}

// Style picks Glamour's palette for the terminal.
func Style(dark, noColor bool) string {
	switch {
	case noColor:
		return "notty"
	case dark:
		return "dark"
	default:
		return "light"
	}
}

// Lines renders the lesson (or takes it from the cache) as lines of at most
// width cells.
func (c *Cache) Lines(l *lessons.Lesson, lang lessons.Lang, width int, style string) []string {
	key := renderKey{l.ID, lang, width, style}
	if page, ok := c.pages[key]; ok {
		return page
	}
	// Glamour wraps only at spaces and hyphens and cuts longer words
	// anywhere: Japanese, written without spaces, came out cut mid-word, and
	// English inline code broke at its hyphens ("--" / "image=nginx").
	// Render unwrapped and wrap here, between words and wide characters.
	page := rewrap(c.render(joinListItems(unquote(l.Body.In(lang))), unwrapped, style, lang), width)
	c.pages[key] = page
	return page
}

// unwrapped is a width no lesson line reaches.
const unwrapped = 1000

// rewrap wraps rendered lines to width, continuing each under its own
// indentation (after a list bullet, under the item's text).
func rewrap(lines []string, width int) []string {
	var out []string
	for _, line := range lines {
		plain := ansi.Strip(line)
		switch {
		case strings.TrimSpace(plain) == "":
			// Glamour pads blank lines to its width.
			out = append(out, "")
			continue
		case ansi.StringWidth(line) <= width:
			out = append(out, line)
			continue
		}
		indent := len(plain) - len(strings.TrimLeft(plain, " "))
		if rest := plain[indent:]; strings.HasPrefix(rest, "• ") {
			indent += ansi.StringWidth("• ")
		}
		indent = min(indent, width/2)
		body := ansi.TruncateLeft(line, indent, "")
		for i, l := range textwrap.Line(body, width-indent) {
			if i > 0 && strings.TrimSpace(ansi.Strip(l)) == "" {
				continue // What is left of the padding.
			}
			prefix := strings.Repeat(" ", indent)
			if i == 0 {
				prefix = ansi.Truncate(line, indent, "")
			}
			out = append(out, prefix+l)
		}
	}
	return out
}

func (c *Cache) render(markdown string, width int, style string, lang lessons.Lang) []string {
	rkey := [3]any{width, style, lang}
	r, ok := c.renderers[rkey]
	if !ok {
		var err error
		r, err = glamour.NewTermRenderer(glamour.WithStyles(stylesFor(style, lang)), glamour.WithWordWrap(width))
		if err != nil {
			return textwrap.Wrap(markdown, width)
		}
		c.renderers[rkey] = r
	}
	out, err := r.Render(markdown)
	if err != nil {
		return append(textwrap.Wrap(fmt.Sprintf("(cannot render: %v)", err), width), textwrap.Wrap(markdown, width)...)
	}
	lines := strings.Split(strings.Trim(out, "\n"), "\n")
	for i, line := range lines {
		lines[i] = strings.TrimRight(line, " ")
	}
	return lines
}

// stylesFor is Glamour's palette, with inline code unpadded. Glamour pads
// inline code with a space on each side so its background stands clear of
// the words around it; the lessons put spaces around code already, so the
// two together read as a gap, and a padding space wrapped to the start of
// a line indents it by one.
func stylesFor(style string, lang lessons.Lang) gansi.StyleConfig {
	cfg := *styles.DefaultStyles[style]
	cfg.Code.Prefix, cfg.Code.Suffix = "", ""
	return cfg
}

// unquote turns block quotes into plain paragraphs: Glamour drops the quote
// bar from lines it wraps inside a quote, which scatters the text. Lessons
// start their notes with a bold word ("**Errata.**") so they still stand out.
func unquote(markdown string) string {
	lines := strings.Split(markdown, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ">") {
			lines[i] = strings.TrimPrefix(strings.TrimPrefix(l, ">"), " ")
		}
	}
	return strings.Join(lines, "\n")
}

var (
	// listItem is the start of a list item: its indentation and marker.
	listItem = regexp.MustCompile(`^(\s*)([-*+]|[0-9]+\.)\s+`)
	// boldTitle is an item's first line holding only a bold title.
	boldTitle = regexp.MustCompile(`^\s*([-*+]|[0-9]+\.)\s+\*\*[^*]+\*\*$`)
)

// joinListItems puts each list item on one line. Glamour keeps the line
// breaks of an item's source where a paragraph's would be reflowed, so a
// wrapped item came out as lines cut short at the source's width. An item
// that opens with a bold title alone ("- **Pending**") keeps its text on the
// next line: the Japanese lessons write definitions that way.
func joinListItems(markdown string) string {
	lines := strings.Split(markdown, "\n")
	out := make([]string, 0, len(lines))
	fenced := false
	inItem := false
	for _, l := range lines {
		trimmed := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(trimmed, "```"):
			fenced = !fenced
			inItem = false
		case fenced || trimmed == "":
			inItem = false
		case listItem.MatchString(l):
			inItem = true
		case inItem && strings.HasPrefix(l, "  ") && !boldTitle.MatchString(out[len(out)-1]):
			out[len(out)-1] += " " + trimmed
			continue
		default:
			inItem = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
