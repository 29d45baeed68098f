package progress

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"kanzen.dev/kanzen/internal/filelock"
)

// Store is the progress file at Path. The TUI and kanzen check may use it at
// the same time: Update serializes them with a lock file beside it.
type Store struct{ Path string }

// CorruptError says the progress file could not be read and was moved aside
// to Backup; kanzen carries on with fresh progress.
type CorruptError struct {
	Path   string
	Backup string
	Err    error
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("the progress file %s was unreadable (%v); it was moved to %s and progress starts afresh", e.Path, e.Err, e.Backup)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// NewerError says the progress file was written by a newer kanzen, in a
// format this one does not know. The file is left exactly as it is: Load
// returns fresh progress with it, and Update saves nothing.
type NewerError struct {
	Path    string
	Version int
}

func (e *NewerError) Error() string {
	return fmt.Sprintf("the progress file %s was written by a newer kanzen (format version %d; this kanzen knows version %d): it is kept as it is, and nothing is saved until you update kanzen", e.Path, e.Version, Version)
}

// UnknownLangError says the progress file names a language this kanzen does
// not know; kanzen uses Fallback instead.
type UnknownLangError struct {
	Path, Lang, Fallback string
}

func (e *UnknownLangError) Error() string {
	return fmt.Sprintf("the progress file %s names the language %q, which this kanzen does not know: using %s instead", e.Path, e.Lang, e.Fallback)
}

// Load reads the progress. A missing file is fresh progress. A corrupt file
// is moved aside and fresh progress returned with a *CorruptError, which
// callers show before they carry on; a newer kanzen's file gives fresh
// progress with a *NewerError, and stays as it is.
func (s Store) Load() (*Progress, error) {
	p, err := read(s.Path)
	var corrupt *CorruptError
	if !errors.As(err, &corrupt) {
		return p, err
	}
	// Moving the file is a change, so it waits for the lock; load reads the
	// file again because an Update may have replaced it meanwhile.
	unlock, err := filelock.Lock(context.Background(), s.Path+".lock")
	if err != nil {
		return nil, err
	}
	defer unlock()
	return s.load()
}

// Update applies fn to the progress and saves it, holding the lock so that
// no other process's change is lost. It returns the saved progress; if the
// file was corrupt, that is fn applied to fresh progress, with the
// *CorruptError. A file from a newer kanzen is not touched: Update returns
// its *NewerError.
func (s Store) Update(fn func(*Progress)) (*Progress, error) {
	unlock, err := filelock.Lock(context.Background(), s.Path+".lock")
	if err != nil {
		return nil, err
	}
	defer unlock()
	// With the lock held no save is under way, so a temporary file left
	// beside the progress is from a save that was killed midway.
	removeTemps(s.Path)
	p, loadErr := s.load()
	var corrupt *CorruptError
	if loadErr != nil && !errors.As(loadErr, &corrupt) {
		return nil, loadErr
	}
	fn(p)
	p.Version = Version
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("cannot encode progress: %w", err)
	}
	if err := writeAtomic(s.Path, append(data, '\n')); err != nil {
		return nil, fmt.Errorf("cannot save progress: %w", err)
	}
	return p, loadErr
}

// load reads the progress with the lock held, moving a corrupt file aside.
func (s Store) load() (*Progress, error) {
	p, err := read(s.Path)
	var corrupt *CorruptError
	if !errors.As(err, &corrupt) {
		return p, err
	}
	backup, mvErr := moveAside(s.Path, time.Now())
	if mvErr != nil {
		return nil, fmt.Errorf("the progress file %s is unreadable (%v) and could not be moved aside: %w", s.Path, corrupt.Err, mvErr)
	}
	corrupt.Backup = backup
	return New(), corrupt
}

// read decodes the progress file; it returns a *CorruptError without Backup
// when the file is not progress this kanzen understands, and fresh progress
// with a *NewerError when a newer kanzen wrote it.
func read(path string) (*Progress, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return New(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read progress: %w", err)
	}
	// The version is read first: a newer format may not decode as this one.
	var v struct {
		Version int `json:"version"`
	}
	if err := json.Unmarshal(data, &v); err == nil && v.Version > Version {
		return New(), &NewerError{Path: path, Version: v.Version}
	}
	p := &Progress{}
	if err := json.Unmarshal(data, p); err != nil {
		return nil, &CorruptError{Path: path, Err: err}
	}
	if p.Version != Version {
		err := fmt.Errorf("format version %d, but this kanzen knows version %d", p.Version, Version)
		return nil, &CorruptError{Path: path, Err: err}
	}
	return p, nil
}

// Stamp identifies one version of the progress file: it changes whenever a
// save replaces the file, which every save does (writeAtomic renames a new
// file into place). The zero Stamp is a file that does not exist.
type Stamp struct {
	ModTime time.Time
	Size    int64
	inode   uint64
}

// Stamp returns the file's current stamp, so that a long-running reader
// such as the TUI can tell when another kanzen saved progress and reload it.
func (s Store) Stamp() (Stamp, error) {
	info, err := os.Stat(s.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return Stamp{}, nil
	}
	if err != nil {
		return Stamp{}, err
	}
	return Stamp{ModTime: info.ModTime(), Size: info.Size(), inode: inodeOf(info)}, nil
}
