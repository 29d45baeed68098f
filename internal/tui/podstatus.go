package tui

import (
	"fmt"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

// podStatus is what kubectl get pods shows in its STATUS column: the phase,
// unless a container says why it is not running (ErrImagePull,
// CrashLoopBackOff, Completed, Init:0/2, ...). It follows kubectl's own
// printer, so the live pane and the learner's terminal agree. It also
// returns the restarts kubectl counts.
func podStatus(u *unstructured.Unstructured) (status string, restarts int64) {
	str := func(m map[string]any, path ...string) string {
		v, _, _ := unstructured.NestedString(m, path...)
		return v
	}
	num := func(m map[string]any, path ...string) int64 {
		v, _, _ := unstructured.NestedInt64(m, path...)
		return v
	}
	status = str(u.Object, "status", "phase")
	if reason := str(u.Object, "status", "reason"); reason != "" {
		status = reason
	}
	inits, _, _ := unstructured.NestedSlice(u.Object, "status", "initContainerStatuses")
	specInits, _, _ := unstructured.NestedSlice(u.Object, "spec", "initContainers")
	initializing := false
	for i, item := range inits {
		c, _ := item.(map[string]any)
		restarts += num(c, "restartCount")
		state, _ := c["state"].(map[string]any)
		terminated := state["terminated"] != nil
		sidecar := false
		if i < len(specInits) {
			spec, _ := specInits[i].(map[string]any)
			sidecar = str(spec, "restartPolicy") == "Always"
		}
		switch {
		case terminated && num(c, "state", "terminated", "exitCode") == 0:
			continue
		case sidecar && c["started"] == true:
			continue
		case terminated:
			status = "Init:" + terminatedReason(c)
		case str(c, "state", "waiting", "reason") != "" && str(c, "state", "waiting", "reason") != "PodInitializing":
			status = "Init:" + str(c, "state", "waiting", "reason")
		default:
			status = fmt.Sprintf("Init:%d/%d", i, len(specInits))
		}
		initializing = true
		break
	}
	if !initializing || podConditionTrue(u, "Initialized") {
		restarts = 0
		running := false
		statuses, _, _ := unstructured.NestedSlice(u.Object, "status", "containerStatuses")
		for i := len(statuses) - 1; i >= 0; i-- {
			c, _ := statuses[i].(map[string]any)
			restarts += num(c, "restartCount")
			state, _ := c["state"].(map[string]any)
			switch {
			case str(c, "state", "waiting", "reason") != "":
				status = str(c, "state", "waiting", "reason")
			case state["terminated"] != nil:
				status = terminatedReason(c)
			case c["ready"] == true && state["running"] != nil:
				running = true
			}
		}
		if status == "Completed" && running {
			status = "NotReady"
			if podConditionTrue(u, "Ready") {
				status = "Running"
			}
		}
	}
	if u.GetDeletionTimestamp() != nil {
		status = "Terminating"
	}
	return status, restarts
}

// terminatedReason names a terminated container's end as kubectl does.
func terminatedReason(c map[string]any) string {
	if reason, _, _ := unstructured.NestedString(c, "state", "terminated", "reason"); reason != "" {
		return reason
	}
	if signal, _, _ := unstructured.NestedInt64(c, "state", "terminated", "signal"); signal != 0 {
		return fmt.Sprintf("Signal:%d", signal)
	}
	code, _, _ := unstructured.NestedInt64(c, "state", "terminated", "exitCode")
	return fmt.Sprintf("ExitCode:%d", code)
}

func podConditionTrue(u *unstructured.Unstructured, kind string) bool {
	conditions, _, _ := unstructured.NestedSlice(u.Object, "status", "conditions")
	for _, item := range conditions {
		if c, ok := item.(map[string]any); ok && c["type"] == kind {
			return c["status"] == "True"
		}
	}
	return false
}
