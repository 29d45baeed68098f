package quiz

import (
	"slices"
	"testing"

	"k8s.io/cli-runtime/pkg/genericiooptions"
)

// TestEveryFormIsKubectlsWithItsFlags keeps the table true to kubectl: each
// form names a kubectl command, and each flag it allows is that command's.
func TestEveryFormIsKubectlsWithItsFlags(t *testing.T) {
	for _, f := range forms {
		cmd := f.command(nil, genericiooptions.NewTestIOStreamsDiscard())
		if cmd == nil || cmd.Name() != f.path[len(f.path)-1] {
			t.Errorf("kubectl %s: no such command", f.name())
			continue
		}
		for _, name := range f.flags {
			if cmd.Flags().Lookup(name) == nil {
				t.Errorf("kubectl %s has no flag --%s", f.name(), name)
			}
		}
		for _, name := range sharedFlags {
			if slices.Contains(f.flags, name) {
				t.Errorf("kubectl %s lists the shared --%s", f.name(), name)
			}
		}
	}
}
