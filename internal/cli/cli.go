// Package cli is kanzen's command line: one cobra command per subcommand,
// wiring the course, the cluster and the progress file to the engines and
// to the two front ends, the TUI and the line-mode quiz.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/version"
)

// Exit codes: 0 success, 1 failure, 2 a command line kanzen cannot understand.
const (
	exitFailure = 1
	exitUsage   = 2
)

// Run executes one command line and returns its exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	app := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := app.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var usage usageError
	if errors.As(err, &usage) {
		fmt.Fprintf(stderr, "kanzen: %v\nRun 'kanzen --help' for usage.\n", err)
		return exitUsage
	}
	var silent silentError
	if !errors.As(err, &silent) {
		fmt.Fprintf(stderr, "kanzen: %v\n", err)
	}
	return exitFailure
}

// app holds what every command shares: the streams and the cluster flags.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	cluster        kube.Options
	lang           string
}

// usageError marks a command line that kanzen cannot understand (exit 2).
type usageError struct{ error }

// silentError is a failure whose explanation has already been printed.
type silentError struct{ error }

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "kanzen",
		Short: "Learn Kubernetes in the terminal: lessons, live exercises and quizzes",
		Long: "kanzen teaches the first five chapters of Kubernetes完全ガイド. A lesson sits beside a live\n" +
			"exercise that checks what you do with kubectl against a real cluster: kind, minikube,\n" +
			"or kanzen's built-in sandbox when no cluster is configured.",
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE:          a.runTUI,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	flags := root.PersistentFlags()
	flags.StringVar(&a.cluster.Kubeconfig, "kubeconfig", "", "path to the kubeconfig file (default: $KUBECONFIG or ~/.kube/config)")
	flags.StringVar(&a.cluster.Context, "context", "", "the kubeconfig context to use (default: its current context)")
	root.Flags().StringVar(&a.lang, "lang", "", "language of the course: en or ja (default: your last choice, else from $LANG)")
	root.AddCommand(a.startCommand(), a.resetCommand(), a.checkCommand(), a.listCommand(), a.lessonCommand(), a.quizCommand(), a.cleanCommand(), a.sandboxCommand(), a.devCommand(), a.versionCommand())
	argumentsAreUsage(root)
	return root
}

// argumentsAreUsage makes every wrong number or kind of arguments a usage
// error (exit 2), cobra's own checks ("unknown command") included.
func argumentsAreUsage(cmd *cobra.Command) {
	if check := cmd.Args; check != nil {
		cmd.Args = func(c *cobra.Command, args []string) error {
			err := check(c, args)
			var usage usageError
			if err == nil || errors.As(err, &usage) {
				return err
			}
			return usageError{err}
		}
	}
	for _, sub := range cmd.Commands() {
		argumentsAreUsage(sub)
	}
}

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print kanzen's version and the Kubernetes version of its sandbox",
		Args:  noArgs,
		Run: func(*cobra.Command, []string) {
			fmt.Fprintf(a.stdout, "kanzen %s (sandbox Kubernetes %s)\n", version.String(), sandboxKubeVersion)
		},
	}
}

// noArgs rejects positional arguments as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("%s takes no arguments, got %q", cmd.CommandPath(), args)}
	}
	return nil
}

// countOf is "1 namespace" or "3 namespaces".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
