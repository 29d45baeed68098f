package check

import (
	"testing"

	"kanzen.dev/kanzen/lessons"
)

const outsideChecks = `
kinds: [Pod]
checks:
- id: context
  title: {en: the current context sets ns, ja: c}
  have: kubeconfig.namespace
  want: ns
- id: shortname
  title: {en: the short name, ja: s}
  have: api.filter(r, r.name == 'deployments')[0].shortNames
  want: "'deploy'"
  pass: want in have
- id: runs
  title: {en: the container really runs, ja: r}
  requires: [containers]
  target: {kind: Pod, name: web}
  have: object.status.containerStatuses.all(c, c.ready)
  want: "true"
- id: after
  title: {en: judged after runs, ja: a}
  needs: [runs]
  target: {kind: Pod, name: web}
  have: object.metadata.name
  want: "'web'"
`

func TestChecksReadTheKubeconfigAndDiscovery(t *testing.T) {
	p := compile(t, outsideChecks)
	if !p.ReadsKubeconfig() || !p.ReadsAPI() || !p.NeedsContainers() {
		t.Fatalf("reads kubeconfig %v, api %v, needs containers %v", p.ReadsKubeconfig(), p.ReadsAPI(), p.NeedsContainers())
	}
	if q := compile(t, "kinds: [Pod]\nchecks: [{id: a, title: {en: a, ja: a}, have: ns, want: ns}]"); q.ReadsKubeconfig() || q.ReadsAPI() || q.NeedsContainers() {
		t.Fatal("a check reading only ns is said to read more")
	}
	s := snap(t, "Pod: [{metadata: {name: web}, status: {containerStatuses: [{ready: false}]}}]")
	in := Input{Snapshot: s, Started: start,
		Kubeconfig: Kubeconfig{Context: "kind-kind", Namespace: "default"},
		API:        []APIResource{{Name: "deployments", Kind: "Deployment", Group: "apps", Version: "v1", Namespaced: true}}}
	rs := p.Evaluate(in, lessons.English)
	for i, want := range []struct {
		status     Status
		have, want string
	}{{Fail, "default", "ex"}, {Fail, "none", "deploy"}, {Fail, "false", "true"}, {Pending, "", "web"}} {
		if rs[i].Status != want.status || (want.have != "" && rs[i].Have != want.have) || rs[i].Want != want.want {
			t.Errorf("%s: got %s have %q want %q; expected %s have %q want %q", rs[i].ID, rs[i].Status, rs[i].Have, rs[i].Want, want.status, want.have, want.want)
		}
	}

	in.Kubeconfig.Namespace = "ex"
	in.API[0].ShortNames = []string{"deploy"}
	in.SimulatedNodes = true
	rs = p.Evaluate(in, lessons.Japanese)
	if rs[0].Status != Pass || rs[1].Status != Pass || rs[3].Status != Pass {
		t.Fatalf("got %+v", rs)
	}
	if rs[2].Status != Unavailable || rs[2].Have != simulated.In(lessons.Japanese) {
		t.Errorf("on simulated nodes the container check is %s %q", rs[2].Status, rs[2].Have)
	}
	if !AllPass(rs) {
		t.Error("a check this cluster cannot judge holds the exercise back")
	}
	if AllPass([]Result{{Status: Unavailable}}) {
		t.Error("an exercise nothing could judge passes")
	}
}
