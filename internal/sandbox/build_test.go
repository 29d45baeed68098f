package sandbox

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildWithoutGoSaysWhatToDo(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	err := build(context.Background(), t.TempDir(), nil)
	if err == nil || !strings.Contains(err.Error(), "needs the Go toolchain") || !strings.Contains(err.Error(), "--bin-dir") {
		t.Fatalf("got %v", err)
	}
}

func TestBinDirNamesMissingBinaries(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{Etcd, KubeAPIServer} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, Kwok), []byte("not executable"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := EnsureBinaries(context.Background(), BuildOptions{BinDir: dir})
	if err == nil {
		t.Fatal("a directory without kwokctl was accepted")
	}
	for _, want := range []string{KubeControllerManager, KubeScheduler, Kwok, Kwokctl} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	if strings.Contains(err.Error(), Kubectl) {
		t.Errorf("kubectl is optional with --bin-dir, yet the error names it: %v", err)
	}
}

func TestLdflagsStampTheVersion(t *testing.T) {
	flags := ldflags()
	for _, want := range []string{"gitVersion=" + KubeVersion, "gitMajor=1 ", "gitMinor=37 "} {
		if !strings.Contains(flags, want) {
			t.Errorf("ldflags %q lack %q", flags, want)
		}
	}
}

func TestNamesAreValidated(t *testing.T) {
	for _, bad := range []string{"", "Kanzen", "../x", "a b", strings.Repeat("x", 40)} {
		s := &Sandbox{Name: bad}
		if _, err := s.Dir(); err == nil {
			t.Errorf("name %q accepted", bad)
		}
	}
}

// fakeGo puts a go command on PATH that runs script (sh) instead.
func fakeGo(t *testing.T, script string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go"), []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+":/usr/bin:/bin")
}

func TestBuildWithTooOldGoSaysSo(t *testing.T) {
	fakeGo(t, `echo "go: go.mod requires go >= 1.26.0 (running go 1.24.1; GOTOOLCHAIN=local)" >&2; exit 1`)
	err := build(context.Background(), t.TempDir(), nil)
	if err == nil || !strings.Contains(err.Error(), "needs a newer Go") || !strings.Contains(err.Error(), "running go 1.24.1") {
		t.Fatalf("got %v", err)
	}
}

func TestBuildFailureShowsTheLogAndItsEnd(t *testing.T) {
	fakeGo(t, `case "$1" in
list) printf 'a\nb\nc\nd\n' ;;
build) printf 'k8s.io/a\nk8s.io/b\n' >&2; echo "k8s.io/b/x.go:1: syntax error" >&2; exit 1 ;;
esac`)
	root := t.TempDir()
	var seen []BuildProgress
	err := build(context.Background(), root, func(p BuildProgress) { seen = append(seen, p) })
	if err == nil {
		t.Fatal("a failed go build was reported as success")
	}
	logPath := filepath.Join(root, "build.log")
	if !strings.Contains(err.Error(), logPath) || !strings.Contains(err.Error(), "syntax error") {
		t.Errorf("error does not name the log and show its end: %v", err)
	}
	if log, _ := os.ReadFile(logPath); !strings.Contains(string(log), "syntax error") {
		t.Errorf("build.log lacks the compiler output: %q", log)
	}
	if len(seen) != 2 || seen[1].Compiled != 2 || seen[1].Total != 4 || seen[1].Package != "k8s.io/b" {
		t.Errorf("progress: %+v", seen)
	}
	if _, err := os.Stat(filepath.Join(root, "bin")); !os.IsNotExist(err) {
		t.Errorf("a failed build left a bin directory (stat: %v)", err)
	}
}

func TestRecipePinsTheAdvertisedVersions(t *testing.T) {
	got := RecipeVersions()
	if got["kubernetes"] != KubeVersion {
		t.Errorf("sandbox/go.mod pins k8s.io/kubernetes %q, but KubeVersion is %q", got["kubernetes"], KubeVersion)
	}
	if got["kwok"] != "v0.8.0" || !strings.HasPrefix(got["etcd"], "v3.") {
		t.Errorf("recipe versions %v", got)
	}
}
