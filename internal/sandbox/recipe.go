// Package sandbox builds and runs kanzen's built-in cluster: the upstream
// Kubernetes control plane, compiled from the Go module proxy, with nodes
// simulated by kwok. It needs no Docker and no root.
package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"runtime"
	"sort"
	"strings"

	recipe "kanzen.dev/kanzen/sandbox"
)

// KubeVersion is the Kubernetes release the sandbox runs; it must match the
// sandbox module's go.mod.
const KubeVersion = "v1.37.2"

// Component names, which are also the binaries' file names.
const (
	Etcd                  = "etcd"
	KubeAPIServer         = "kube-apiserver"
	KubeControllerManager = "kube-controller-manager"
	KubeScheduler         = "kube-scheduler"
	Kubectl               = "kubectl"
	Kwok                  = "kwok"
	Kwokctl               = "kwokctl"
)

// component is one binary and the package in the sandbox module that builds it.
type component struct {
	name     string
	pkg      string
	optional bool // with --bin-dir, a missing optional binary is only a warning
}

var components = []component{
	{name: Etcd, pkg: "./cmd/etcd"},
	{name: KubeAPIServer, pkg: "k8s.io/kubernetes/cmd/kube-apiserver"},
	{name: KubeControllerManager, pkg: "k8s.io/kubernetes/cmd/kube-controller-manager"},
	{name: KubeScheduler, pkg: "k8s.io/kubernetes/cmd/kube-scheduler"},
	{name: Kubectl, pkg: "k8s.io/kubernetes/cmd/kubectl", optional: true},
	{name: Kwok, pkg: "sigs.k8s.io/kwok/cmd/kwok"},
	{name: Kwokctl, pkg: "sigs.k8s.io/kwok/cmd/kwokctl"},
}

// recipeHash identifies one version of the sandbox module on one platform, so
// binaries are rebuilt only when the module changed.
func recipeHash() (string, error) {
	var paths []string
	err := fs.WalkDir(recipe.Source, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			paths = append(paths, path)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	sort.Strings(paths)
	h := sha256.New()
	h.Write([]byte(runtime.GOOS + "/" + runtime.GOARCH + "\n" + ldflags() + "\n"))
	for _, p := range paths {
		data, err := fs.ReadFile(recipe.Source, p)
		if err != nil {
			return "", err
		}
		h.Write([]byte(p + "\n"))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// ldflags stamps the Kubernetes version into the binaries: unstamped, the API
// server reports v0.0.0-master, which kubectl and kwokctl cannot parse.
func ldflags() string {
	const v = "k8s.io/component-base/version"
	parts := strings.SplitN(strings.TrimPrefix(KubeVersion, "v"), ".", 3)
	return "-s -w" +
		" -X " + v + ".gitVersion=" + KubeVersion +
		" -X " + v + ".gitMajor=" + parts[0] +
		" -X " + v + ".gitMinor=" + parts[1] +
		" -X " + v + ".gitTreeState=clean"
}

// recipeModules are the upstream modules the sandbox is built from, by the
// name status shows for each.
var recipeModules = map[string]string{
	"kubernetes": "k8s.io/kubernetes",
	"etcd":       "go.etcd.io/etcd/server/v3",
	"kwok":       "sigs.k8s.io/kwok",
}

// RecipeVersions reads the upstream versions the sandbox module pins.
func RecipeVersions() map[string]string {
	data, err := fs.ReadFile(recipe.Source, "go.mod")
	if err != nil {
		return nil
	}
	versions := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		if fields[0] == "require" && len(fields) >= 3 {
			fields = fields[1:]
		}
		for name, module := range recipeModules {
			if fields[0] == module {
				versions[name] = fields[1]
			}
		}
	}
	return versions
}
