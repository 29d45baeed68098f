package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/sandbox"
)

// target resolves the cluster like kubectl. With none configured (and none
// asked for with flags), it uses kanzen's sandbox if that is running.
func (a *app) target(ctx context.Context) (*kube.Target, error) {
	target, err := kube.Load(a.cluster)
	if err == nil || !errors.Is(err, kube.ErrNoCluster) || a.cluster.Kubeconfig != "" || a.cluster.Context != "" {
		return target, err
	}
	s := &sandbox.Sandbox{Name: sandbox.DefaultName}
	if st, serr := s.Status(ctx); serr == nil && st.Healthy {
		return kube.Load(kube.Options{Kubeconfig: st.Kubeconfig})
	}
	return nil, fmt.Errorf("%w\nstart kanzen's sandbox with: kanzen sandbox up", err)
}

// explainUnreachable adds what to do to an error from a cluster that does
// not answer.
func explainUnreachable(target *kube.Target, err error) error {
	var netErr *url.Error
	if !errors.As(err, &netErr) {
		return err
	}
	return fmt.Errorf("%w\nthe cluster at %s (context %s) does not answer: is it running? (kanzen sandbox up starts kanzen's own)", err, target.Server, target.Context)
}

// startSandbox builds the sandbox if needed, starts it and returns its
// cluster. report, when set, hears of each compiled package.
func startSandbox(ctx context.Context, log io.Writer, report func(compiled, total int)) (*kube.Target, error) {
	opts := sandbox.BuildOptions{}
	if report != nil {
		opts.Progress = func(p sandbox.BuildProgress) { report(p.Compiled, p.Total) }
	}
	bins, err := sandbox.EnsureBinaries(ctx, opts)
	if err != nil {
		return nil, err
	}
	s := &sandbox.Sandbox{Name: sandbox.DefaultName, Bins: bins, Log: log}
	st, err := s.Up(ctx)
	if err != nil {
		return nil, err
	}
	return kube.Load(kube.Options{Kubeconfig: st.Kubeconfig})
}
