package session_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"k8s.io/client-go/tools/clientcmd"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/session"
	"kanzen.dev/kanzen/lessons"
)

// Chapter 3's plausible mistakes. Exercise 3.1 changes the kubeconfig, so
// its cases run below on a scratch copy instead of through nearMisses.
func init() {
	const all = "pods,services,configmaps,nodes,namespaces,persistentvolumes,persistentvolumeclaims,storageclasses"
	answers := func(clusterScoped, nodes, fallback string) string {
		s := "kubectl create configmap answers --from-literal=cluster-scoped=" + clusterScoped
		if nodes != "" {
			s += " --from-literal=nodes=" + nodes
		}
		if fallback != "" {
			s += " --from-literal=default-namespace=" + fallback
		}
		return s
	}
	nearMisses = append(nearMisses,
		nearMiss{exercise: "3.2", name: "pods are not cluster-scoped",
			script: answers("nodes,namespaces,persistentvolumes,storageclasses,pods", "2", "default"),
			check:  "no-namespaced", status: check.Fail, have: "pods", want: "none of them namespaced"},
		nearMiss{exercise: "3.2", name: "everything is cluster-scoped",
			script: answers(all, "2", "default"),
			check:  "no-namespaced", status: check.Fail, have: "pods, services, configmaps, persistentvolumeclaims", want: "none of them namespaced"},
		nearMiss{exercise: "3.2", name: "storageclasses forgotten",
			script: answers("nodes,namespaces,persistentvolumes", "2", "default"),
			check:  "all-cluster-scoped", status: check.Fail, have: "3", want: "4"},
		nearMiss{exercise: "3.2", name: "a name not in the list",
			script: answers("nodes,namespaces,volumes,storageclasses", "2", "default"),
			check:  "known", status: check.Fail, have: "volumes", want: "no unknown names"},
		// Kinds and short names count as the resources they name.
		nearMiss{exercise: "3.2", name: "kinds and short names",
			script: answers("Node,Namespace,pv,sc", "2", ""),
			check:  "all-cluster-scoped", status: check.Pass, have: "4", want: "4"},
		nearMiss{exercise: "3.2", name: "no nodes in a namespace",
			script: answers("nodes,namespaces,persistentvolumes,storageclasses", "0", "default"),
			check:  "nodes", status: check.Fail, have: "0", want: "the number of nodes `kubectl get nodes` lists"},
		nearMiss{exercise: "3.2", name: "kube-system as the fallback",
			script: answers("nodes,namespaces,persistentvolumes,storageclasses", "2", "kube-system"),
			check:  "default-namespace", status: check.Fail, have: "kube-system", want: "the namespace kubectl uses when nothing names one"},
	)
}

// TestContextsExerciseOnScratchKubeconfig proves exercise 3.1, whose
// solution writes the kubeconfig, on a copy of the test cluster's
// kubeconfig made for each case: its reference solution passes, and its
// near misses fail with the have and want a learner would read.
func TestContextsExerciseOnScratchKubeconfig(t *testing.T) {
	course, err := lessons.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	ex := course.Exercise("3.1")
	const minify = `"$(kubectl config view --minify -o jsonpath='{.contexts[0].context.%s}')"`
	cluster, user := fmt.Sprintf(minify, "cluster"), fmt.Sprintf(minify, "user")
	cases := []struct {
		name, script, check string
		status              check.Status
		// have and want may name the namespace as NS, and the test
		// cluster's context name as CTX, its cluster as CLUSTER and its
		// user as USER.
		have, want string
	}{
		{name: "reference solution", script: strings.Join(ex.Solution, "\n")},
		{name: "created but not switched",
			script: "kubectl config set-context kanzen-practice --cluster=" + cluster + " --user=" + user + " --namespace=NS\n" +
				"kubectl create configmap hello --from-literal=greeting=hello",
			check: "current", status: check.Fail, have: "CTX", want: "kanzen-practice"},
		{name: "no namespace",
			script: "kubectl config set-context kanzen-practice --cluster=" + cluster + " --user=" + user + "\n" +
				"kubectl config use-context kanzen-practice",
			check: "namespace", status: check.Fail, have: "not set (kubectl would use default)", want: "NS"},
		{name: "misspelled cluster",
			script: "kubectl config set-context kanzen-practice --cluster=kind-knid --user=" + user + " --namespace=NS\n" +
				"kubectl config use-context kanzen-practice",
			check: "cluster-and-user", status: check.Fail, have: "cluster=kind-knid, user=USER", want: "the cluster and user of the context you started from"},
		{name: "only a namespace",
			script: "kubectl config set-context kanzen-practice --namespace=NS\n" +
				"kubectl config use-context kanzen-practice",
			check: "cluster-and-user", status: check.Fail, have: "cluster=, user=", want: "the cluster and user of the context you started from"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, kubeconfig, names := startOnScratchKubeconfig(t, ex)
			if rs := e.settled(); check.AllPass(rs) {
				t.Fatalf("the starting state already passes:\n%s", describe(rs))
			}
			fill := strings.NewReplacer("NS", e.ns, "CTX", names[0], "CLUSTER", names[1], "USER", names[2])
			if out, err := kubetest.ShellWith(kubeconfig, e.ns, fill.Replace(tc.script)); err != nil {
				t.Fatalf("%s: %v\n%s", tc.script, err, out)
			}
			if tc.check == "" {
				e.waitUntil(60*time.Second, "every check passing", check.AllPass)
				return
			}
			have, want := fill.Replace(tc.have), fill.Replace(tc.want)
			e.waitUntil(30*time.Second, "showing the mistake", func(rs []check.Result) bool {
				r := result(rs, tc.check)
				return r.Status == tc.status && r.Have == have
			})
			rs := e.settled()
			if r := result(rs, tc.check); r.Status != tc.status || r.Have != have || r.Want != want {
				t.Fatalf("check %s: got %s have %q want %q; expected %s have %q want %q\n%s",
					tc.check, r.Status, r.Have, r.Want, tc.status, have, want, describe(rs))
			}
			if check.AllPass(rs) {
				t.Fatalf("a near miss passes:\n%s", describe(rs))
			}
		})
	}
}

// startOnScratchKubeconfig starts ex in a namespace of its own, with a
// private copy of the test kubeconfig whose current context has that
// namespace, and watches it reading that copy. It returns the copy's path
// and the current context's name, cluster and user.
func startOnScratchKubeconfig(t *testing.T, ex *lessons.Exercise) (*exercise, string, [3]string) {
	t.Helper()
	c := kubetest.Get(t)
	ns := startNamespace(t, c, ex)
	ctx := context.Background()
	raw, err := clientcmd.LoadFromFile(c.Kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	current := raw.Contexts[raw.CurrentContext]
	if current == nil {
		t.Fatalf("%s has no current context", c.Kubeconfig)
	}
	current.Namespace = ns
	kubeconfig := filepath.Join(t.TempDir(), "kubeconfig")
	if err := clientcmd.WriteToFile(*raw, kubeconfig); err != nil {
		t.Fatal(err)
	}
	s, err := session.Open(ctx, c.Config, ex, ns, session.Options{KubeconfigFiles: []string{kubeconfig}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return &exercise{t: t, c: c, ex: ex, ns: ns, s: s}, kubeconfig, [3]string{raw.CurrentContext, current.Cluster, current.AuthInfo}
}
