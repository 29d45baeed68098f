package quiz

import (
	"context"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/utils/ptr"

	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/lessons"
)

// plantLeftovers leaves in ns what another learner might: objects named
// as the answers name theirs, a quota that admits no Pod, and a limit
// range that adds resources to every container.
func plantLeftovers(t *testing.T, c *kubetest.Cluster, ns string) {
	t.Helper()
	ctx := context.Background()
	labels := map[string]string{"app": "web"}
	container := corev1.Container{Name: "web", Image: "httpd"}
	_, err := c.Client.CoreV1().Pods(ns).Create(ctx, &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "web", Labels: labels},
		Spec:       corev1.PodSpec{Containers: []corev1.Container{container}},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Client.CoreV1().Services(ns).Create(ctx, &corev1.Service{
		ObjectMeta: metav1.ObjectMeta{Name: "web"},
		Spec:       corev1.ServiceSpec{Selector: labels, Ports: []corev1.ServicePort{{Port: 81, TargetPort: intstr.FromInt32(81)}}},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Client.AppsV1().Deployments(ns).Create(ctx, &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Name: "web"},
		Spec: appsv1.DeploymentSpec{
			Replicas: ptr.To[int32](5),
			Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: labels}, Spec: corev1.PodSpec{Containers: []corev1.Container{container}}},
		},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Client.CoreV1().LimitRanges(ns).Create(ctx, &corev1.LimitRange{
		ObjectMeta: metav1.ObjectMeta{Name: "limits"},
		Spec: corev1.LimitRangeSpec{Limits: []corev1.LimitRangeItem{{
			Type: corev1.LimitTypeContainer,
			Max:  corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("1m")},
		}}},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Client.CoreV1().ResourceQuotas(ns).Create(ctx, &corev1.ResourceQuota{
		ObjectMeta: metav1.ObjectMeta{Name: "no-pods"},
		Spec:       corev1.ResourceQuotaSpec{Hard: corev1.ResourceList{corev1.ResourcePods: resource.MustParse("0")}},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
}

func TestLiveLeftoversInTheScratchNamespaceDoNotChangeAGrade(t *testing.T) {
	g, c := liveGrader(t)
	ctx := context.Background()
	if err := g.Scratch(ctx); err != nil {
		t.Fatal(err)
	}
	plantLeftovers(t, c, g.namespace())
	questions := []*Question{liveFixture(t).Question("run-web"), liveFixture(t).Question("apply-deploy")}
	for _, z := range contentQuizzes(t) {
		for _, q := range z.Questions {
			if q.Type == Command && q.Kind == "Service" {
				questions = append(questions, q)
			}
		}
	}
	if len(questions) < 3 {
		t.Fatal("the course has no Service question to grade")
	}
	for _, q := range questions {
		for i, ex := range q.Examples {
			if v := g.Grade(ctx, q, Typed(ex), lessons.English); !v.Correct {
				t.Errorf("%s example %d, with leftovers in %s: %+v\nfailing %v", q.ID, i, g.namespace(), v, failing(v.Results))
			}
		}
	}
}
