package tui

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"k8s.io/client-go/rest"

	"kanzen.dev/kanzen/internal/kube"
)

// runCmd executes a command as Bubble Tea would and returns its message.
func runCmd(t *testing.T, cmd tea.Cmd) tea.Msg {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command")
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(20 * time.Second):
		t.Fatal("the command did not return within 20s")
		return nil
	}
}

// TestAnUnreachableClusterIsProbedUntilItAnswers starts the TUI on a cluster
// whose API server is down, then starts one at its address: the TUI must
// notice by itself, without a key pressed.
func TestAnUnreachableClusterIsProbedUntilItAnswers(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // Down, for now.
	target := &kube.Target{Context: "kind-kind", Server: "http://" + addr, Config: &rest.Config{Host: "http://" + addr}}
	unused := func(context.Context, func(int, int)) (*kube.Target, error) { return nil, errors.New("unused") }
	m := New(Options{Course: course(t), Cluster: target, StartSandbox: unused})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	m = next.(Model)

	next, cmd := m.Update(runCmd(t, probeCluster(target, 0)))
	m = next.(Model)
	screen := viewText(m)
	if !strings.Contains(screen, "● unreachable") {
		t.Fatalf("the status line does not say unreachable:\n%s", screen)
	}
	if strings.Contains(screen, "Press S") {
		t.Fatalf("the sandbox is offered for a configured cluster that does not answer:\n%s", screen)
	}
	if next, start := m.Update(keyMsg("S")); start != nil || next.(Model).sandbox.running {
		t.Fatal("S started the sandbox although a cluster is configured")
	}

	// A second failure waits longer before the next try.
	next, cmd = m.Update(runCmd(t, cmd))
	m = next.(Model)
	if m.cluster.failures != 2 || reprobeWait(2) <= reprobeWait(1) {
		t.Fatalf("%d failures, waits %s then %s; want a growing wait", m.cluster.failures, reprobeWait(1), reprobeWait(2))
	}

	l, err = net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("the port was taken meanwhile: %v", err)
	}
	server := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"major": "1", "minor": "37", "gitVersion": "v1.37.2"}`))
	})}
	go server.Serve(l)
	t.Cleanup(func() { server.Close() })

	next, _ = m.Update(runCmd(t, cmd))
	m = next.(Model)
	if top := strings.Split(viewText(m), "\n")[0]; !strings.Contains(top, "kind-kind ● v1.37.2") {
		t.Fatalf("the TUI did not notice the cluster is back: %q", top)
	}
}

func TestTheSandboxIsOfferedOnlyWithoutAConfiguredCluster(t *testing.T) {
	unused := func(context.Context, func(int, int)) (*kube.Target, error) { return nil, errors.New("unused") }
	none := newModel(t, Options{StartSandbox: unused}, 140, 40)
	if !none.sandboxOffered() || !strings.Contains(viewText(none), "Press S") {
		t.Fatal("no cluster configured, yet no sandbox offered")
	}
	configured := newModel(t, Options{StartSandbox: unused, Cluster: localCluster}, 140, 40)
	if configured.sandboxOffered() {
		t.Fatal("the sandbox is offered beside a configured cluster")
	}
}
