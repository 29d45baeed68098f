package textwrap

import (
	"slices"
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

func TestClosingPunctuationNeverStartsALine(t *testing.T) {
	for _, text := range []string{"名前空間kz-quiz）を作ります", "名前空間（kz-quiz)を作ります", "これはテスト。次の文", "コンテナ).次", "シャーディング、リトライ", "ちょっと待って", "人々が集まる"} {
		// From 10 cells on, every unbreakable piece fits on a line.
		for w := 10; w <= 16; w++ {
			for _, l := range Wrap(text, w) {
				if r := []rune(l); len(r) > 0 && strings.ContainsRune(noLineStart+asciiClosers, r[0]) && len(r) < len([]rune(text)) {
					t.Errorf("width %d: %q starts a line: %q", w, string(r[0]), Wrap(text, w))
				}
			}
		}
	}
}

func TestWordsBetweenJapanesePunctuationAreNeverCut(t *testing.T) {
	text := "Node、Namespace、PersistentVolume、ClusterRole、ClusterRoleBinding、CustomResourceDefinitionはクラスタ全体のリソースです。"
	words := []string{"Node", "Namespace", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition"}
	for w := 30; w <= 60; w++ {
		lines := Wrap(text, w)
		for _, word := range words {
			if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, word) }) {
				t.Errorf("width %d cut %s: %q", w, word, lines)
			}
		}
	}
}
