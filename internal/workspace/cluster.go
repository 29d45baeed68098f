package workspace

import (
	"context"
	"fmt"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	corev1client "k8s.io/client-go/kubernetes/typed/core/v1"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/restmapper"

	"kanzen.dev/kanzen/lessons"
)

// cluster holds the clients one operation uses.
type cluster struct {
	namespaces corev1client.NamespaceInterface
	dynamic    dynamic.Interface
	// mapper finds the resource of a setup object's kind, asking the
	// server's discovery once and again only for a kind it does not know.
	mapper meta.RESTMapper
	// report, when set, hears of each slow step before it begins.
	report func(Step)
}

// tell reports a slow step that is about to begin.
func (c *cluster) tell(step Step) {
	if c.report != nil {
		c.report(step)
	}
}

func connect(config *rest.Config) (*cluster, error) {
	// The clients share one HTTP client, and so its connections.
	httpClient, err := rest.HTTPClientFor(config)
	var core *kubernetes.Clientset
	if err == nil {
		core, err = kubernetes.NewForConfigAndClient(config, httpClient)
	}
	var dyn *dynamic.DynamicClient
	if err == nil {
		dyn, err = dynamic.NewForConfigAndClient(config, httpClient)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot connect to the cluster: %w", err)
	}
	return &cluster{
		namespaces: core.CoreV1().Namespaces(),
		dynamic:    dyn,
		mapper:     restmapper.NewDeferredDiscoveryRESTMapper(memory.NewMemCacheClient(core.Discovery())),
	}, nil
}

// start is Start with the clients made.
func (c *cluster) start(ctx context.Context, ex *lessons.Exercise, name string) (Info, error) {
	ns, err := c.existing(ctx, ex.ID, name)
	if err != nil {
		return Info{}, err
	}
	if ns != nil && ns.DeletionTimestamp != nil {
		// A reset is under way elsewhere: start afresh once it is done.
		c.tell(WaitingGone)
		if err := c.waitGone(ctx, name, deleteTimeout); err != nil {
			return Info{}, err
		}
		ns = nil
	}
	if ns != nil {
		if info := infoOf(ns); !info.Started.IsZero() {
			return info, nil
		}
		// Without a clock, an earlier Start was interrupted: finish it.
	}
	objs, err := c.setup(ex, name)
	if err != nil {
		return Info{}, err
	}
	c.tell(SettingUp)
	created := ns == nil
	if created {
		ns, err = c.create(ctx, ex.ID, name)
		if apierrors.IsAlreadyExists(err) {
			// Another kanzen created it meanwhile: judge it like any other.
			return c.start(ctx, ex, name)
		}
		if err != nil {
			return Info{}, err
		}
	}
	info, err := c.prepare(ctx, ns, objs)
	info.Created = created
	return info, err
}

// existing returns the namespace, or nil if there is none. It fails if the
// namespace is not kanzen's for this exercise.
func (c *cluster) existing(ctx context.Context, exerciseID, name string) (*corev1.Namespace, error) {
	ns, err := c.namespaces.Get(ctx, name, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, apiError("reading namespace "+name, err)
	}
	if ns.Labels[ManagedByLabel] != ManagedBy {
		return nil, explain(ErrNotOurs, "namespace %q exists and was not created by kanzen; kanzen will not touch it (choose another with --namespace)", name)
	}
	if owner := ns.Labels[ExerciseLabel]; owner != exerciseID {
		return nil, explain(ErrOtherExercise, "namespace %q is kanzen's namespace for exercise %q, not %q; kanzen will not touch it here (choose another with --namespace)", name, owner, exerciseID)
	}
	return ns, nil
}

// create makes the exercise's namespace with kanzen's labels. It fails if
// the namespace exists, so kanzen never takes over someone else's.
func (c *cluster) create(ctx context.Context, exerciseID, name string) (*corev1.Namespace, error) {
	ns, err := c.namespaces.Create(ctx, &corev1.Namespace{
		ObjectMeta: metav1.ObjectMeta{
			Name:   name,
			Labels: map[string]string{ManagedByLabel: ManagedBy, ExerciseLabel: exerciseID},
		},
	}, metav1.CreateOptions{FieldManager: FieldManager})
	if err != nil {
		return nil, apiError("creating namespaces", err)
	}
	return ns, nil
}

// infoOf reads an exercise namespace's Info; Started is zero if the clock
// was never recorded.
func infoOf(ns *corev1.Namespace) Info {
	started, _ := time.Parse(time.RFC3339, ns.Annotations[StartedAnnotation])
	return Info{Namespace: ns.Name, Exercise: ns.Labels[ExerciseLabel], Started: started}
}

// apiError says what kanzen was doing when a request failed. A refusal gets
// plain words: a learner's account may well not be allowed to make
// namespaces, and the server's message says which permission is missing.
func apiError(doing string, err error) error {
	if apierrors.IsForbidden(err) {
		return fmt.Errorf("the cluster does not allow %s with this account: %w", doing, err)
	}
	return fmt.Errorf("%s: %w", doing, err)
}
