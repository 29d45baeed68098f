package kube

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// Forgotten is what RemoveContexts changed in the learner's kubeconfig.
type Forgotten struct {
	// Removed are the contexts removed.
	Removed []string
	// SwitchedTo is the context that became current in place of a removed
	// one; empty if the current context was left as it was.
	SwitchedTo string
	// Dangling is a removed context that is still named as the current one,
	// because no single other context uses its cluster and user: the
	// learner must choose with kubectl config use-context.
	Dangling string
}

// RemoveContexts removes the contexts named from the kubeconfig files, as
// kubectl config delete-context would, and nothing else: it resets an
// exercise that asked the learner to add them. When the current context is
// one of them, the one other context with the same cluster and user (the
// context the learner started from) becomes current; without exactly one,
// the current context is left as it is and Forgotten says so. A file that
// changes is replaced in one rename, with its mode kept and no backup.
func RemoveContexts(files, names []string) (Forgotten, error) {
	var f Forgotten
	if len(names) == 0 {
		return f, nil
	}
	configs := make([]*clientcmdapi.Config, len(files))
	for i, path := range files {
		c, err := clientcmd.LoadFromFile(path)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return f, fmt.Errorf("read kubeconfig %s: %w", path, err)
		}
		configs[i] = c
	}
	// kubectl merges the files: the first to name a context or a current
	// context wins.
	merged := map[string]*clientcmdapi.Context{}
	current, currentIn := "", -1
	for i, c := range configs {
		if c == nil {
			continue
		}
		for name, ctx := range c.Contexts {
			if merged[name] == nil {
				merged[name] = ctx
			}
		}
		if currentIn < 0 && c.CurrentContext != "" {
			current, currentIn = c.CurrentContext, i
		}
	}
	for _, name := range names {
		if merged[name] != nil {
			f.Removed = append(f.Removed, name)
		}
	}
	if len(f.Removed) == 0 {
		return f, nil
	}
	changed := make([]bool, len(files))
	if removed := merged[current]; removed != nil && slices.Contains(f.Removed, current) {
		var same []string
		for name, ctx := range merged {
			if !slices.Contains(names, name) && ctx.Cluster == removed.Cluster && ctx.AuthInfo == removed.AuthInfo {
				same = append(same, name)
			}
		}
		if len(same) == 1 {
			f.SwitchedTo = same[0]
			configs[currentIn].CurrentContext = same[0]
			changed[currentIn] = true
		} else {
			f.Dangling = current
		}
	}
	for i, c := range configs {
		for _, name := range f.Removed {
			if c != nil && c.Contexts[name] != nil {
				delete(c.Contexts, name)
				changed[i] = true
			}
		}
	}
	for i, path := range files {
		if changed[i] {
			if err := writeKubeconfig(path, configs[i]); err != nil {
				return f, err
			}
		}
	}
	return f, nil
}

// writeKubeconfig replaces the kubeconfig at path in one rename, so that
// kubectl never reads half a file, keeping the file's mode. A symbolic link
// stays one: the file it points to is replaced.
func writeKubeconfig(path string, c *clientcmdapi.Config) (err error) {
	data, err := clientcmd.Write(*c)
	if err != nil {
		return fmt.Errorf("write kubeconfig %s: %w", path, err)
	}
	if path, err = filepath.EvalSymlinks(path); err != nil {
		return err
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".kanzen-*")
	if err != nil {
		return fmt.Errorf("write kubeconfig %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write kubeconfig %s: %w", path, err)
	}
	return nil
}
