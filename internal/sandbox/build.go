package sandbox

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"kanzen.dev/kanzen/internal/filelock"
	"kanzen.dev/kanzen/internal/userdirs"
	recipe "kanzen.dev/kanzen/sandbox"
)

// FirstBuildNote tells the learner what to expect before a cold build starts.
const FirstBuildNote = "The first build compiles Kubernetes " + KubeVersion +
	" from source: about 10 minutes on 2 cores, and about 6 GB of disk for Go's module and build caches." +
	" Later starts take seconds."

// Binaries is a directory holding every sandbox component.
type Binaries struct {
	Dir string
}

// Path is the full path of one component's binary.
func (b Binaries) Path(name string) string { return filepath.Join(b.Dir, name) }

// BuildProgress reports a running build. Total counts every package the build
// may compile; packages already in the Go build cache are skipped, so a warm
// build finishes well before Compiled reaches Total.
type BuildProgress struct {
	Compiled int
	Total    int
	Package  string
	Elapsed  time.Duration
}

// BuildOptions control where binaries come from.
type BuildOptions struct {
	// BinDir, when set, names a directory of prebuilt upstream binaries to use
	// instead of building.
	BinDir string
	// Progress, when set, is called for each compiled package.
	Progress func(BuildProgress)
	// Starting, when set, is called once before a build that has work to do;
	// rebuild says binaries of an older recipe are there, so Go's build cache
	// probably is too.
	Starting func(rebuild bool)
}

// Root is the directory holding this version's source, binaries and build log.
func Root() (string, error) {
	cache, err := userdirs.Cache()
	if err != nil {
		return "", err
	}
	return filepath.Join(cache, "sandbox", KubeVersion), nil
}

// Built reports the cached binaries, if they are present and match this
// version of the sandbox module.
func Built() (Binaries, bool) {
	root, err := Root()
	if err != nil {
		return Binaries{}, false
	}
	want, err := recipeHash()
	if err != nil {
		return Binaries{}, false
	}
	bins := Binaries{Dir: filepath.Join(root, "bin")}
	have, err := os.ReadFile(filepath.Join(bins.Dir, stampFile))
	if err != nil || strings.TrimSpace(string(have)) != want {
		return Binaries{}, false
	}
	return bins, bins.check() == nil
}

// BuiltKubectl returns the path of the sandbox's kubectl, whose version
// matches the sandbox's server, if it has been built (for this recipe or an
// earlier one).
func BuiltKubectl() (string, bool) {
	if bins, ok := Built(); ok {
		return bins.Path(Kubectl), true
	}
	root, err := Root()
	if err != nil {
		return "", false
	}
	path := filepath.Join(root, "bin", Kubectl)
	if st, err := os.Stat(path); err == nil && st.Mode()&0o111 != 0 {
		return path, true
	}
	return "", false
}

// stampFile, beside the binaries, records the recipe they were built from.
const stampFile = ".recipe"

// EnsureBinaries returns the sandbox binaries, building them first when the
// cache has none for this version of the sandbox module.
func EnsureBinaries(ctx context.Context, opts BuildOptions) (Binaries, error) {
	if opts.BinDir != "" {
		dir, err := filepath.Abs(opts.BinDir)
		if err != nil {
			return Binaries{}, err
		}
		bins := Binaries{Dir: dir}
		return bins, bins.check()
	}
	if bins, ok := Built(); ok {
		return bins, nil
	}
	root, err := Root()
	if err != nil {
		return Binaries{}, err
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return Binaries{}, fmt.Errorf("cannot create the sandbox cache: %w", err)
	}
	// Two kanzen processes (or two test packages) may ask at once: one builds,
	// the other waits and then finds the binaries ready.
	unlock, err := filelock.Lock(ctx, filepath.Join(root, "build.lock"))
	if err != nil {
		return Binaries{}, err
	}
	defer unlock()
	if bins, ok := Built(); ok {
		return bins, nil
	}
	if opts.Starting != nil {
		opts.Starting(fileExists(filepath.Join(root, "bin", stampFile)))
	}
	if err := build(ctx, root, opts.Progress); err != nil {
		return Binaries{}, err
	}
	bins, ok := Built()
	if !ok {
		return Binaries{}, fmt.Errorf("the sandbox build finished but %s holds no usable binaries", filepath.Join(root, "bin"))
	}
	return bins, nil
}

