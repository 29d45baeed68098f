package tui

import (
	"testing"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"sigs.k8s.io/yaml"
)

// The STATUS column as kubectl get pods prints it for these Pods.
func TestPodStatusIsKubectls(t *testing.T) {
	cases := []struct {
		name, pod, want string
		restarts        int64
	}{
		{"running", `
status: {phase: Running, conditions: [{type: Ready, status: "True"}],
  containerStatuses: [{ready: true, restartCount: 0, state: {running: {}}}]}`, "Running", 0},
		{"pulling fails", `
status: {phase: Pending, containerStatuses: [{ready: false, restartCount: 0, state: {waiting: {reason: ImagePullBackOff}}}]}`, "ImagePullBackOff", 0},
		{"crash loop", `
status: {phase: Running, containerStatuses: [{ready: false, restartCount: 3, state: {waiting: {reason: CrashLoopBackOff}}}]}`, "CrashLoopBackOff", 3},
		{"done", `
status: {phase: Succeeded, containerStatuses: [{ready: false, restartCount: 0, state: {terminated: {exitCode: 0, reason: Completed}}}]}`, "Completed", 0},
		{"one of two ended, the other ready", `
status: {phase: Running, conditions: [{type: Ready, status: "False"}],
  containerStatuses: [{ready: false, state: {terminated: {exitCode: 0, reason: Completed}}}, {ready: true, state: {running: {}}}]}`, "NotReady", 0},
		{"first init container running", `
spec: {initContainers: [{name: a}, {name: b}]}
status: {phase: Pending, initContainerStatuses: [{state: {running: {}}}, {state: {waiting: {reason: PodInitializing}}}],
  containerStatuses: [{state: {waiting: {reason: PodInitializing}}}]}`, "Init:0/2", 0},
		{"init container crash loop", `
spec: {initContainers: [{name: a}]}
status: {phase: Pending, initContainerStatuses: [{restartCount: 2, state: {waiting: {reason: CrashLoopBackOff}}}],
  containerStatuses: [{state: {waiting: {reason: PodInitializing}}}]}`, "Init:CrashLoopBackOff", 2},
		{"a sidecar started, the app runs", `
spec: {initContainers: [{name: logs, restartPolicy: Always}]}
status: {phase: Running, conditions: [{type: Initialized, status: "True"}, {type: Ready, status: "True"}],
  initContainerStatuses: [{started: true, ready: true, state: {running: {}}}],
  containerStatuses: [{ready: true, state: {running: {}}}]}`, "Running", 0},
		{"deleted", `
metadata: {deletionTimestamp: "2026-12-07T00:00:00Z"}
status: {phase: Running, containerStatuses: [{ready: true, state: {running: {}}}]}`, "Terminating", 0},
	}
	for _, c := range cases {
		// Decoded as the API's JSON is, numbers as int64.
		data, err := yaml.YAMLToJSON([]byte("apiVersion: v1\nkind: Pod\n" + c.pod))
		if err != nil {
			t.Fatal(err)
		}
		var u unstructured.Unstructured
		if err := u.UnmarshalJSON(data); err != nil {
			t.Fatal(err)
		}
		status, restarts := podStatus(&u)
		if status != c.want || restarts != c.restarts {
			t.Errorf("%s: %s with %d restarts, want %s with %d", c.name, status, restarts, c.want, c.restarts)
		}
	}
}
