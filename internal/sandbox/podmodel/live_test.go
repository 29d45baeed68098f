package podmodel_test

import (
	"context"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/client-go/kubernetes"
	"sigs.k8s.io/yaml"

	"kanzen.dev/kanzen/internal/kubetest"
)

//go:embed behaviour.yaml
var behaviourYAML []byte

// row is one line of behaviour.yaml.
type row struct {
	Name    string           `json:"name"`
	Pod     *corev1.PodSpec  `json:"pod"`
	Job     *batchv1.JobSpec `json:"job"`
	Service bool             `json:"service"`
	Within  metav1.Duration  `json:"within"`
	Expect  struct {
		Phase    corev1.PodPhase `json:"phase"`
		Status   []string        `json:"status"`
		Ready    *bool           `json:"ready"`
		Restarts int32           `json:"restarts"`
		ExitCode *int32          `json:"exitCode"`
		Events   []string        `json:"events"`
		Endpoint *bool           `json:"endpoint"`
		Job      string          `json:"job"`
		Path     []string        `json:"path"`
	} `json:"expect"`
}

// TestLiveBehaviour applies every row of behaviour.yaml to the live cluster
// and waits, within the row's time, for what it says kubectl will show.
func TestLiveBehaviour(t *testing.T) {
	var file struct {
		Rows []row `json:"rows"`
	}
	if err := yaml.UnmarshalStrict(behaviourYAML, &file); err != nil {
		t.Fatal(err)
	}
	cluster := kubetest.Get(t)
	ns := cluster.Namespace(t)
	client := cluster.Client
	for _, r := range file.Rows {
		t.Run(r.Name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			start := time.Now()
			timeline, err := record(ctx, client, ns, r, start)
			if err != nil {
				t.Fatal(err)
			}
			if err := create(ctx, client, ns, r); err != nil {
				t.Fatal(err)
			}
			var last string
			deadline := start.Add(r.Within.Duration)
			for {
				ok, seen := judge(ctx, t, cluster, ns, r)
				path := timeline()
				ok = ok && followed(path, r.Expect.Path)
				last = seen + " · along the way " + strings.Join(path, " → ")
				if ok {
					t.Logf("%s after %.1fs: %s", r.Name, time.Since(start).Seconds(), last)
					return
				}
				if time.Now().After(deadline) {
					t.Fatalf("not within %s: %s (want along the way %v)", r.Within.Duration, last, r.Expect.Path)
				}
				time.Sleep(500 * time.Millisecond)
			}
		})
	}
}

func create(ctx context.Context, client kubernetes.Interface, ns string, r row) error {
	labels := map[string]string{"row": r.Name}
	if r.Job != nil {
		job := &batchv1.Job{ObjectMeta: metav1.ObjectMeta{Name: r.Name}, Spec: *r.Job}
		_, err := client.BatchV1().Jobs(ns).Create(ctx, job, metav1.CreateOptions{})
		return err
	}
	if r.Service {
		svc := &corev1.Service{
			ObjectMeta: metav1.ObjectMeta{Name: r.Name},
			Spec:       corev1.ServiceSpec{Selector: labels, Ports: []corev1.ServicePort{{Port: 80, TargetPort: intstr.FromInt32(80)}}},
		}
		if _, err := client.CoreV1().Services(ns).Create(ctx, svc, metav1.CreateOptions{}); err != nil {
			return err
		}
	}
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: r.Name, Labels: labels}, Spec: *r.Pod}
	_, err := client.CoreV1().Pods(ns).Create(ctx, pod, metav1.CreateOptions{})
	return err
}

