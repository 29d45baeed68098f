package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kanzen.dev/kanzen/internal/progress"
)

// stateWith makes a state directory whose progress file holds body, and
// returns the file's path.
func stateWith(t *testing.T, body string) string {
	t.Helper()
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	path := filepath.Join(state, "kanzen", progress.FileName)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// commandsThatReadProgress are command lines that read the progress file
// and need no cluster (the cluster given does not answer).
func commandsThatReadProgress(t *testing.T) [][]string {
	dead := kubeconfigFor(t, "kind-dead", "https://127.0.0.1:1")
	return [][]string{
		{"list"},
		{"lesson", "2.1"},
		{"start", "2.1", "--kubeconfig", dead},
		{"dev", "check", "2.1", "--kubeconfig", dead},
	}
}

func TestEveryCommandSaysItSetTheProgressFileAside(t *testing.T) {
	for _, args := range commandsThatReadProgress(t) {
		t.Run(strings.Join(args[:min(len(args), 2)], " "), func(t *testing.T) {
			path := stateWith(t, `{"version": 1, "exercises": {`)
			_, _, stderr := kanzen(t, args...)
			backups, _ := filepath.Glob(path + ".corrupt-*")
			if len(backups) != 1 {
				t.Fatalf("backups %v, want one", backups)
			}
			if !strings.Contains(stderr, "was unreadable") || !strings.Contains(stderr, backups[0]) {
				t.Fatalf("stderr does not say the file was moved to %s:\n%s", backups[0], stderr)
			}
		})
	}
}

func TestEveryCommandSaysItNeedsANewerKanzen(t *testing.T) {
	const body = `{"version": 99, "lang": "ja"}`
	for _, args := range commandsThatReadProgress(t) {
		t.Run(strings.Join(args[:min(len(args), 2)], " "), func(t *testing.T) {
			path := stateWith(t, body)
			_, _, stderr := kanzen(t, args...)
			if !strings.Contains(stderr, "written by a newer kanzen") {
				t.Fatalf("stderr does not say a newer kanzen wrote the file:\n%s", stderr)
			}
			if data, _ := os.ReadFile(path); string(data) != body {
				t.Fatalf("the newer file now holds %q", data)
			}
		})
	}
}

func TestAnUnknownLanguageFallsBackWithAWord(t *testing.T) {
	stateWith(t, `{"version": 1, "lang": "xx"}`)
	t.Setenv("LANG", "ja_JP.UTF-8")
	code, stdout, stderr := kanzen(t, "list")
	if code != 0 || !strings.Contains(stderr, `names the language "xx"`) || !strings.Contains(stderr, "using ja") {
		t.Fatalf("exit %d, stderr %q; want a word on the unknown language and the fallback", code, stderr)
	}
	if !strings.Contains(stdout, "クイズ") {
		t.Fatalf("list is not in the fallback language (ja):\n%s", stdout)
	}
}
