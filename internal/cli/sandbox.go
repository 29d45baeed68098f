package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"kanzen.dev/kanzen/internal/sandbox"
)

const sandboxKubeVersion = sandbox.KubeVersion

// sandboxFlags are shared by the sandbox subcommands.
type sandboxFlags struct {
	name   string
	nodes  int
	port   int
	binDir string
	output string
	audit  bool
}

func (a *app) sandboxCommand() *cobra.Command {
	f := &sandboxFlags{}
	cmd := &cobra.Command{
		Use:   "sandbox",
		Short: "Run kanzen's built-in Kubernetes cluster (no Docker needed)",
		Long: "The sandbox is a real Kubernetes " + sandbox.KubeVersion + " control plane (etcd, kube-apiserver,\n" +
			"kube-controller-manager, kube-scheduler) built from upstream source, with nodes simulated\n" +
			"by kwok. No container really runs, but kanzen's container model makes the nodes act as a\n" +
			"kubelet would: a missing image tag fails to pull, a command that ends exits and crash-loops,\n" +
			"a probe on the wrong port fails. kubectl logs and kubectl exec have no process to talk to.\n\n" + sandbox.FirstBuildNote,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError{errors.New("sandbox needs a subcommand: up, down, status, kubeconfig or env")}
		},
	}
	pf := cmd.PersistentFlags()
	pf.StringVar(&f.name, "name", sandbox.DefaultName, "sandbox name: separate sandboxes keep separate state")
	pf.StringVar(&f.binDir, "bin-dir", "", "use prebuilt upstream binaries from this directory instead of building them")

	up := &cobra.Command{
		Use:   "up",
		Short: "Build the sandbox if needed, start it, and wait until its nodes are Ready",
		Args:  noArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return a.sandboxUp(cmd.Context(), f) },
	}
	up.Flags().IntVar(&f.nodes, "nodes", 0, fmt.Sprintf("number of simulated nodes (default: %d for a new sandbox, unchanged for a running one)", sandbox.DefaultNodes))
	up.Flags().IntVar(&f.port, "port", 0, "API server port on 127.0.0.1 (default: a free one)")
	up.Flags().BoolVar(&f.audit, "audit", false, "a new sandbox's API server logs every write, for kanzen dev audit --sandbox")

	down := &cobra.Command{
		Use:   "down",
		Short: "Stop every sandbox process and delete all of its state",
		Args:  noArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return a.sandboxDown(cmd.Context(), f) },
	}
	status := &cobra.Command{
		Use:   "status",
		Short: "Show the sandbox's versions, nodes, processes and health",
		Args:  noArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return a.sandboxStatus(cmd.Context(), f) },
	}
	status.Flags().StringVarP(&f.output, "output", "o", "", "output format: json")
	kubeconfig := &cobra.Command{
		Use:   "kubeconfig",
		Short: "Print the path of the sandbox's kubeconfig",
		Args:  noArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return a.sandboxKubeconfig(f) },
	}
	env := &cobra.Command{
		Use:   "env",
		Short: `Print export lines for KUBECONFIG and PATH: eval "$(kanzen sandbox env)"`,
		Args:  noArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return a.sandboxEnv(f) },
	}
	cmd.AddCommand(up, down, status, kubeconfig, env)
	return cmd
}

// sandboxFor builds the Sandbox the flags describe; binaries are looked up
// but not built.
func (f *sandboxFlags) sandboxFor(log io.Writer) *sandbox.Sandbox {
	s := &sandbox.Sandbox{Name: f.name, Nodes: f.nodes, Port: f.port, Log: log, Audit: f.audit}
	if f.binDir != "" {
		s.Bins = sandbox.Binaries{Dir: f.binDir}
	} else if bins, ok := sandbox.Built(); ok {
		s.Bins = bins
	}
	return s
}

