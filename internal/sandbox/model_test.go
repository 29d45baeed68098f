package sandbox

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kanzen.dev/kanzen/internal/sandbox/podmodel"
)

// A sandbox made before the container model, or with an older one, gets the
// current stages in place; its other configuration stays, and a second
// refresh changes nothing.
func TestRefreshModelReplacesOnlyTheStages(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	s := &Sandbox{Name: "refresh"}
	dir, err := s.Dir()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(s.clusterDir(dir), 0o755); err != nil {
		t.Fatal(err)
	}
	saved := `apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokctlConfiguration
options:
  bindAddress: 127.0.0.1
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-ready
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
---
apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokConfiguration
options:
  cidr: 10.0.0.1/24
`
	path := filepath.Join(s.clusterDir(dir), "kwok.yaml")
	if err := os.WriteFile(path, []byte(saved), 0o644); err != nil {
		t.Fatal(err)
	}
	changed, err := s.refreshModel(dir)
	if err != nil || !changed {
		t.Fatalf("refresh: changed %v, err %v", changed, err)
	}
	data, _ := os.ReadFile(path)
	got := string(data)
	_, fingerprint, _ := podmodel.Stages()
	for _, want := range []string{"kind: KwokctlConfiguration", "kind: KwokConfiguration", "cidr: 10.0.0.1/24", "kanzen-pod-create", "kind: ClusterLogs", fingerprint} {
		if !strings.Contains(got, want) {
			t.Errorf("the refreshed configuration lacks %q", want)
		}
	}
	if strings.Contains(got, "name: pod-ready") {
		t.Error("kwok's own pod-ready stage is still there")
	}
	workdirConfig, _ := os.ReadFile(filepath.Join(s.workdir(dir), "kwok.yaml"))
	if !strings.Contains(string(workdirConfig), fingerprint) || !strings.Contains(string(workdirConfig), "bindAddress: 127.0.0.1") {
		t.Error("the configuration in kwokctl's workdir, which kwok's controller reads too, is not the current one")
	}
	if changed, err := s.refreshModel(dir); err != nil || changed {
		t.Errorf("a second refresh: changed %v, err %v", changed, err)
	}
}
