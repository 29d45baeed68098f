package textwrap

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWriterWrapsEachLineUnderItsText(t *testing.T) {
	var b strings.Builder
	w := NewWriter(&b, 30)
	fmt.Fprintln(w, "[3/10] Which controller keeps the Pods of a Deployment running?")
	fmt.Fprintln(w, "  2) ReplicaSetがPodの数を保ち、足りなければテンプレートから作ります。")
	fmt.Fprint(w, "answer (1-4): ")
	fmt.Fprintln(w, "a typed answer that is long but must stay on the prompt's line")
	fmt.Fprintln(w, "short")
	got := b.String()
	want := "[3/10] Which controller keeps\n" +
		"       the Pods of a\n" +
		"       Deployment running?\n"
	if !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant it to start\n%s", got, want)
	}
	for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		if strings.HasPrefix(l, "answer") || l == "short" {
			continue
		}
		if ansi.StringWidth(l) > 30 {
			t.Errorf("%q is wider than 30", l)
		}
		if strings.HasPrefix(strings.TrimSpace(l), "。") || strings.HasPrefix(strings.TrimSpace(l), "、") {
			t.Errorf("%q starts with closing punctuation", l)
		}
	}
	if !strings.Contains(got, "answer (1-4): a typed answer that is long but must stay on the prompt's line\nshort\n") {
		t.Errorf("a line written in pieces was wrapped:\n%s", got)
	}
	if !strings.Contains(got, "\n     ") {
		t.Errorf("the numbered choice did not continue under its text:\n%s", got)
	}
}

func TestWriterWithoutAWidthPassesThrough(t *testing.T) {
	var b strings.Builder
	line := strings.Repeat("word ", 40) + "\n"
	fmt.Fprint(NewWriter(&b, 0), line)
	if b.String() != line {
		t.Errorf("got %q", b.String())
	}
}
