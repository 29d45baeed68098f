package workspace

import (
	"context"
	"encoding/json"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// maxClockWait bounds how long Start waits for the local clock to reach the
// exercise's start; the wait is about a second unless the clocks disagree.
const maxClockWait = 2 * time.Second

// prepare applies the setup objects in ns and starts the exercise's clock.
//
// Checks tell the learner's objects from the setup's by creationTimestamp,
// which has whole seconds only. So the clock starts a second after the
// newest creationTimestamp the server gave the namespace and the setup,
// which makes every setup object older than the start, and Start returns
// only once that second has come, so that all the learner makes afterwards
// is at least as new as the start.
func (c *cluster) prepare(ctx context.Context, ns *corev1.Namespace, objs []setupObject) (Info, error) {
	newest := ns.CreationTimestamp.Time
	for _, o := range objs {
		applied, err := c.apply(ctx, o)
		if err != nil {
			return Info{}, err
		}
		if t := applied.GetCreationTimestamp().Time; t.After(newest) {
			newest = t
		}
	}
	started := newest.Add(time.Second)
	patch, err := json.Marshal(map[string]any{
		"metadata": map[string]any{
			"annotations": map[string]string{StartedAnnotation: started.UTC().Format(time.RFC3339)},
		},
	})
	if err != nil {
		return Info{}, err
	}
	annotated, err := c.namespaces.Patch(ctx, ns.Name, types.MergePatchType, patch, metav1.PatchOptions{FieldManager: FieldManager})
	if err != nil {
		return Info{}, apiError("recording the start time on namespace "+ns.Name, err)
	}
	if err := sleepUntil(ctx, started, maxClockWait); err != nil {
		return Info{}, err
	}
	return infoOf(annotated), nil
}

// sleepUntil waits until the local clock reaches t, for at most limit.
func sleepUntil(ctx context.Context, t time.Time, limit time.Duration) error {
	d := min(time.Until(t), limit)
	if d <= 0 {
		return nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
