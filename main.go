// Command kanzen is a terminal companion for the first five chapters of
// Kubernetes完全ガイド: lessons beside live exercises checked against a real
// cluster, and quizzes.
package main

import (
	"io"
	"os"

	"k8s.io/klog/v2"

	"kanzen.dev/kanzen/internal/cli"
)

func main() {
	// client-go logs retries of lost watches to stderr, which would write
	// over the TUI; kanzen reports connection trouble itself.
	klog.LogToStderr(false)
	klog.SetOutput(io.Discard)
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
