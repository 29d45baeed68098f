// Package userdirs says where kanzen keeps its files on the learner's machine:
// built binaries in the cache directory, everything that must survive (the
// sandbox's state, progress) in the state directory.
package userdirs

import (
	"errors"
	"os"
	"path/filepath"
)

// App is the folder name kanzen uses under each base directory.
const App = "kanzen"

// Cache is where rebuildable files go: $XDG_CACHE_HOME/kanzen, or the
// platform's user cache directory.
func Cache() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", errors.New("cannot find a cache directory: set XDG_CACHE_HOME or HOME")
	}
	return filepath.Join(base, App), nil
}

// State is where files that must survive a restart go: $XDG_STATE_HOME/kanzen,
// or ~/.local/state/kanzen.
func State() (string, error) {
	if dir := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, App), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("cannot find a state directory: set XDG_STATE_HOME or HOME")
	}
	return filepath.Join(home, ".local", "state", App), nil
}
