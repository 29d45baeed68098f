package quiz

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"kanzen.dev/kanzen/lessons"
)

// traps notices anything an answer could make kanzen do besides a dry run
// on its cluster: run a program from PATH, read a file, write a file, or
// connect somewhere.
type traps struct {
	dir string
	// ran is the file a kubectl or kubectl plugin on PATH touches.
	ran string
	// fifo is a named pipe: opening it to read it is noticed.
	fifo   string
	opened atomic.Bool
	// written is a path nothing may create.
	written string
	// addr is a local listener's; connections counts who came.
	addr        string
	connections atomic.Int32
}

func setTraps(t *testing.T) *traps {
	t.Helper()
	dir := t.TempDir()
	tr := &traps{dir: dir, ran: filepath.Join(dir, "ran"), fifo: filepath.Join(dir, "pod.yaml"), written: filepath.Join(dir, "written")}
	bin := filepath.Join(dir, "bin")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	// A kubectl and kubectl plugins that would print a right answer, and
	// leave a mark.
	script := fmt.Sprintf("#!/bin/sh\ntouch %q\necho '{\"kind\":\"Service\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"web\"}}'\n", tr.ran)
	for _, name := range []string{"kubectl", "kubectl-create-evil", "kubectl-evil"} {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("KUBECTL_ENABLE_PLUGINS", "true")

	if err := syscall.Mkfifo(tr.fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	go func() {
		// Opening a pipe to write waits for a reader.
		if f, err := os.OpenFile(tr.fifo, os.O_WRONLY, 0); err == nil {
			tr.opened.Store(true)
			f.Close()
		}
	}()
	t.Cleanup(func() {
		// Let the writer go, if no one read.
		if f, err := os.OpenFile(tr.fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	tr.addr = l.Addr().String()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			tr.connections.Add(1)
			c.Close()
		}
	}()
	return tr
}

// sprung says what an answer made happen, if anything.
func (tr *traps) sprung() error {
	// A reader or a connection takes a moment to be noticed.
	time.Sleep(50 * time.Millisecond)
	var errs []error
	if _, err := os.Stat(tr.ran); err == nil {
		errs = append(errs, errors.New("a kubectl or a plugin from PATH ran"))
	}
	if tr.opened.Load() {
		errs = append(errs, errors.New("a file was opened to be read"))
	}
	if _, err := os.Stat(tr.written); err == nil {
		errs = append(errs, errors.New("a file was written"))
	}
	if n := tr.connections.Load(); n > 0 {
		errs = append(errs, fmt.Errorf("%d connections to %s", n, tr.addr))
	}
	return errors.Join(errs...)
}

func TestLiveAnswersThatWouldEscapeAreRefusedAndDoNothing(t *testing.T) {
	tr := setTraps(t)
	g, _ := liveGrader(t)
	z := liveFixture(t)
	ctx := context.Background()
	server := "https://" + tr.addr
	cases := []struct{ question, answer, word string }{
		// Plugins: kubectl would run kubectl-create-evil from PATH.
		{"run-web", "kubectl create evil", `"evil"`},
		{"run-web", "kubectl evil web", "kubectl evil"},
		{"run-web", "kubectl create evil web --image=nginx:1.27", `"evil"`},
		// The cluster and the credentials, spelled every way kubectl reads.
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 -qs " + server, "-s"},
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 -s" + server, "-s"},
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 --server=" + server, "--server"},
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 --insecure_skip_tls_verify=true", "--insecure_skip_tls_verify"},
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 --certificate_authority=" + tr.fifo, "--certificate_authority"},
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 --tls_server_name=evil", "--tls_server_name"},
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 --as_group=system:masters", "--as_group"},
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 --kubeconfig=" + tr.fifo, "--kubeconfig"},
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 --token abc -s " + server, "--token"},
		{"run-web", "kubectl --server=" + server + " run web --image=nginx:1.27", "--server"},
		// Files and URLs read.
		{"apply-deploy", "kubectl apply -Rf " + tr.fifo, "-R"},
		{"apply-deploy", "kubectl apply -Rf http://" + tr.addr + "/pod.yaml", "-R"},
		{"apply-deploy", "kubectl apply -f http://" + tr.addr + "/pod.yaml", "http://" + tr.addr},
		{"apply-deploy", "kubectl apply -f " + tr.fifo, tr.fifo},
		{"apply-deploy", "kubectl create -f " + tr.fifo, tr.fifo},
		{"apply-deploy", "kubectl apply -k " + tr.dir, "-k"},
		{"run-web", "kubectl create configmap web --from_file=" + tr.fifo, "--from_file"},
		{"run-web", "kubectl create configmap web --from-file=" + tr.fifo, "--from-file"},
		{"run-web", "kubectl create configmap web --from_env_file=" + tr.fifo, "--from_env_file"},
		{"run-web", "kubectl create secret generic web --from-env-file " + tr.fifo, "--from-env-file"},
		{"run-web", "kubectl create secret tls web --cert=" + tr.fifo + " --key=" + tr.fifo, "--cert"},
		// Files written.
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 --profile=cpu --profile-output=" + tr.written, "--profile"},
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 --profile_output=" + tr.written, "--profile_output"},
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 --cache-dir=" + tr.written, "--cache-dir"},
		{"run-web", "kubectl run web --image=nginx:1.27 --port=80 --cache_dir " + tr.written, "--cache_dir"},
	}
	for _, c := range cases {
		for _, lang := range lessons.Langs {
			v := g.Grade(ctx, z.Question(c.question), Typed(c.answer), lang)
			if !v.Refused || !strings.Contains(v.Reason, c.word) {
				t.Errorf("%q (%s): %+v\nwant it refused, naming %s", c.answer, lang, v, c.word)
			}
		}
		if err := tr.sprung(); err != nil {
			t.Fatalf("%q: %v", c.answer, err)
		}
	}
	// A right answer runs no kubectl either: the kubectl on PATH would
	// have made it a Service.
	q := z.Question("run-web")
	if v := g.Grade(ctx, q, Typed(q.Examples[0]), lessons.English); !v.Correct {
		t.Errorf("the right answer: %+v", v)
	}
	if err := tr.sprung(); err != nil {
		t.Fatal(err)
	}
}
