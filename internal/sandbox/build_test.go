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
