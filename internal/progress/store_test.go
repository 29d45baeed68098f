package progress

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func testStore(t *testing.T) Store {
	t.Helper()
	return Store{Path: filepath.Join(t.TempDir(), "state", "kanzen", FileName)}
}

func TestLoadMissingFileIsFreshProgress(t *testing.T) {
	p, err := testStore(t).Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p, New()) {
		t.Fatalf("got %+v, want fresh progress", p)
	}
}

func TestUpdateRoundTrip(t *testing.T) {
	s := testStore(t)
	saved, err := s.Update(func(p *Progress) {
		p.Lang = "ja"
		p.Last = Position{Lesson: "pods", Exercise: "2.1"}
		p.MarkStarted("2.1", t0)
		p.MarkPassed("2.1", t0.Add(time.Minute))
		p.UseHint("2.1", 2)
		p.ShowSolution("2.1")
		p.Exercise("2.2").Resets = 3
		p.Trust("prod")
	})
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(loaded, saved) {
		t.Fatalf("loaded %+v, saved %+v", loaded, saved)
	}
	data, err := os.ReadFile(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.HasPrefix(text, "{\n  \"version\": 1,") || !strings.HasSuffix(text, "}\n") {
		t.Fatalf("the file is not pretty-printed JSON with a trailing newline:\n%s", text)
	}
	var raw struct{ Exercises map[string]map[string]any }
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	if _, ok := raw.Exercises["2.2"]["started"]; ok {
		t.Fatalf("an exercise never started has a start time:\n%s", text)
	}
}

func TestUpdateWritesAtomicallyAndPrivately(t *testing.T) {
	s := testStore(t)
	for i := range 3 {
		if _, err := s.Update(func(p *Progress) { p.Exercise("1.1").Resets = i }); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Dir(s.Path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{FileName, FileName + ".lock"}; !slices.Equal(names, want) {
		t.Fatalf("directory holds %v, want %v (no temporary files)", names, want)
	}
	assertMode(t, s.Path, 0o600)
	assertMode(t, dir, 0o700|os.ModeDir)
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode() != want {
		t.Fatalf("%s has mode %v, want %v", path, info.Mode(), want)
	}
}

func TestCorruptFileIsMovedAside(t *testing.T) {
	for name, body := range map[string]string{
		"bad JSON":      `{"version": 1, "exercises": {`,
		"older version": `{"version": 0}`,
	} {
		t.Run(name, func(t *testing.T) {
			s := testStore(t)
			writeFile(t, s.Path, body)
			p, err := s.Load()
			var corrupt *CorruptError
			if !errors.As(err, &corrupt) {
				t.Fatalf("got error %v, want a *CorruptError", err)
			}
			if !reflect.DeepEqual(p, New()) {
				t.Fatalf("got %+v, want fresh progress", p)
			}
			if !strings.HasPrefix(corrupt.Backup, s.Path+".corrupt-") || !strings.Contains(err.Error(), corrupt.Backup) {
				t.Fatalf("backup %q, message %q: the message must say where the file went", corrupt.Backup, err)
			}
			if got := readFile(t, corrupt.Backup); got != body {
				t.Fatalf("backup holds %q, want the old bytes %q", got, body)
			}
			if _, err := os.Stat(s.Path); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("the corrupt file is still in place: %v", err)
			}
		})
	}
}

func TestANewerKanzensFileIsKeptAndNeverOverwritten(t *testing.T) {
	s := testStore(t)
	const body = `{"version": 2, "exercises": "a shape this kanzen does not know"}`
	writeFile(t, s.Path, body)
	p, err := s.Load()
	var newer *NewerError
	if !errors.As(err, &newer) || newer.Version != 2 || !reflect.DeepEqual(p, New()) {
		t.Fatalf("Load: got %+v, %v; want fresh progress and a *NewerError for version 2", p, err)
	}
	if !strings.Contains(err.Error(), "newer kanzen") {
		t.Fatalf("the message does not say a newer kanzen is needed: %v", err)
	}
	if _, err := s.Update(func(p *Progress) { p.Lang = "en" }); !errors.As(err, &newer) {
		t.Fatalf("Update: got %v, want the *NewerError", err)
	}
	if got := readFile(t, s.Path); got != body {
		t.Fatalf("the newer file was changed to %q", got)
	}
	if backups, _ := filepath.Glob(s.Path + ".corrupt-*"); len(backups) > 0 {
		t.Fatalf("the newer file was set aside as corrupt: %v", backups)
	}
}

func TestUnknownFieldsSurviveASave(t *testing.T) {
	s := testStore(t)
	writeFile(t, s.Path, `{"version": 1, "theme": {"accent": "teal"}, "lang": "ja",
		"exercises": {"2.1": {"hintsUsed": 1, "notes": "mine"}},
		"quiz": {"streak": 3, "chapters": {"4": {"last": {"score": 1}, "mood": "ok"}},
			"questions": {"4/x": {"box": 2, "ease": 2.5}}}}`)
	if _, err := s.Update(func(p *Progress) {
		p.UseHint("2.1", 2)
		p.Lang = ""
	}); err != nil {
		t.Fatal(err)
	}
	var saved struct {
		Theme     map[string]string
		Lang      *string
		Exercises map[string]map[string]any
		Quiz      struct {
			Streak    int
			Chapters  map[string]map[string]any
			Questions map[string]map[string]any
		}
	}
	text := readFile(t, s.Path)
	if err := json.Unmarshal([]byte(text), &saved); err != nil {
		t.Fatal(err)
	}
	ex := saved.Exercises["2.1"]
	switch {
	case saved.Theme["accent"] != "teal", saved.Quiz.Streak != 3, ex["notes"] != "mine",
		saved.Quiz.Chapters["4"]["mood"] != "ok", saved.Quiz.Questions["4/x"]["ease"] != 2.5:
		t.Fatalf("an unknown field was lost:\n%s", text)
	case ex["hintsUsed"] != 2.0, saved.Lang != nil:
		t.Fatalf("the change was not saved (hint 2, no lang):\n%s", text)
	case !strings.HasPrefix(text, "{\n  \"version\": 1,"):
		t.Fatalf("known fields no longer come first:\n%s", text)
	}
}

func TestAKilledSavesTemporaryFileIsRemoved(t *testing.T) {
	s := testStore(t)
	writeFile(t, s.Path, `{"version": 1}`)
	stale := s.Path + ".tmp-123456"
	writeFile(t, stale, `{"version": 1, "lang": "half a sa`)
	if _, err := s.Update(func(p *Progress) { p.Lang = "en" }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the temporary file of a killed save is still there: %v", err)
	}
}

func TestUpdateOverCorruptFileSavesAndReports(t *testing.T) {
	s := testStore(t)
	writeFile(t, s.Path, "not json")
	p, err := s.Update(func(p *Progress) { p.Lang = "en" })
	var corrupt *CorruptError
	if !errors.As(err, &corrupt) || p == nil || p.Lang != "en" {
		t.Fatalf("got %+v, %v; want the updated fresh progress and a *CorruptError", p, err)
	}
	if loaded, err := s.Load(); err != nil || loaded.Lang != "en" {
		t.Fatalf("after the update, Load gives %+v, %v", loaded, err)
	}
}

func TestBackupsNeverOverwriteEachOther(t *testing.T) {
	s := testStore(t)
	now := time.Now()
	var backups []string
	for _, body := range []string{"first", "second"} {
		writeFile(t, s.Path, body)
		backup, err := moveAside(s.Path, now)
		if err != nil {
			t.Fatal(err)
		}
		if got := readFile(t, backup); got != body {
			t.Fatalf("%s holds %q, want %q", backup, got, body)
		}
		backups = append(backups, backup)
	}
	if backups[0] == backups[1] {
		t.Fatalf("both backups are %s", backups[0])
	}
}

func TestConcurrentUpdatesLoseNothing(t *testing.T) {
	s := testStore(t)
	const n = 20
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			_, err := s.Update(func(p *Progress) { p.Exercise("3.1").Resets++ })
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	p, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Exercise("3.1").Resets; got != n {
		t.Fatalf("Resets = %d after %d concurrent increments", got, n)
	}
}

func TestUnusableDirectoryGivesClearError(t *testing.T) {
	t.Run("not a directory", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "state")
		writeFile(t, file, "")
		s := Store{Path: filepath.Join(file, FileName)}
		if _, err := s.Update(func(*Progress) {}); err == nil || !strings.Contains(err.Error(), "not a directory") {
			t.Fatalf("Update: got %v, want an error saying the path is not a directory", err)
		}
	})
	t.Run("unreadable", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads any directory")
		}
		s := testStore(t)
		dir := filepath.Dir(s.Path)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		writeFile(t, s.Path, `{"version": 1}`)
		if err := os.Chmod(dir, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		_, err := s.Load()
		if err == nil || !strings.Contains(err.Error(), "permission denied") || !strings.Contains(err.Error(), s.Path) {
			t.Fatalf("Load: got %v, want permission denied naming %s", err, s.Path)
		}
	})
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestStampChangesWithEverySave(t *testing.T) {
	s := Store{Path: filepath.Join(t.TempDir(), "progress.json")}
	none, err := s.Stamp()
	if err != nil || none != (Stamp{}) {
		t.Fatalf("a missing file: %+v, %v", none, err)
	}
	seen := map[Stamp]bool{none: true}
	for i := range 3 {
		// Saves within the same clock tick and of the same size still differ.
		if _, err := s.Update(func(p *Progress) { p.Lang = "en" }); err != nil {
			t.Fatal(err)
		}
		st, err := s.Stamp()
		if err != nil {
			t.Fatal(err)
		}
		if seen[st] {
			t.Fatalf("save %d left the stamp as it was: %+v", i+1, st)
		}
		seen[st] = true
		if again, _ := s.Stamp(); again != st {
			t.Fatalf("the stamp changed without a save: %+v then %+v", st, again)
		}
	}
}