// check reports which required binaries are missing or not executable.
func (b Binaries) check() error {
	var missing []string
	for _, c := range components {
		info, err := os.Stat(b.Path(c.name))
		if c.optional {
			continue
		}
		if err != nil || info.IsDir() || info.Mode()&0o111 == 0 {
			missing = append(missing, c.name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s has no executable %s", b.Dir, strings.Join(missing, ", "))
	}
	return nil
}

// build compiles every component into root/bin, replacing what was there only
// once the whole build has succeeded.
func build(ctx context.Context, root string, progress func(BuildProgress)) error {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return errors.New("building the sandbox needs the Go toolchain (go 1.26 or newer), and none is on PATH: " +
			"install Go, or pass --bin-dir with prebuilt kube-apiserver, kube-controller-manager, kube-scheduler, etcd, kwok and kwokctl")
	}
	src := filepath.Join(root, "src")
	if err := writeSource(src); err != nil {
		return fmt.Errorf("cannot write the sandbox source to %s: %w", src, err)
	}
	hash, err := recipeHash()
	if err != nil {
		return err
	}
	pkgs := make([]string, len(components))
	for i, c := range components {
		pkgs[i] = c.pkg
	}
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")

	started := time.Now()
	total, err := countPackages(ctx, goBin, src, env, pkgs)
	if err != nil {
		return err
	}
	out := filepath.Join(root, "bin.new")
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	logPath := filepath.Join(root, "build.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return err
	}
	defer logFile.Close()

	args := append([]string{"build", "-v", "-trimpath", "-ldflags", ldflags(), "-o", out + string(filepath.Separator)}, pkgs...)
	cmd := exec.CommandContext(ctx, goBin, args...)
	cmd.Dir = src
	cmd.Env = env
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	cmd.Stdout = logFile
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("cannot run go build: %w", err)
	}
	tail := &lastLines{max: 20}
	compiled := 0
	scanner := bufio.NewScanner(io.TeeReader(stderr, logFile))
	for scanner.Scan() {
		line := scanner.Text()
		tail.add(line)
		if isPackageLine(line) {
			compiled++
			if progress != nil {
				progress(BuildProgress{Compiled: compiled, Total: total, Package: line, Elapsed: time.Since(started)})
			}
		}
	}
	if err := cmd.Wait(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("sandbox build interrupted: %w", ctx.Err())
		}
		return fmt.Errorf("building the sandbox failed (%v); the full log is %s; its end:\n%s", err, logPath, tail)
	}
	if err := os.WriteFile(filepath.Join(out, stampFile), []byte(hash+"\n"), 0o644); err != nil {
		return err
	}
	bin := filepath.Join(root, "bin")
	if err := os.RemoveAll(bin); err != nil {
		return err
	}
	return os.Rename(out, bin)
}

// writeSource lays the embedded sandbox module out as files for go build.
func writeSource(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return fs.WalkDir(recipe.Source, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(path))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(recipe.Source, path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// countPackages lists every package the build depends on. It also downloads
// the modules, so a missing network shows up here with go's own message.
func countPackages(ctx context.Context, goBin, dir string, env, pkgs []string) (int, error) {
	cmd := exec.CommandContext(ctx, goBin, append([]string{"list", "-deps", "-f", "{{.ImportPath}}"}, pkgs...)...)
	cmd.Dir = dir
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		hint := ""
		switch {
		case strings.Contains(msg, "requires go >="):
			hint = " (the sandbox needs a newer Go: install it, or allow GOTOOLCHAIN=auto to fetch it)"
		case strings.Contains(msg, "dial tcp") || strings.Contains(msg, "lookup ") || strings.Contains(msg, "proxy"):
			hint = " (the first build downloads modules: is the Go module proxy reachable?)"
		}
		return 0, fmt.Errorf("cannot resolve the sandbox's Go modules%s: %v\n%s", hint, err, tailLines(msg, 15))
	}
	return bytes.Count(out, []byte("\n")), nil
}

// isPackageLine tells go build -v's package names from other output such as
// "go: downloading ..." or compiler errors.
func isPackageLine(line string) bool {
	return line != "" && !strings.ContainsAny(line, " \t:")
}

// lastLines keeps the end of a long output for an error message.
type lastLines struct {
	max   int
	lines []string
}

func (l *lastLines) add(line string) {
	l.lines = append(l.lines, line)
	if len(l.lines) > l.max {
		l.lines = l.lines[1:]
	}
}

func (l *lastLines) String() string { return strings.Join(l.lines, "\n") }