// judge reports whether the row's expectations hold now, and what it saw.
func judge(ctx context.Context, t *testing.T, cluster *kubetest.Cluster, ns string, r row) (bool, string) {
	client := cluster.Client
	if r.Job != nil {
		job, err := client.BatchV1().Jobs(ns).Get(ctx, r.Name, metav1.GetOptions{})
		if err != nil {
			return false, err.Error()
		}
		var seen []string
		for _, c := range job.Status.Conditions {
			if c.Status == corev1.ConditionTrue && (c.Type == batchv1.JobComplete || c.Type == batchv1.JobFailed) {
				seen = append(seen, strings.TrimSuffix(string(c.Type)+"/"+c.Reason, "/"))
			}
		}
		got := fmt.Sprintf("job %v, %d failed, %d succeeded", seen, job.Status.Failed, job.Status.Succeeded)
		// A condition is named by its type, or its type and reason.
		match := slices.ContainsFunc(seen, func(s string) bool {
			return s == r.Expect.Job || strings.HasPrefix(s, r.Expect.Job+"/")
		})
		return match, got
	}
	pod, err := client.CoreV1().Pods(ns).Get(ctx, r.Name, metav1.GetOptions{})
	if err != nil {
		return false, err.Error()
	}
	ok := true
	var seen []string
	note := func(pass bool, format string, args ...any) {
		ok = ok && pass
		mark := "✓"
		if !pass {
			mark = "✗"
		}
		seen = append(seen, mark+" "+fmt.Sprintf(format, args...))
	}
	e := r.Expect
	note(pod.Status.Phase == e.Phase, "phase %s", pod.Status.Phase)
	if len(e.Status) > 0 {
		out, err := cluster.Shell(t, ns, "kubectl get pod "+r.Name+" --no-headers")
		fields := strings.Fields(out)
		status := ""
		if err == nil && len(fields) >= 3 {
			status = fields[2]
		}
		note(slices.Contains(e.Status, status), "STATUS %s", status)
	}
	if e.Ready != nil {
		ready := false
		for _, c := range pod.Status.Conditions {
			if c.Type == corev1.PodReady {
				ready = c.Status == corev1.ConditionTrue
			}
		}
		note(ready == *e.Ready, "ready %v", ready)
	}
	if len(pod.Status.ContainerStatuses) > 0 {
		s := pod.Status.ContainerStatuses[0]
		if e.Restarts > 0 {
			note(s.RestartCount >= e.Restarts, "restarts %d", s.RestartCount)
		}
		if e.ExitCode != nil {
			code := int32(-1)
			if t := s.State.Terminated; t != nil {
				code = t.ExitCode
			} else if t := s.LastTerminationState.Terminated; t != nil {
				code = t.ExitCode
			}
			note(code == *e.ExitCode, "exit code %d", code)
		}
	} else if e.Restarts > 0 || e.ExitCode != nil {
		note(false, "no container status")
	}
	if len(e.Events) > 0 {
		list, err := client.CoreV1().Events(ns).List(ctx, metav1.ListOptions{FieldSelector: "involvedObject.name=" + r.Name})
		var reasons []string
		if err == nil {
			for _, ev := range list.Items {
				if !slices.Contains(reasons, ev.Reason) {
					reasons = append(reasons, ev.Reason)
				}
			}
		}
		all := true
		for _, want := range e.Events {
			all = all && slices.Contains(reasons, want)
		}
		note(all, "events %v", reasons)
	}
	if e.Endpoint != nil {
		slices, err := client.DiscoveryV1().EndpointSlices(ns).List(ctx, metav1.ListOptions{LabelSelector: "kubernetes.io/service-name=" + r.Name})
		listed, ready := false, false
		if err == nil {
			for _, s := range slices.Items {
				for _, ep := range s.Endpoints {
					if ep.TargetRef != nil && ep.TargetRef.Name == r.Name {
						listed = true
						ready = ep.Conditions.Ready != nil && *ep.Conditions.Ready
					}
				}
			}
		}
		note(listed && ready == *e.Endpoint, "endpoint listed %v, ready %v", listed, ready)
	}
	return ok, strings.Join(seen, ", ")
}

// record watches the row's Pods and returns what their first container
// went through so far, a state a step, each with the seconds it was
// reached at: "ErrImagePull@1.0s".
func record(ctx context.Context, client kubernetes.Interface, ns string, r row, start time.Time) (func() []string, error) {
	selector := "row=" + r.Name
	if r.Job != nil {
		selector = "job-name=" + r.Name
	}
	w, err := client.CoreV1().Pods(ns).Watch(ctx, metav1.ListOptions{LabelSelector: selector})
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	var path []string
	last := ""
	go func() {
		defer w.Stop()
		for ev := range w.ResultChan() {
			pod, ok := ev.Object.(*corev1.Pod)
			if !ok || len(pod.Status.ContainerStatuses) == 0 {
				continue
			}
			state := stateOf(pod.Status.ContainerStatuses[0])
			mu.Lock()
			if state != last {
				path = append(path, fmt.Sprintf("%s@%.1fs", state, time.Since(start).Seconds()))
				last = state
			}
			mu.Unlock()
		}
	}()
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(path)
	}, nil
}

// stateOf names a container's state by its reason, or Running.
func stateOf(s corev1.ContainerStatus) string {
	switch {
	case s.State.Waiting != nil:
		return s.State.Waiting.Reason
	case s.State.Terminated != nil:
		return s.State.Terminated.Reason
	case s.State.Running != nil:
		return "Running"
	}
	return "Unknown"
}

// followed reports whether the states in want were reached in that order.
func followed(path, want []string) bool {
	i := 0
	for _, step := range path {
		if i < len(want) && strings.HasPrefix(step, want[i]+"@") {
			i++
		}
	}
	return i == len(want)
}