func (a *app) sandboxUp(ctx context.Context, f *sandboxFlags) error {
	if f.nodes < 0 || f.port < 0 || f.port > 65535 {
		return usageError{fmt.Errorf("--nodes must be 0 or more, and --port from 1 to 65535 or 0 for any free port (got --nodes %d --port %d)", f.nodes, f.port)}
	}
	started := time.Now()
	bins, err := a.ensureBinaries(ctx, f.binDir)
	if err != nil {
		return err
	}
	s := f.sandboxFor(a.stderr)
	s.Bins = bins
	st, err := s.Up(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "sandbox %q is up in %.1fs: Kubernetes %s, %d/%d nodes Ready\n",
		s.Name, time.Since(started).Seconds(), st.Version, st.ReadyNodes(), len(st.Nodes))
	fmt.Fprintf(a.stderr, "use it from this shell with:  eval \"$(kanzen sandbox env%s)\"\n", nameFlag(f.name))
	fmt.Fprintln(a.stdout, st.Kubeconfig)
	return nil
}

// ensureBinaries finds or builds the sandbox binaries, showing progress on
// stderr while a build runs.
func (a *app) ensureBinaries(ctx context.Context, binDir string) (sandbox.Binaries, error) {
	p := newBuildReporter(a.stderr)
	started := time.Now()
	built := false
	bins, err := sandbox.EnsureBinaries(ctx, sandbox.BuildOptions{
		BinDir: binDir,
		Starting: func(rebuild bool) {
			built = true
			if rebuild {
				fmt.Fprintln(a.stderr, "Rebuilding the sandbox: its recipe (the sandbox/ module) changed since the last build.")
				return
			}
			fmt.Fprintf(a.stderr, "Building the sandbox (Kubernetes %s, etcd, kwok) with the Go toolchain.\n%s\n", sandbox.KubeVersion, sandbox.FirstBuildNote)
		},
		Progress: p.report,
	})
	p.clear()
	if built && err == nil {
		fmt.Fprintf(a.stderr, "sandbox built in %s: %s\n", time.Since(started).Round(time.Second), bins.Dir)
	}
	return bins, err
}

func (a *app) sandboxDown(ctx context.Context, f *sandboxFlags) error {
	s := f.sandboxFor(a.stderr)
	procs, err := s.Down(ctx)
	if err != nil {
		return err
	}
	if len(procs) == 0 {
		fmt.Fprintf(a.stderr, "sandbox %q: nothing to stop, no state left\n", s.Name)
		return nil
	}
	names := make([]string, len(procs))
	for i, p := range procs {
		names[i] = p.Component
	}
	fmt.Fprintf(a.stderr, "sandbox %q is down: stopped %s and removed its state\n", s.Name, strings.Join(names, ", "))
	return nil
}

func (a *app) sandboxStatus(ctx context.Context, f *sandboxFlags) error {
	s := f.sandboxFor(a.stderr)
	st, err := s.Status(ctx)
	if err != nil {
		return err
	}
	switch f.output {
	case "json":
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(st); err != nil {
			return err
		}
	case "":
		writeStatus(a.stdout, st)
	default:
		return usageError{fmt.Errorf("unknown --output %q: want json", f.output)}
	}
	if !st.Healthy {
		return silentError{errors.New("sandbox not healthy")}
	}
	return nil
}

