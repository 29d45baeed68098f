package progress

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// writeAtomic replaces path with data so that a reader sees the old file or
// the new one, never a part, even if the machine stops midway.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	// CreateTemp makes the file 0600: progress is the learner's alone.
	f, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// removeTemps removes the temporary files writeAtomic leaves beside path
// when it is killed midway. The caller must hold the lock that saves take.
func removeTemps(path string) {
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), filepath.Base(path)+".tmp-") {
			_ = os.Remove(filepath.Join(filepath.Dir(path), e.Name()))
		}
	}
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// moveAside renames path to path.corrupt-<UTC time>, adding a counter if a
// backup of that name exists: the learner's data is never overwritten.
func moveAside(path string, now time.Time) (string, error) {
	base := path + ".corrupt-" + now.UTC().Format("20060102T150405Z")
	for n := 1; ; n++ {
		backup := base
		if n > 1 {
			backup = fmt.Sprintf("%s-%d", base, n)
		}
		// Creating the name exclusively reserves it; the rename then replaces
		// only this empty placeholder.
		f, err := os.OpenFile(backup, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		f.Close()
		if err := os.Rename(path, backup); err != nil {
			os.Remove(backup)
			return "", err
		}
		return backup, syncDir(filepath.Dir(path))
	}
}
