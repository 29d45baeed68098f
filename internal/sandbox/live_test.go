package sandbox_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"

	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/sandbox"
)

// These tests prove the sandbox is a real Kubernetes: its controllers,
// scheduler and kwok's simulated kubelets do what a learner will see on kind.

func TestServerIsTheStampedRelease(t *testing.T) {
	c := kubetest.Get(t)
	v, err := c.Client.Discovery().ServerVersion()
	if err != nil {
		t.Fatal(err)
	}
	if v.GitVersion != sandbox.KubeVersion {
		t.Fatalf("server version %s, want %s", v.GitVersion, sandbox.KubeVersion)
	}
}

func podTemplate(labels map[string]string) corev1.PodTemplateSpec {
	return corev1.PodTemplateSpec{
		ObjectMeta: metav1.ObjectMeta{Labels: labels},
		Spec:       corev1.PodSpec{Containers: []corev1.Container{{Name: "app", Image: "nginx:1.27"}}},
	}
}

func TestDeploymentGetsAReplicaSetAndThreeRunningPods(t *testing.T) {
	c := kubetest.Get(t)
	ns := c.Namespace(t)
	ctx := context.Background()
	labels := map[string]string{"app": "myapp"}
	deploy, err := c.Client.AppsV1().Deployments(ns).Create(ctx, &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Name: "myapp"},
		Spec: appsv1.DeploymentSpec{
			Replicas: ptr.To[int32](3),
			Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: podTemplate(labels),
		},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	kubetest.Eventually(t, time.Minute, func() (bool, string) {
		sets, err := c.Client.AppsV1().ReplicaSets(ns).List(ctx, metav1.ListOptions{LabelSelector: "app=myapp"})
		if err != nil {
			return false, err.Error()
		}
		if len(sets.Items) != 1 || !metav1.IsControlledBy(&sets.Items[0], deploy) {
			return false, fmt.Sprintf("%d ReplicaSets, want 1 owned by the Deployment", len(sets.Items))
		}
		pods, err := c.Client.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: "app=myapp"})
		if err != nil {
			return false, err.Error()
		}
		running := 0
		for _, p := range pods.Items {
			if p.Status.Phase == corev1.PodRunning && metav1.IsControlledBy(&p, &sets.Items[0]) && p.Spec.NodeName != "" {
				running++
			}
		}
		return running == 3 && len(pods.Items) == 3, fmt.Sprintf("%d of %d Pods Running, want 3", running, len(pods.Items))
	})
}

func TestDaemonSetRunsOnePodOnEveryNode(t *testing.T) {
	c := kubetest.Get(t)
	ns := c.Namespace(t)
	ctx := context.Background()
	nodes, err := c.Client.CoreV1().Nodes().List(ctx, metav1.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes.Items) < 2 {
		t.Fatalf("%d nodes: a DaemonSet test needs at least 2", len(nodes.Items))
	}
	labels := map[string]string{"app": "agent"}
	_, err = c.Client.AppsV1().DaemonSets(ns).Create(ctx, &appsv1.DaemonSet{
		ObjectMeta: metav1.ObjectMeta{Name: "agent"},
		Spec:       appsv1.DaemonSetSpec{Selector: &metav1.LabelSelector{MatchLabels: labels}, Template: podTemplate(labels)},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	kubetest.Eventually(t, time.Minute, func() (bool, string) {
		pods, err := c.Client.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{LabelSelector: "app=agent"})
		if err != nil {
			return false, err.Error()
		}
		perNode := map[string]int{}
		for _, p := range pods.Items {
			if p.Status.Phase == corev1.PodRunning {
				perNode[p.Spec.NodeName]++
			}
		}
		for _, n := range nodes.Items {
			if perNode[n.Name] != 1 {
				return false, fmt.Sprintf("Running Pods per node %v, want one on each of %d nodes", perNode, len(nodes.Items))
			}
		}
		return len(pods.Items) == len(nodes.Items), fmt.Sprintf("%d Pods for %d nodes", len(pods.Items), len(nodes.Items))
	})
}

func TestJobRunsToCompletion(t *testing.T) {
	c := kubetest.Get(t)
	ns := c.Namespace(t)
	ctx := context.Background()
	// A Job's Pod completes when its command ends, as on a real node; a
	// server such as nginx would run for ever.
	template := podTemplate(nil)
	template.Spec.RestartPolicy = corev1.RestartPolicyNever
	template.Spec.Containers[0].Image = "busybox:1.36"
	template.Spec.Containers[0].Command = []string{"sh", "-c", "echo done"}
	_, err := c.Client.BatchV1().Jobs(ns).Create(ctx, &batchv1.Job{
		ObjectMeta: metav1.ObjectMeta{Name: "once"},
		Spec:       batchv1.JobSpec{Completions: ptr.To[int32](2), Parallelism: ptr.To[int32](2), Template: template},
	}, metav1.CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	kubetest.Eventually(t, time.Minute, func() (bool, string) {
		job, err := c.Client.BatchV1().Jobs(ns).Get(ctx, "once", metav1.GetOptions{})
		if err != nil {
			return false, err.Error()
		}
		for _, cond := range job.Status.Conditions {
			if cond.Type == batchv1.JobComplete && cond.Status == corev1.ConditionTrue {
				return job.Status.Succeeded == 2, fmt.Sprintf("Complete with %d succeeded, want 2", job.Status.Succeeded)
			}
		}
		return false, fmt.Sprintf("not Complete yet: %d succeeded, %d active", job.Status.Succeeded, job.Status.Active)
	})
}
