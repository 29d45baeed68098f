package tui

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/lessons"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func newModel(t *testing.T, lang lessons.Lang, w, h int) Model {
	t.Helper()
	course, err := lessons.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Course: course, Lang: lang, Cluster: &kube.Target{Context: "kind-kind"}})
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	next, _ = next.Update(clusterProbedMsg{version: "v1.37.2"})
	return next.(Model)
}

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		case "up":
			msg = tea.KeyPressMsg{Code: tea.KeyUp}
		default:
			msg = tea.KeyPressMsg{Code: rune(k[0]), Text: k}
		}
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	return m
}

// golden compares a view, ANSI stripped, with testdata/name.golden.
func golden(t *testing.T, name string, view string) {
	t.Helper()
	got := ansi.Strip(view)
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/tui -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("view differs from %s (go test ./internal/tui -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestGoldenViews(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {140, 40}} {
		for _, lang := range lessons.Langs {
			m := press(newModel(t, lang, size.w, size.h), "down")
			name := "home-" + string(lang) + "-" + itoa(size.w) + "x" + itoa(size.h)
			t.Run(name, func(t *testing.T) { golden(t, name, m.View().Content) })
		}
	}
}

func TestViewFitsTinyTerminals(t *testing.T) {
	for _, size := range []struct{ w, h int }{{20, 5}, {1, 1}, {10, 2}} {
		view := ansi.Strip(newModel(t, lessons.English, size.w, size.h).View().Content)
		lines := strings.Split(view, "\n")
		if len(lines) > size.h {
			t.Errorf("%dx%d: %d lines", size.w, size.h, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > size.w {
				t.Errorf("%dx%d: line %q is %d wide", size.w, size.h, l, w)
			}
		}
	}
}

func TestKeysMoveSwitchLanguageAndQuit(t *testing.T) {
	m := newModel(t, lessons.English, 80, 24)
	m = press(m, "up", "down", "down", "j", "k")
	if m.cursor != 2 {
		t.Fatalf("cursor %d after up, down, down, j, k; want 2", m.cursor)
	}
	for range 1000 {
		m = press(m, "j")
	}
	if m.cursor != len(m.course.Chapters)-1 {
		t.Fatalf("cursor ran past the last chapter: %d", m.cursor)
	}
	m = press(m, "L")
	if m.lang != lessons.Japanese || !strings.Contains(ansi.Strip(m.View().Content), "Workloadsリソース") {
		t.Fatalf("L did not switch to Japanese")
	}
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); cmd == nil {
		t.Fatal("q returned no command")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q did not quit")
	}
}

func TestStatusBarSaysWhenTheClusterIsUnreachable(t *testing.T) {
	m := newModel(t, lessons.English, 80, 24)
	next, _ := m.Update(clusterProbedMsg{err: errors.New("connection refused")})
	top := strings.Split(ansi.Strip(next.(Model).View().Content), "\n")[0]
	if !strings.Contains(top, "kind-kind ● unreachable") {
		t.Fatalf("status line %q", top)
	}
	none := New(Options{Course: m.course})
	if top := strings.Split(ansi.Strip(none.View().Content), "\n")[0]; !strings.Contains(top, "no cluster") {
		t.Fatalf("status line without a cluster %q", top)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
