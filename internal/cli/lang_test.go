package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/workspace"
)

func TestLangComesFromFlagThenSavedChoiceThenEnvironment(t *testing.T) {
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		t.Setenv(env, "")
		os.Unsetenv(env)
	}
	t.Setenv("LANG", "en_US.UTF-8")
	saved := &progress.Progress{Lang: "ja"}
	if l, _ := learnerLang("", saved); l != "ja" {
		t.Errorf("a saved ja under LANG=en_US gave %q", l)
	}
	if l, _ := learnerLang("en", saved); l != "en" {
		t.Errorf("--lang en over a saved ja gave %q", l)
	}
	if l, _ := learnerLang("", &progress.Progress{}); l != "en" {
		t.Errorf("no saved choice under LANG=en_US gave %q", l)
	}
	if _, err := learnerLang("fr", saved); err == nil {
		t.Error("--lang fr was taken")
	}
}

// TestCheckFollowsTheSavedLanguage shows that kanzen check speaks the
// language the learner chose in kanzen, as every other command does.
func TestCheckFollowsTheSavedLanguage(t *testing.T) {
	c := kubetest.Get(t)
	withProgress(t, "ja")
	t.Setenv("LANG", "en_US.UTF-8")
	ns := fmt.Sprintf("kz-test-lang-%d", time.Now().UnixNano()%1000000)
	t.Cleanup(func() { workspace.Delete(context.Background(), c.Config, "2.1", ns) })
	flags := []string{"--kubeconfig", c.Kubeconfig, "-n", ns}
	if code, stdout, stderr := kanzen(t, append([]string{"start", "2.1"}, flags...)...); code != 0 {
		t.Fatalf("start: exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
	_, stdout, _ := kanzen(t, append([]string{"check", "2.1"}, flags...)...)
	if !strings.Contains(stdout, "Deployment「myapp」がある") {
		t.Fatalf("check did not speak the saved ja:\n%s", stdout)
	}
	_, stdout, _ = kanzen(t, append([]string{"check", "2.1", "--lang", "en"}, flags...)...)
	if !strings.Contains(stdout, `Deployment "myapp" exists`) {
		t.Fatalf("check --lang en did not speak en:\n%s", stdout)
	}
}
