package sandbox_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/sandbox"
)

func TestDownLeavesNoProcessAndNoState(t *testing.T) {
	s, st := kubetest.OwnSandbox(t, "kanzen-downtest", 1)
	if !st.Healthy || st.ReadyNodes() != 1 {
		t.Fatalf("sandbox not ready after Up: %+v", st)
	}
	if len(st.Processes) != 5 {
		t.Fatalf("want etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok-controller, got %+v", st.Processes)
	}
	dir, _ := s.Dir()

	stopped, err := s.Down(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(stopped) != len(st.Processes) {
		t.Errorf("Down reported %d processes, Up had %d", len(stopped), len(st.Processes))
	}
	for _, p := range st.Processes {
		if alive(p.PID) {
			t.Errorf("%s (pid %d) still running after Down", p.Component, p.PID)
		}
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("state directory %s left behind (stat: %v)", dir, err)
	}
	if left := processesUnder(t, dir); len(left) > 0 {
		t.Errorf("processes still running from %s: %v", dir, left)
	}
	after, err := s.Status(context.Background())
	if err != nil || after.Exists {
		t.Errorf("Status after Down: %+v, %v", after, err)
	}
}

// TestUpRestartsACrashedSandbox kills the API server, at once or with a
// SIGTERM it takes a minute to obey, and expects Up to restart it in place.
func TestUpRestartsACrashedSandbox(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			s, st := kubetest.OwnSandbox(t, "kanzen-crash-"+strconv.Itoa(int(sig)), 1)
			var apiserver sandbox.Process
			for _, p := range st.Processes {
				if p.Component == sandbox.KubeAPIServer {
					apiserver = p
				}
			}
			if err := syscall.Kill(apiserver.PID, sig); err != nil {
				t.Fatal(err)
			}
			kubetest.Eventually(t, 10*time.Second, func() (bool, string) {
				now, _ := s.Status(context.Background())
				return !now.Healthy, "Status still reports healthy after the API server was killed"
			})
			var log bytes.Buffer
			s.Log = &log
			s.Nodes = 0 // keep the node count, rather than the default of 2
			again, err := s.Up(context.Background())
			if err != nil {
				t.Fatalf("%v; Up said %q", err, log.String())
			}
			if !again.Healthy || again.ReadyNodes() != 1 {
				t.Fatalf("not healthy with 1 node after restart: %+v; Up said %q", again, log.String())
			}
			if !strings.Contains(log.String(), "restarting") || strings.Contains(log.String(), "anew") {
				t.Errorf("Up did not restart the sandbox in place; it said %q", log.String())
			}
			if again.Kubeconfig != st.Kubeconfig {
				t.Errorf("kubeconfig moved from %s to %s", st.Kubeconfig, again.Kubeconfig)
			}
		})
	}
}

func TestUpSaysWhenThePortIsTaken(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	port := l.Addr().(*net.TCPAddr).Port
	s := &sandbox.Sandbox{Name: "kanzen-porttest", Nodes: 1, Port: port, Bins: kubetest.Binaries(t)}
	t.Cleanup(func() { _, _ = s.Down(context.Background()) })
	_, err = s.Up(context.Background())
	if err == nil || !strings.Contains(err.Error(), "port "+strconv.Itoa(port)+" on 127.0.0.1 is already in use") {
		t.Fatalf("Up on a taken port: got %v", err)
	}
}

func alive(pid int) bool {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	fields := strings.Fields(string(data))
	return len(fields) > 2 && fields[2] != "Z"
}

// processesUnder lists running processes whose command line names dir.
func processesUnder(t *testing.T, dir string) []string {
	t.Helper()
	out, err := exec.Command("ps", "-eo", "pid=,stat=,args=").Output()
	if err != nil {
		t.Skipf("ps: %v", err)
	}
	var found []string
	for _, line := range strings.Split(string(out), "\n") {
		fields := strings.Fields(line)
		if len(fields) > 2 && !strings.HasPrefix(fields[1], "Z") && strings.Contains(line, dir) {
			found = append(found, line)
		}
	}
	return found
}

// TestUpRestartsOnceTheAPIServersPortIsFreeAgain kills the API server and
// holds its port for a while, as another sandbox starting meanwhile may:
// Up must keep trying to restart in place rather than create anew.
func TestUpRestartsOnceTheAPIServersPortIsFreeAgain(t *testing.T) {
	s, st := kubetest.OwnSandbox(t, "kanzen-portheld", 1)
	var apiserver sandbox.Process
	for _, p := range st.Processes {
		if p.Component == sandbox.KubeAPIServer {
			apiserver = p
		}
	}
	if err := syscall.Kill(apiserver.PID, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	port := st.Server[strings.LastIndex(st.Server, ":")+1:]
	var held net.Listener
	kubetest.Eventually(t, 10*time.Second, func() (bool, string) {
		var err error
		held, err = net.Listen("tcp", "127.0.0.1:"+port)
		return err == nil, fmt.Sprintf("port %s still taken after the kill: %v", port, err)
	})
	time.AfterFunc(8*time.Second, func() { held.Close() })

	var log bytes.Buffer
	s.Log = &log
	again, err := s.Up(context.Background())
	if err != nil {
		t.Fatalf("%v; Up said %q", err, log.String())
	}
	if !again.Healthy || again.ReadyNodes() != 1 || strings.Contains(log.String(), "anew") || again.Server != st.Server {
		t.Fatalf("not restarted in place: %+v; Up said %q", again, log.String())
	}
}
