package textwrap

import (
	"io"
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Writer wraps the lines written through it at a width, each continuing
// under its own text: after its indentation and after a leading mark such
// as "✓ ", "• ", "2) " or "[3/10] ". A line written in pieces, such as a
// prompt followed by the answer typed after it, passes through unwrapped.
type Writer struct {
	w     io.Writer
	width int
	// midLine is set while a line written without its end is open.
	midLine bool
}

// NewWriter wraps what is written to w at width cells; 0 or less leaves
// lines as they are.
func NewWriter(w io.Writer, width int) *Writer { return &Writer{w: w, width: width} }

// lead is a line's indentation and mark, under which its wrapped rows go.
var lead = regexp.MustCompile(`^ *(?:[✓✗○·!•] |[0-9]+[.)] |\[[0-9]+/[0-9]+\] )?`)

func (tw *Writer) Write(p []byte) (int, error) {
	if tw.width <= 0 {
		return tw.w.Write(p)
	}
	text := string(p)
	var out strings.Builder
	for text != "" {
		line, rest, complete := strings.Cut(text, "\n")
		text = rest
		switch {
		case !complete:
			out.WriteString(line)
			tw.midLine = true
			continue
		case tw.midLine:
			out.WriteString(line)
			tw.midLine = false
		default:
			out.WriteString(tw.wrap(line))
		}
		out.WriteString("\n")
	}
	if _, err := io.WriteString(tw.w, out.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// wrap breaks one complete line, its rows after the first indented under
// its text.
func (tw *Writer) wrap(line string) string {
	if ansi.StringWidth(line) <= tw.width {
		return line
	}
	head := lead.FindString(line)
	indent := min(ansi.StringWidth(head), tw.width/2)
	rows := Line(line[len(head):], tw.width-indent)
	for i := range rows {
		if i == 0 {
			rows[i] = head + rows[i]
		} else {
			rows[i] = strings.Repeat(" ", indent) + rows[i]
		}
	}
	return strings.Join(rows, "\n")
}
