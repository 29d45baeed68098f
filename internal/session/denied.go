package session

import (
	"errors"
	"fmt"

	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/lessons"
)

// Denied explains, in lang, the cluster's refusal of a list or watch that
// exercise exerciseID needs: which verb on which resource was denied, that
// the exercise needs it, and what to do. It is empty unless err holds such
// a refusal.
func Denied(err error, exerciseID string, lang lessons.Lang) string {
	var f *watch.Forbidden
	if !errors.As(err, &f) {
		return ""
	}
	var where any = deniedAcrossCluster
	canI := fmt.Sprintf("kubectl auth can-i %s %s", f.Verb, f.Resource)
	if f.Namespace != "" {
		where = deniedInNamespace.With(f.Namespace)
		canI += " -n " + f.Namespace
	}
	return deniedMessage.With(f.Verb, f.Resource, where, exerciseID, f.Resource, canI).In(lang)
}
