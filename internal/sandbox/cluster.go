package sandbox

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"kanzen.dev/kanzen/internal/filelock"
	"kanzen.dev/kanzen/internal/userdirs"
)

// DefaultName is the sandbox a learner gets; tests use their own.
const DefaultName = "kanzen"

// DefaultNodes is how many simulated nodes a new sandbox has: two, so that a
// DaemonSet visibly runs one Pod per node.
const DefaultNodes = 2

// readyTimeout bounds how long up waits for the API server and nodes.
const readyTimeout = 2 * time.Minute

// restartTimeout bounds a restart. It takes seconds on an idle machine and
// can take a minute on a busy one; creating the sandbox anew loses everything
// the learner made, so a slow restart is worth waiting for.
const restartTimeout = 90 * time.Second

// Sandbox is one named kwok cluster with its own state directory.
type Sandbox struct {
	Name string
	// Nodes is how many simulated nodes Up leaves running; 0 means
	// DefaultNodes for a new sandbox and no change for an existing one.
	Nodes int
	// Port is the API server's port on 127.0.0.1; 0 lets kwokctl pick a free one.
	Port int
	// Bins holds the binaries; Up needs them, Down and Status can do without.
	Bins Binaries
	// Log receives one line per step; nil discards them.
	Log io.Writer
	// Audit has a new sandbox's API server log every write (see AuditLog).
	Audit bool
}

// kwokctlConfig binds every component to the loopback address: etcd and the
// API server are not for the network, and kwokctl's default is 0.0.0.0.
const kwokctlConfig = `apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokctlConfiguration
options:
  bindAddress: 127.0.0.1
`

