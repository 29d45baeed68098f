package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"kanzen.dev/kanzen/internal/watch"
)

// TestCheckWatchReportsEachConnectionChangeOnce follows an API server
// restart as kanzen check --watch sees it: retries that fail with other
// messages are one loss, and the connection is back only once the checks
// are up to date.
func TestCheckWatchReportsEachConnectionChangeOnce(t *testing.T) {
	var out bytes.Buffer
	p := &printer{}
	for _, err := range []error{
		nil,
		errors.New("watch Pod: dial tcp: connection refused (timeoutSeconds=422)"),
		errors.New("watch ReplicaSet: dial tcp: connection refused (timeoutSeconds=430)"),
		fmt.Errorf("watch Pod: %w", watch.ErrStale),
		fmt.Errorf("watch Pod: %w", watch.ErrStale),
		nil,
		nil,
	} {
		p.connection(&out, err, "")
	}
	want := []string{
		"kanzen: lost the cluster, retrying: watch Pod: dial tcp: connection refused (timeoutSeconds=422)",
		"kanzen: the cluster answers again; catching up with what changed meanwhile",
		"kanzen: connection to the cluster is back, and the checks are up to date",
	}
	if got := strings.Split(strings.TrimSpace(out.String()), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got:\n%s\nwant:\n%s", out.String(), strings.Join(want, "\n"))
	}
}
