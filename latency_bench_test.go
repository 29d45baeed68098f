package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"slices"
	"strconv"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/cli"
	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// BenchmarkCheckWatchLatency measures what a learner waits for: from an
// API change (the request returning) to the line that `kanzen check
// --watch --output json` prints for it. Each iteration scales myapp of
// exercise 2.1 between 1 and 2 replicas, which changes the replicas check's
// have, and waits for that line.
//
//	go test -run '^$' -bench CheckWatchLatency -benchtime 50x .
func BenchmarkCheckWatchLatency(b *testing.B) {
	c := kubetest.Get(b)
	course, err := lessons.Load(content.FS)
	if err != nil {
		b.Fatal(err)
	}
	ex := course.Exercise("2.1")
	ns := fmt.Sprintf("kz-bench-%d", time.Now().UnixNano()%1000000)
	ctx := context.Background()
	if _, err := workspace.Start(ctx, c.Config, ex, ns); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { workspace.Delete(context.Background(), c.Config, ex.ID, ns) })
	if out, err := c.Shell(b, ns, "kubectl create deployment myapp --image=nginx:1.27 --replicas=1"); err != nil {
		b.Fatalf("%v\n%s", err, out)
	}

	bin := buildKanzen(b)
	cmd := exec.Command(bin, "check", ex.ID, "--watch", "--output", "json", "--namespace", ns, "--kubeconfig", c.Kubeconfig)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := make(chan cli.CheckLine, 100)
	go func() {
		scanner := bufio.NewScanner(stdout)
		for scanner.Scan() {
			var l cli.CheckLine
			if json.Unmarshal(scanner.Bytes(), &l) == nil {
				lines <- l
			}
		}
		close(lines)
	}()
	waitHave := func(have string) {
		for l := range lines {
			if l.Check == "replicas" && l.Have == have {
				return
			}
		}
		b.Fatal("kanzen check stopped")
	}
	waitHave("1")

	deployments := c.Client.AppsV1().Deployments(ns)
	var latencies []time.Duration
	b.ResetTimer()
	for i := range b.N {
		replicas := strconv.Itoa(2 - i%2)
		patch := []byte(`{"spec":{"replicas":` + replicas + `}}`)
		if _, err := deployments.Patch(ctx, "myapp", types.MergePatchType, patch, metav1.PatchOptions{}); err != nil {
			b.Fatal(err)
		}
		changed := time.Now()
		waitHave(replicas)
		latencies = append(latencies, time.Since(changed))
	}
	b.StopTimer()
	slices.Sort(latencies)
	b.ReportMetric(float64(latencies[len(latencies)/2].Milliseconds()), "p50-ms")
	b.ReportMetric(float64(latencies[len(latencies)*95/100].Milliseconds()), "p95-ms")
	b.ReportMetric(float64(latencies[len(latencies)-1].Milliseconds()), "max-ms")
}
