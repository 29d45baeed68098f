package markdown

import "testing"

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