var validName = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$`)

// Dir is the sandbox's state directory: kwokctl's workdir and the kubeconfig.
func (s *Sandbox) Dir() (string, error) {
	if !validName.MatchString(s.Name) {
		return "", fmt.Errorf("invalid sandbox name %q: use lowercase letters, digits and dashes", s.Name)
	}
	state, err := userdirs.State()
	if err != nil {
		return "", err
	}
	return filepath.Join(state, "sandbox", s.Name), nil
}

// KubeconfigPath is the stable path of the sandbox's kubeconfig. It does not
// change when the sandbox is restarted, so shells that exported it keep working.
func (s *Sandbox) KubeconfigPath() (string, error) {
	dir, err := s.Dir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "kubeconfig"), nil
}

func (s *Sandbox) workdir(dir string) string { return filepath.Join(dir, "kwok") }
func (s *Sandbox) clusterDir(dir string) string {
	return filepath.Join(dir, "kwok", "clusters", s.Name)
}

func (s *Sandbox) logf(format string, args ...any) {
	if s.Log != nil {
		fmt.Fprintf(s.Log, format+"\n", args...)
	}
}

// Up starts the sandbox, or restarts it if it crashed, and returns once the API
// server answers and every node is Ready. On a healthy sandbox it only brings
// the node count to s.Nodes, if that is set.
func (s *Sandbox) Up(ctx context.Context) (Status, error) {
	dir, err := s.Dir()
	if err != nil {
		return Status{}, err
	}
	if err := s.Bins.check(); err != nil {
		return Status{}, err
	}
	if s.Nodes < 0 {
		return Status{}, fmt.Errorf("a sandbox cannot have %d nodes", s.Nodes)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return Status{}, fmt.Errorf("cannot create the sandbox state directory: %w", err)
	}
	unlock, err := filelock.Lock(ctx, lockPath(dir, s.Name))
	if err != nil {
		return Status{}, err
	}
	defer unlock()

	exists := fileExists(filepath.Join(s.clusterDir(dir), "kwok.yaml"))
	created := false
	switch {
	case exists && s.healthy(ctx, dir):
		s.logf("sandbox %q is already running", s.Name)
		if err := s.updateModel(ctx, dir); err != nil {
			return Status{}, err
		}
	case exists:
		s.logf("sandbox %q is not running (it crashed, or the machine restarted): restarting it", s.Name)
		if _, err := s.refreshModel(dir); err != nil {
			return Status{}, err
		}
		if err := s.restart(ctx, dir); err != nil {
			// A new sandbox loses what the learner had made; a sandbox that
			// cannot start keeps nothing usable either.
			s.logf("restart failed (%v): creating it anew", firstLine(err))
			if _, err := s.remove(ctx, dir); err != nil {
				return Status{}, err
			}
			if err := s.create(ctx, dir); err != nil {
				return Status{}, err
			}
			created = true
		}
	default:
		if err := s.create(ctx, dir); err != nil {
			return Status{}, err
		}
		created = true
	}
	// Only a new sandbox gets the default node count. Asking a just restarted
	// API server how many nodes it has can fail for a moment, and reading that
	// as "none" would add nodes the learner never asked for.
	nodes := s.Nodes
	if nodes == 0 && created {
		nodes = DefaultNodes
	}
	if nodes > 0 {
		if _, err := s.kwokctl(ctx, dir, "scale", "node", "--replicas", strconv.Itoa(nodes)); err != nil {
			return Status{}, err
		}
	}
	if err := s.writeKubeconfig(ctx, dir); err != nil {
		return Status{}, err
	}
	return s.waitReady(ctx, dir, nodes)
}

// create makes a new kwokctl cluster from the sandbox binaries.
func (s *Sandbox) create(ctx context.Context, dir string) error {
	if s.Port != 0 {
		if err := portFree(s.Port); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(s.workdir(dir), 0o755); err != nil {
		return err
	}
	// kwokctl reads this from its workdir; it also keeps any ~/.kwok/kwok.yaml
	// of the learner's out of the sandbox.
	config, err := kwokConfig(s.workdir(dir))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(s.workdir(dir), "kwok.yaml"), config, 0o644); err != nil {
		return err
	}
	unlock, err := portsLock(ctx, dir)
	if err != nil {
		return err
	}
	defer unlock()
	s.logf("creating sandbox %q (Kubernetes %s, %d simulated nodes)", s.Name, KubeVersion, cmp.Or(s.Nodes, DefaultNodes))
	args := []string{"create", "cluster",
		"--runtime", "binary",
		"--kube-apiserver-binary", s.Bins.Path(KubeAPIServer),
		"--kube-controller-manager-binary", s.Bins.Path(KubeControllerManager),
		"--kube-scheduler-binary", s.Bins.Path(KubeScheduler),
		"--etcd-binary", s.Bins.Path(Etcd),
		"--kwok-controller-binary", s.Bins.Path(Kwok),
		// An empty --kubeconfig keeps kwokctl away from the learner's ~/.kube/config.
		"--kubeconfig", "",
		"--wait", readyTimeout.String(),
	}
	if s.Port != 0 {
		args = append(args, "--kube-apiserver-port", strconv.Itoa(s.Port))
	}
	if args, err = s.withAudit(dir, args); err != nil {
		return err
	}
	_, err = s.kwokctl(ctx, dir, args...)
	return err
}

// portsLock makes sandboxes take turns at binding ports. kwokctl picks ports
// by trying them, so two sandboxes starting at once could pick the same ones;
// a restarting sandbox's ports are free until its components are back.
// kwokctl's --wait returns once every component has bound its ports.
func portsLock(ctx context.Context, dir string) (func(), error) {
	return filelock.Lock(ctx, lockPath(dir, "ports"))
}

// lockPath keeps lock files apart from the sandboxes' state. They outlive
// down: removing a lock file that another process waits on would let a third
// take a second lock.
func lockPath(dir, name string) string {
	return filepath.Join(filepath.Dir(dir), ".locks", name+".lock")
}

// restart starts the components whose processes are gone, and starts them
// again for as long as they die before the API server answers: a component
// that finds its port taken (another sandbox starting meanwhile may pick
// the ports a crashed one left free) exits, and the port is usually free
// again seconds later.
func (s *Sandbox) restart(ctx context.Context, dir string) error {
	// An API server that runs but does not answer is stuck, or still shutting
	// down after a SIGTERM (which takes a minute); kwokctl would leave it be.
	for _, p := range processes(s.clusterDir(dir)) {
		if p.Running && p.Component == KubeAPIServer {
			stopProcesses([]Process{p}, 5*time.Second)
		}
	}
	unlock, err := portsLock(ctx, dir)
	if err != nil {
		return err
	}
	defer unlock()
	return s.startMissing(ctx, dir)
}

// startMissing has kwokctl start the components that are not running, and
// tries again while one dies before the API server answers. The caller holds
// the ports lock.
func (s *Sandbox) startMissing(ctx context.Context, dir string) error {
	deadline := time.Now().Add(restartTimeout)
	for {
		s.forgetDead(dir)
		// kwokctl waits for each component before it starts the next, and
		// waits on for one that died: watch the processes meanwhile.
		attempt, cancel := context.WithCancel(ctx)
		started := make(chan error, 1)
		go func() {
			_, err := s.kwokctl(attempt, dir, "start", "cluster")
			started <- err
		}()
		healthy := false
		err := poll(ctx, time.Until(deadline), func() bool {
			healthy = s.healthy(ctx, dir)
			return healthy || !allRunning(s.clusterDir(dir))
		})
		if healthy {
			// kwokctl goes on to start the components after the API server.
			defer cancel()
			select {
			case err := <-started:
				return err
			case <-time.After(time.Until(deadline)):
				return errors.New("the components after the API server did not start")
			}
		}
		cancel()
		<-started
		switch {
		case errors.Is(err, errTimeout) || time.Now().After(deadline):
			return errors.New("the API server did not come back")
		case err != nil:
			return err
		}
		// A component died: give whatever holds its port a moment.
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// forgetDead removes the pid files of processes that are not really
// running: kwokctl skips a component whose pid still answers a signal, and a
// crashed process answers until it is reaped.
func (s *Sandbox) forgetDead(dir string) {
	for _, p := range processes(s.clusterDir(dir)) {
		if !p.Running {
			_ = os.Remove(filepath.Join(s.clusterDir(dir), "pids", p.Component+".pid"))
		}
	}
}

// allRunning reports whether every component's process runs.
func allRunning(clusterDir string) bool {
	for _, p := range processes(clusterDir) {
		if !p.Running {
			return false
		}
	}
	return true
}

// writeKubeconfig replaces the stable kubeconfig, which shells keep using
// across restarts.
func (s *Sandbox) writeKubeconfig(ctx context.Context, dir string) error {
	config, err := s.kwokctl(ctx, dir, "get", "kubeconfig")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, "kubeconfig"), config, 0o600)
}

// Down stops every sandbox process and removes all of its state. It works
// without the binaries too, from the pid files alone.
func (s *Sandbox) Down(ctx context.Context) ([]Process, error) {
	dir, err := s.Dir()
	if err != nil {
		return nil, err
	}
	if !fileExists(dir) {
		return nil, nil
	}
	unlock, err := filelock.Lock(ctx, lockPath(dir, s.Name))
	if err != nil {
		return nil, err
	}
	defer unlock()
	return s.remove(ctx, dir)
}

// remove deletes the cluster with kwokctl where possible, then makes sure no
// process is left and removes the state directory. It returns the processes
// the sandbox had.
func (s *Sandbox) remove(ctx context.Context, dir string) ([]Process, error) {
	procs := processes(s.clusterDir(dir))
	if s.Bins.check() == nil && fileExists(s.clusterDir(dir)) {
		// kwokctl would remove its context from ~/.kube/config; point it at a
		// file of its own instead.
		scratch := filepath.Join(s.workdir(dir), "unused-kubeconfig.yaml")
		if _, err := s.kwokctl(ctx, dir, "delete", "cluster", "--kubeconfig", scratch); err != nil {
			s.logf("kwokctl could not delete the cluster (%v): stopping its processes directly", firstLine(err))
		}
	}
	if left := stopProcesses(procs, 10*time.Second); len(left) > 0 {
		return procs, fmt.Errorf("could not stop %s (pid %d)", left[0].Component, left[0].PID)
	}
	if err := os.RemoveAll(dir); err != nil {
		return procs, fmt.Errorf("cannot remove the sandbox state %s: %w", dir, err)
	}
	return procs, nil
}

// kwokctl runs kwokctl against this sandbox's workdir. The sandbox binaries
// come first on PATH, so kwokctl uses the matching kubectl.
func (s *Sandbox) kwokctl(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, s.Bins.Path(Kwokctl), append([]string{"--name", s.Name}, args...)...)
	cmd.Env = append(os.Environ(),
		"KWOK_WORKDIR="+s.workdir(dir),
		"PATH="+s.Bins.Dir+string(os.PathListSeparator)+os.Getenv("PATH"),
	)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = strings.TrimSpace(stdout.String())
		}
		return nil, fmt.Errorf("kwokctl %s: %v\n%s", strings.Join(args[:min(2, len(args))], " "), err, tailLines(msg, 15))
	}
	return stdout.Bytes(), nil
}

// portFree says clearly when the requested API server port is taken.
func portFree(port int) error {
	l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return fmt.Errorf("port %d on 127.0.0.1 is already in use by another program: choose another with --port, or leave --port out to pick a free one", port)
	}
	return l.Close()
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func firstLine(err error) string {
	line, _, _ := strings.Cut(err.Error(), "\n")
	return line
}

func tailLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
