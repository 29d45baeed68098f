package sandbox

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Process is one component process that kwokctl started for a sandbox.
type Process struct {
	Component string `json:"component"`
	PID       int    `json:"pid"`
	Running   bool   `json:"running"`
}

// processes reads the pid files kwokctl keeps in a cluster's directory.
func processes(clusterDir string) []Process {
	files, _ := filepath.Glob(filepath.Join(clusterDir, "pids", "*.pid"))
	sort.Strings(files)
	var procs []Process
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
		if err != nil || pid <= 0 {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(f), ".pid")
		procs = append(procs, Process{Component: name, PID: pid, Running: isSandboxProcess(pid, name)})
	}
	return procs
}

// isSandboxProcess reports whether pid is alive and still runs the named
// component, so a pid reused by an unrelated program is never mistaken for
// (or killed as) part of the sandbox.
func isSandboxProcess(pid int, component string) bool {
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	cmdline, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
	if err != nil {
		// Without /proc (macOS) the signal test is all there is.
		return !errors.Is(err, os.ErrNotExist) || !procMounted()
	}
	if state, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat")); err == nil {
		// A zombie has exited; only its parent's wait is missing.
		// The state follows the command name, which may hold spaces: "pid (comm) S ...".
		after := string(state[strings.LastIndexByte(string(state), ')')+1:])
		if fields := strings.Fields(after); len(fields) > 0 && (fields[0] == "Z" || fields[0] == "X") {
			return false
		}
	}
	if len(cmdline) == 0 {
		// An exiting process has released its memory, command line included,
		// but has not exited yet.
		return true
	}
	argv0, _, _ := strings.Cut(string(cmdline), "\x00")
	return filepath.Base(argv0) == component
}

func procMounted() bool {
	_, err := os.Stat("/proc/self/cmdline")
	return err == nil
}

// stopProcesses ends the given sandbox processes: SIGTERM, then SIGKILL for
// any still running after the grace period. It returns those it could not end.
func stopProcesses(procs []Process, grace time.Duration) []Process {
	for _, p := range procs {
		if isSandboxProcess(p.PID, p.Component) {
			_ = syscall.Kill(p.PID, syscall.SIGTERM)
		}
	}
	deadline := time.Now().Add(grace)
	for {
		alive := aliveOf(procs)
		if len(alive) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			for _, p := range alive {
				_ = syscall.Kill(p.PID, syscall.SIGKILL)
			}
			time.Sleep(500 * time.Millisecond)
			return aliveOf(procs)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func aliveOf(procs []Process) []Process {
	var alive []Process
	for _, p := range procs {
		if isSandboxProcess(p.PID, p.Component) {
			alive = append(alive, p)
		}
	}
	return alive
}
