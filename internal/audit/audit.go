// Package audit reads an API server's audit log and finds the writes
// kanzen must never make: outside its own kz-* namespaces, and in its quiz
// scratch namespace any at all but its making. A dry run stores nothing,
// wherever it is: a quiz answer may well be a Namespace.
package audit

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
)

// Event is the part of an audit.k8s.io/v1 Event the rules read.
type Event struct {
	Verb       string `json:"verb"`
	RequestURI string `json:"requestURI"`
	UserAgent  string `json:"userAgent"`
	Stage      string `json:"stage"`
	ObjectRef  *struct {
		Resource  string `json:"resource"`
		Namespace string `json:"namespace"`
		Name      string `json:"name"`
		APIGroup  string `json:"apiGroup"`
	} `json:"objectRef"`
	RequestObject *struct {
		Metadata struct {
			Name         string `json:"name"`
			GenerateName string `json:"generateName"`
		} `json:"metadata"`
	} `json:"requestObject"`
	ResponseStatus *struct {
		Code int `json:"code"`
	} `json:"responseStatus"`
}

// Scratch is the quiz's scratch namespace, whose only write is its making.
const Scratch = "kz-quiz"

// writes are the verbs that change what the server stores.
var writes = []string{"create", "update", "patch", "delete", "deletecollection"}

// reviewGroups serve questions asked by create, which store nothing, such
// as "may I create pods here?".
var reviewGroups = []string{"authorization.k8s.io", "authentication.k8s.io"}

// Violation is a write kanzen made that it must not.
type Violation struct {
	Line   int
	Why    string
	Event  Event
	Source string
}

func (v Violation) String() string {
	return fmt.Sprintf("line %d: %s: %s %s (%s)", v.Line, v.Why, v.Event.Verb, v.Event.RequestURI, v.Event.UserAgent)
}

// Check reads an audit log, one JSON event a line, and returns kanzen's
// forbidden writes and how many writes of kanzen's it read.
func Check(r io.Reader) (violations []Violation, kanzenWrites int, err error) {
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 0, 1<<20), 16<<20)
	line := 0
	for scanner.Scan() {
		line++
		var e Event
		if err := json.Unmarshal(scanner.Bytes(), &e); err != nil {
			return nil, 0, fmt.Errorf("line %d: %w", line, err)
		}
		if !slices.Contains(writes, e.Verb) || !Kanzen(e.UserAgent) || e.Stage != "ResponseComplete" || refused(e) {
			continue
		}
		kanzenWrites++
		if why := forbidden(e); why != "" {
			violations = append(violations, Violation{Line: line, Why: why, Event: e, Source: scanner.Text()})
		}
	}
	return violations, kanzenWrites, scanner.Err()
}

// Kanzen reports whether a request came from kanzen: kanzen/VERSION, or a
// binary named kanzen or kanzen-something (client-go's default user agent
// is the program's name), or Go's own default, which some of kanzen's
// requests sent before they named themselves. Test binaries (name.test)
// are the tests' own requests, such as the RBAC a test sets up; kanzen's
// code in them is told by kanzen/VERSION.
func Kanzen(userAgent string) bool {
	program, _, _ := strings.Cut(userAgent, "/")
	return program == "kanzen" || strings.HasPrefix(program, "kanzen-") || program == "Go-http-client"
}

// refused reports whether the server turned the request down, so that it
// stored nothing: a forbidden create is logged before its body is read.
func refused(e Event) bool {
	return e.ResponseStatus != nil && e.ResponseStatus.Code >= 400
}

// forbidden says why a write of kanzen's is not allowed, or "".
func forbidden(e Event) string {
	if e.ObjectRef == nil {
		return "a write to no object"
	}
	ref := e.ObjectRef
	if slices.Contains(reviewGroups, ref.APIGroup) || dryRun(e.RequestURI) {
		return ""
	}
	ns := ref.Namespace
	if ref.Resource == "namespaces" && ref.APIGroup == "" {
		ns = namespaceName(e)
	}
	switch {
	case !strings.HasPrefix(ns, "kz-"):
		if ns == "" {
			return "a write outside any namespace"
		}
		return fmt.Sprintf("a write in namespace %q, not one of kanzen's (kz-*)", ns)
	case ns != Scratch:
		return ""
	case ref.Resource == "namespaces" && (e.Verb == "create" || e.Verb == "delete"):
		// Making the scratch namespace, and kanzen clean deleting it.
		return ""
	}
	return fmt.Sprintf("a write in the quiz's scratch namespace %s that is not a dry run", Scratch)
}

// namespaceName is the name of the namespace a namespace write is about:
// in its path, or for a create in its body (the prefix of a generated
// name will do: kz-test-… names are generated).
func namespaceName(e Event) string {
	if e.ObjectRef.Name != "" {
		return e.ObjectRef.Name
	}
	if o := e.RequestObject; o != nil {
		if o.Metadata.Name != "" {
			return o.Metadata.Name
		}
		return o.Metadata.GenerateName
	}
	return ""
}

// dryRun reports whether the request asked only for a dry run.
func dryRun(requestURI string) bool {
	u, err := url.Parse(requestURI)
	return err == nil && slices.Contains(u.Query()["dryRun"], "All")
}
