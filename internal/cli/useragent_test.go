package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"k8s.io/client-go/rest"

	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/version"
	"kanzen.dev/kanzen/internal/workspace"
)

// recordingProxy stands between kanzen and the test cluster and notes the
// User-Agent of every request that reaches it.
type recordingProxy struct {
	*httptest.Server
	mu     sync.Mutex
	agents map[string][]string // User-Agent to "METHOD path" lines
}

func newRecordingProxy(t *testing.T, upstream *rest.Config) *recordingProxy {
	t.Helper()
	transport, err := rest.TransportFor(upstream)
	if err != nil {
		t.Fatal(err)
	}
	target, err := url.Parse(upstream.Host)
	if err != nil {
		t.Fatal(err)
	}
	p := &recordingProxy{agents: map[string][]string{}}
	rp := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(target)
			// The proxy speaks to the cluster with the test's own credentials.
			r.Out.Header.Del("Authorization")
		},
		Transport:     transport,
		FlushInterval: -1, // Watch events pass at once.
	}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.agents[r.UserAgent()] = append(p.agents[r.UserAgent()], r.Method+" "+r.URL.Path)
		p.mu.Unlock()
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(p.Close)
	return p
}

// others returns the requests whose User-Agent is not want, by agent.
func (p *recordingProxy) others(want string) (total int, wrong map[string][]string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	wrong = map[string][]string{}
	for agent, reqs := range p.agents {
		total += len(reqs)
		if agent != want {
			wrong[agent] = slices.Compact(slices.Sorted(slices.Values(reqs)))
		}
	}
	return total, wrong
}

// TestEveryRequestNamesKanzen runs start, check, check --watch and reset
// through a proxy and wants every request to say it comes from kanzen, so
// that an API server's audit log can tell kanzen's writes from others'.
func TestEveryRequestNamesKanzen(t *testing.T) {
	c := kubetest.Get(t)
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	proxy := newRecordingProxy(t, c.Config)
	config := kubeconfigFor(t, "kind-proxied", proxy.URL)
	ns := fmt.Sprintf("kz-test-ua-%d", time.Now().UnixNano()%1000000)
	t.Cleanup(func() { workspace.Delete(context.Background(), c.Config, "2.1", ns) })
	flags := []string{"--kubeconfig", config, "-n", ns}

	for _, args := range [][]string{{"start", "2.1"}, {"check", "2.1"}, {"reset", "2.1"}} {
		code, _, stderr := kanzen(t, append(args, flags...)...)
		if strings.Contains(stderr, "does not answer") || (args[0] != "check" && code != 0) {
			t.Fatalf("kanzen %s: exit %d, stderr %s", strings.Join(args, " "), code, stderr)
		}
	}
	want := version.UserAgent()
	total, wrong := proxy.others(want)
	if total == 0 {
		t.Fatal("no request reached the proxy")
	}
	for agent, reqs := range wrong {
		t.Errorf("User-Agent %q, want %q, on:\n  %s", agent, want, strings.Join(reqs, "\n  "))
	}
}