// writeStatus prints a Status for people.
func writeStatus(w io.Writer, st sandbox.Status) {
	state := "running"
	switch {
	case !st.Exists:
		state = "not created"
	case !st.Healthy:
		state = "not healthy"
	}
	fmt.Fprintf(w, "sandbox     %s: %s\n", st.Name, state)
	if st.Problem != "" && st.Exists {
		fmt.Fprintf(w, "problem     %s\n", st.Problem)
	}
	if !st.Exists {
		fmt.Fprintf(w, "            start it with: kanzen sandbox up%s\n", nameFlag(st.Name))
		return
	}
	if st.Server != "" {
		fmt.Fprintf(w, "server      %s  Kubernetes %s\n", st.Server, valueOr(st.Version, "unknown"))
	}
	fmt.Fprintf(w, "kubeconfig  %s\n", st.Kubeconfig)
	if len(st.Nodes) > 0 {
		parts := make([]string, len(st.Nodes))
		for i, n := range st.Nodes {
			parts[i] = n.Name + " " + map[bool]string{true: "Ready", false: "NotReady"}[n.Ready]
		}
		fmt.Fprintf(w, "nodes       %d/%d Ready: %s\n", st.ReadyNodes(), len(st.Nodes), strings.Join(parts, ", "))
	}
	if len(st.Processes) > 0 {
		parts := make([]string, len(st.Processes))
		for i, p := range st.Processes {
			parts[i] = fmt.Sprintf("%s %d %s", p.Component, p.PID, map[bool]string{true: "up", false: "DOWN"}[p.Running])
		}
		fmt.Fprintf(w, "processes   %s\n", strings.Join(parts, ", "))
	}
	if st.BinDir != "" {
		fmt.Fprintf(w, "binaries    %s\n", st.BinDir)
	}
	if r := st.Recipe; r != nil {
		fmt.Fprintf(w, "built from  Kubernetes %s, etcd %s, kwok %s\n", r["kubernetes"], r["etcd"], r["kwok"])
	}
}

func (a *app) sandboxKubeconfig(f *sandboxFlags) error {
	path, err := f.sandboxFor(nil).KubeconfigPath()
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("sandbox %q has no kubeconfig yet: run kanzen sandbox up%s", f.name, nameFlag(f.name))
	}
	fmt.Fprintln(a.stdout, path)
	return nil
}

func (a *app) sandboxEnv(f *sandboxFlags) error {
	s := f.sandboxFor(nil)
	path, err := s.KubeconfigPath()
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("sandbox %q is not up: run kanzen sandbox up%s", f.name, nameFlag(f.name))
	}
	fmt.Fprintf(a.stdout, "export KUBECONFIG=%s\n", shellQuote(path))
	if s.Bins.Dir != "" {
		// The sandbox's kubectl first, so the client matches the server.
		fmt.Fprintf(a.stdout, "export PATH=%s:\"$PATH\"\n", shellQuote(s.Bins.Dir))
	}
	return nil
}

// nameFlag repeats --name in suggested commands when it is not the default.
func nameFlag(name string) string {
	if name == sandbox.DefaultName {
		return ""
	}
	return " --name " + name
}

func valueOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// shellQuote quotes s for POSIX shells.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// buildReporter shows build progress: one line rewritten in place on a
// terminal, a line every 30 seconds elsewhere (logs, CI).
type buildReporter struct {
	w        io.Writer
	tty      bool
	drawn    bool // a progress line is on the terminal
	lastLine time.Time
}

func newBuildReporter(w io.Writer) *buildReporter {
	f, ok := w.(*os.File)
	return &buildReporter{w: w, tty: ok && term.IsTerminal(int(f.Fd()))}
}

// clear removes the progress line from a terminal.
func (r *buildReporter) clear() {
	if r.tty && r.drawn {
		fmt.Fprint(r.w, "\r\x1b[K")
		r.drawn = false
	}
}

func (r *buildReporter) report(p sandbox.BuildProgress) {
	pct := 100 * p.Compiled / max(p.Total, 1)
	elapsed := p.Elapsed.Truncate(time.Second)
	if r.tty {
		line := fmt.Sprintf("  %3d%%  %d/%d packages  %s  %s", pct, p.Compiled, p.Total, elapsed, p.Package)
		if width, _, err := term.GetSize(int(r.w.(*os.File).Fd())); err == nil && len(line) > width-1 {
			line = line[:max(width-1, 0)]
		}
		fmt.Fprintf(r.w, "\r\x1b[K%s", line)
		r.drawn = true
		return
	}
	if time.Since(r.lastLine) >= 30*time.Second {
		r.lastLine = time.Now()
		fmt.Fprintf(r.w, "  building: %d%% (%d/%d packages) after %s\n", pct, p.Compiled, p.Total, elapsed)
	}
}
