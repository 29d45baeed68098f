package textwrap

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestJapaneseWrapsBetweenCharactersButNotInsideWords(t *testing.T) {
	got := Wrap("これはKubernetesの説明です。句読点は行頭に来ません。", 12)
	for _, l := range got {
		if w := ansi.StringWidth(l); w > 12 {
			t.Errorf("line %q is %d wide", l, w)
		}
		if strings.HasPrefix(l, "。") {
			t.Errorf("a line starts with 。: %q", got)
		}
	}
	if joined := strings.Join(got, "|"); !strings.Contains(joined, "Kubernetes") {
		t.Errorf("a word was cut: %q", joined)
	}
	for w := 1; w <= 3; w++ {
		if lines := Wrap("日本語の説明。Kubernetes", w); len(lines) == 0 {
			t.Errorf("nothing at width %d", w)
		}
	}
}
