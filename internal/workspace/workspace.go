// Package workspace makes the namespaces exercises run in. kanzen never
// touches what it did not create: it labels every namespace it makes and
// refuses to change or delete a namespace without its labels.
package workspace

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"k8s.io/client-go/rest"

	"kanzen.dev/kanzen/lessons"
)

// The labels and annotation kanzen puts on the namespaces it makes, and the
// field manager its writes appear under.
const (
	ManagedByLabel = "app.kubernetes.io/managed-by"
	ManagedBy      = "kanzen"
	// ExerciseLabel's value is the exercise id, such as "2.1".
	ExerciseLabel = "kanzen.dev/exercise"
	// StartedAnnotation is when the exercise's clock started (RFC 3339, in
	// seconds): setup objects were created before it, the learner's after.
	StartedAnnotation = "kanzen.dev/started"
	FieldManager      = "kanzen"
)

var (
	// ErrNotOurs means the namespace exists but kanzen did not create it.
	ErrNotOurs = errors.New("namespace not created by kanzen")
	// ErrOtherExercise means the namespace is kanzen's, for another exercise.
	ErrOtherExercise = errors.New("namespace belongs to another exercise")
	// ErrNotStarted means the exercise has no namespace ready.
	ErrNotStarted = errors.New("exercise not started")
)

// deleteTimeout bounds the wait for a deleted namespace to go.
const deleteTimeout = 60 * time.Second

// Namespace is the default namespace of an exercise: "kz-" and the id with
// dashes for dots ("2.1" gives "kz-2-1").
func Namespace(exerciseID string) string {
	return "kz-" + strings.ReplaceAll(exerciseID, ".", "-")
}

// Info describes an exercise namespace.
type Info struct {
	Namespace string
	Exercise  string
	// Started is when the exercise's clock started.
	Started time.Time
	// Created says this call created the namespace.
	Created bool
}

// Step is a slow step in making an exercise's namespace ready. Prepare
// reports each before it begins, so that the learner hears what kanzen
// waits for.
type Step int

const (
	// Deleting is the request to delete the namespace and all in it.
	Deleting Step = iota
	// WaitingGone is the wait while the namespace controller deletes the
	// namespace's contents, then the namespace: seconds, as a rule.
	WaitingGone
	// SettingUp is creating the namespace, applying the setup objects and
	// starting the clock.
	SettingUp
)

// Start makes the exercise's namespace ready: it creates it, labelled, applies
// the setup objects and starts the clock. A namespace that kanzen already made
// for this exercise is left as it is, unless an interrupted Start left it
// without a clock: then Start finishes the job. It fails with ErrNotOurs or
// ErrOtherExercise rather than touch another namespace. An empty namespace
// means the default.
func Start(ctx context.Context, config *rest.Config, ex *lessons.Exercise, namespace string) (Info, error) {
	return Prepare(ctx, config, ex, namespace, false, nil)
}

// Reset deletes the exercise's namespace, waits until it is gone and starts
// it again, so the learner begins afresh. The setup is checked first, so a
// broken exercise does not cost the learner their namespace.
func Reset(ctx context.Context, config *rest.Config, ex *lessons.Exercise, namespace string) (Info, error) {
	return Prepare(ctx, config, ex, namespace, true, nil)
}

// Prepare is Start, or with reset Reset, telling report (when set) of each
// slow step before it begins.
func Prepare(ctx context.Context, config *rest.Config, ex *lessons.Exercise, namespace string, reset bool, report func(Step)) (Info, error) {
	c, err := connect(config)
	if err != nil {
		return Info{}, err
	}
	c.report = report
	namespace = orDefault(namespace, ex.ID)
	if reset {
		if _, err := c.setup(ex, namespace); err != nil {
			return Info{}, err
		}
		if err := c.delete(ctx, ex.ID, namespace, deleteTimeout); err != nil {
			return Info{}, err
		}
	}
	return c.start(ctx, ex, namespace)
}

// Lookup returns the Info of a started exercise namespace. It fails with
// ErrNotStarted when there is none, and with ErrNotOurs or ErrOtherExercise
// when the namespace is not this exercise's.
func Lookup(ctx context.Context, config *rest.Config, exerciseID, namespace string) (Info, error) {
	c, err := connect(config)
	if err != nil {
		return Info{}, err
	}
	namespace = orDefault(namespace, exerciseID)
	ns, err := c.existing(ctx, exerciseID, namespace)
	if err != nil {
		return Info{}, err
	}
	if ns == nil || ns.DeletionTimestamp != nil {
		return Info{}, notStarted(exerciseID, namespace)
	}
	info := infoOf(ns)
	if info.Started.IsZero() {
		// An interrupted Start left the namespace without a clock.
		return Info{}, notStarted(exerciseID, namespace)
	}
	return info, nil
}

// Delete removes the exercise's namespace and waits until it is gone. It
// refuses a namespace that is not kanzen's for this exercise; a missing one
// is already deleted.
func Delete(ctx context.Context, config *rest.Config, exerciseID, namespace string) error {
	c, err := connect(config)
	if err != nil {
		return err
	}
	return c.delete(ctx, exerciseID, orDefault(namespace, exerciseID), deleteTimeout)
}

func orDefault(namespace, exerciseID string) string {
	if namespace == "" {
		return Namespace(exerciseID)
	}
	return namespace
}

// notStarted tells the learner how to start the exercise.
func notStarted(exerciseID, namespace string) error {
	return explain(ErrNotStarted, "exercise %s is not started in namespace %s: run %s", exerciseID, namespace, StartCommand(exerciseID, namespace))
}

// StartCommand is the command line that starts the exercise in namespace.
func StartCommand(exerciseID, namespace string) string {
	return command("start", exerciseID, namespace)
}

// ResetCommand is the command line that resets an exercise in namespace.
func ResetCommand(exerciseID, namespace string) string {
	return command("reset", exerciseID, namespace)
}

func command(verb, exerciseID, namespace string) string {
	cmd := "kanzen " + verb + " " + exerciseID
	if namespace != Namespace(exerciseID) {
		cmd += " --namespace " + namespace
	}
	return cmd
}

// explained is an error with a message of its own that still matches a
// sentinel with errors.Is.
type explained struct {
	msg string
	err error
}

func (e *explained) Error() string { return e.msg }
func (e *explained) Unwrap() error { return e.err }

func explain(sentinel error, format string, args ...any) error {
	return &explained{msg: fmt.Sprintf(format, args...), err: sentinel}
}
