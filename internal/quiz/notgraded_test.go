package quiz

import (
	"context"
	"strings"
	"testing"
	"time"

	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/rest"

	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/lessons"
)

// answerOnce answers q in a review and saves it, returning the verdict
// and whether the learner's progress now holds a card for q.
func answerOnce(t *testing.T, g *Grader, q *Question, answer string) (Verdict, bool) {
	t.Helper()
	r := NewReview([]*Question{q}, 1)
	v := r.Answer(context.Background(), g, Typed(answer), lessons.English)
	p := progress.New()
	r.SaveLatest(p, time.Now())
	_, carded := p.Quiz.Questions[q.Key()]
	return v, carded
}

func TestLiveKanzensOwnFailuresAreNotGradedNorRecorded(t *testing.T) {
	g, c := liveGrader(t)
	q := liveFixture(t).Question("run-web")
	right := q.Examples[0]
	for name, answer := range map[string]string{
		"a 1 MB answer": right + " --labels=a=" + strings.Repeat("b", 1<<20),
		"a NUL byte":    strings.Replace(right, " --port", "\x00 --port", 1),
		"an escape":     right + " \x1b[A",
	} {
		v, carded := answerOnce(t, g, q, answer)
		if !v.Skipped || v.Correct || v.Refused || !strings.HasPrefix(v.Reason, "not graded") || carded {
			t.Errorf("%s: %+v, recorded %v; want not graded and not recorded", name, v, carded)
		}
	}

	// The cluster refuses the dry run itself: the learner may read the
	// scratch namespace but not create Pods there.
	ctx := context.Background()
	if err := g.Scratch(ctx); err != nil {
		t.Fatal(err)
	}
	ns := g.namespace()
	role := &rbacv1.Role{
		ObjectMeta: metav1.ObjectMeta{Name: "reader"},
		Rules: []rbacv1.PolicyRule{
			{APIGroups: []string{""}, Resources: []string{"namespaces"}, Verbs: []string{"get"}},
			{APIGroups: []string{""}, Resources: []string{"pods", "resourcequotas", "limitranges"}, Verbs: []string{"list"}},
		},
	}
	if _, err := c.Client.RbacV1().Roles(ns).Create(ctx, role, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	binding := &rbacv1.RoleBinding{
		ObjectMeta: metav1.ObjectMeta{Name: "reader"},
		RoleRef:    rbacv1.RoleRef{APIGroup: rbacv1.GroupName, Kind: "Role", Name: "reader"},
		Subjects:   []rbacv1.Subject{{APIGroup: rbacv1.GroupName, Kind: "User", Name: "kz-test-reader"}},
	}
	if _, err := c.Client.RbacV1().RoleBindings(ns).Create(ctx, binding, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	reader := *g.Target
	reader.Config = rest.CopyConfig(g.Target.Config)
	reader.Config.Impersonate = rest.ImpersonationConfig{UserName: "kz-test-reader"}
	c.WaitUntilAllowed(t, "kz-test-reader", "get", "namespaces", ns)
	v, carded := answerOnce(t, &Grader{Target: &reader, Namespace: ns}, q, right)
	if !v.Skipped || !strings.Contains(v.Reason, `cannot create resource "pods"`) || carded {
		t.Errorf("a dry run the cluster forbids: %+v, recorded %v; want not graded and not recorded", v, carded)
	}
	// The same answer, by a learner who may, is right.
	if v, carded := answerOnce(t, g, q, right); !v.Correct || !carded {
		t.Errorf("the right answer: %+v, recorded %v", v, carded)
	}
}
