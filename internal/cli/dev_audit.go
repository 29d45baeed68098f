package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"kanzen.dev/kanzen/internal/audit"
	"kanzen.dev/kanzen/internal/sandbox"
)

// devAuditCommand reads an API server's audit log for CI: kanzen writes
// only in its kz-* namespaces, and its quiz only dry-runs.
func (a *app) devAuditCommand() *cobra.Command {
	var name string
	cmd := &cobra.Command{
		Use:   "audit [LOG]",
		Short: "Read an audit log (or an audited sandbox's, with --sandbox) and fail on any write by kanzen outside kz-* namespaces, or in kz-quiz but its making",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := auditLogPath(name, args)
			if err != nil {
				return err
			}
			return a.devAudit(path)
		},
	}
	cmd.Flags().StringVar(&name, "sandbox", "", "read the audit log of the sandbox of this name (started with sandbox up --audit)")
	return cmd
}

// auditLogPath is the log a dev audit command line names.
func auditLogPath(sandboxName string, args []string) (string, error) {
	switch {
	case sandboxName != "" && len(args) == 0:
		return (&sandbox.Sandbox{Name: sandboxName}).AuditLog()
	case sandboxName == "" && len(args) == 1:
		return args[0], nil
	}
	return "", usageError{errors.New("name an audit log, or a sandbox with --sandbox")}
}

func (a *app) devAudit(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	violations, writes, err := audit.Check(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, v := range violations {
		fmt.Fprintln(a.stdout, v)
	}
	if len(violations) > 0 {
		return silentError{fmt.Errorf("%d of kanzen's %d writes are not allowed", len(violations), writes)}
	}
	if writes == 0 {
		// An empty log proves nothing: the sandbox was not audited, or
		// kanzen's requests are not recognised.
		return fmt.Errorf("%s holds no write by kanzen", path)
	}
	fmt.Fprintf(a.stdout, "%d writes by kanzen, all in its kz-* namespaces; in %s only its making and dry runs\n", writes, audit.Scratch)
	return nil
}
