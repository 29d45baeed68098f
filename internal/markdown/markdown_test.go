package markdown

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/lessons"
)

func TestJoinListItems(t *testing.T) {
	in := "Intro line\nwraps here.\n\n" +
		"- `Pending`: the Pod has no node yet. Usually the scheduler\n  found none that fits.\n" +
		"- **`Error`**\n  コンテナが終了しました。\n" +
		"  - a nested item\n    that wraps\n" +
		"```\n- not an item\n  in a code block\n```\n" +
		"1. First step,\n   then more.\n"
	want := "Intro line\nwraps here.\n\n" +
		"- `Pending`: the Pod has no node yet. Usually the scheduler found none that fits.\n" +
		"- **`Error`**\n  コンテナが終了しました。\n" +
		"  - a nested item that wraps\n" +
		"```\n- not an item\n  in a code block\n```\n" +
		"1. First step, then more.\n"
	if got := joinListItems(in); got != want {
		t.Errorf("joinListItems:\n%s\nwant:\n%s", got, want)
	}
}

func TestInlineCodeIsNotBrokenAtItsHyphens(t *testing.T) {
	l := &lessons.Lesson{ID: "hyphens", Body: lessons.Text{
		lessons.English:  "The book starts with `kubectl run myapp --image=nginx:1.12 --replicas 3` and goes on.",
		lessons.Japanese: "本書は `kubectl run myapp --image=nginx:1.12 --replicas 3` から始めます。",
	}}
	for _, lang := range lessons.Langs {
		for w := 30; w <= 80; w++ {
			text := ansi.Strip(strings.Join(NewCache().Lines(l, lang, w, "notty"), "\n"))
			for _, word := range []string{"--image=nginx:1.12", "--replicas"} {
				if !strings.Contains(text, word) {
					t.Fatalf("%s at width %d cut %s:\n%s", lang, w, word, text)
				}
			}
		}
	}
}
