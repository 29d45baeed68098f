package quiz

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"k8s.io/client-go/discovery"
	"k8s.io/client-go/rest"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/served"
	"kanzen.dev/kanzen/lessons"
)

// discoveryTimeout bounds reading the server's resources.
const discoveryTimeout = 15 * time.Second

// discoveryPrompt writes a discovery question's prompt from what it asks.
func discoveryPrompt(ask Ask, resource string, lang lessons.Lang) string {
	p := map[Ask]lessons.Text{
		AskNamespaced: promptNamespaced, AskShortNames: promptShortNames, AskGroup: promptGroup,
		AskVersion: promptVersion, AskKind: promptKind,
	}[ask]
	return p.With(resource).In(lang)
}

// API lists the resources the cluster serves, in the versions it prefers,
// as kubectl api-resources does. It asks the server once.
func (g *Grader) API(ctx context.Context) ([]check.APIResource, error) {
	if g == nil || g.Target == nil {
		return nil, fmt.Errorf("no cluster")
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.api != nil {
		return g.api, nil
	}
	config := rest.CopyConfig(g.Target.Config)
	config.Timeout = discoveryTimeout
	d, err := discovery.NewDiscoveryClientForConfig(config)
	if err != nil {
		return nil, err
	}
	type result struct {
		api []check.APIResource
		err error
	}
	done := make(chan result, 1)
	go func() {
		api, err := served.List(d)
		done <- result{api, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if r.err != nil && !discovery.IsGroupDiscoveryFailedError(r.err) {
		return nil, r.err
	}
	api := r.api
	g.api = api
	return api, nil
}

// Resource finds a resource by its name, as kubectl api-resources prints
// it, or by name.group when several groups serve the name. The core group
// wins, then apps, then batch.
func (g *Grader) Resource(ctx context.Context, resource string) (check.APIResource, bool, error) {
	api, err := g.API(ctx)
	if err != nil {
		return check.APIResource{}, false, err
	}
	r, ok := lookup(api, resource)
	return r, ok, nil
}

func lookup(api []check.APIResource, resource string) (check.APIResource, bool) {
	name, group, qualified := strings.Cut(resource, ".")
	return served.Preferred(api, func(r served.Resource) bool {
		return r.Name == name && (!qualified || r.Group == group)
	})
}

// gradeDiscovery judges an answer against what the cluster says.
func (g *Grader) gradeDiscovery(ctx context.Context, q *Question, a Answer, lang lessons.Lang) Verdict {
	if _, skip := g.cluster(lang); skip != nil {
		return *skip
	}
	r, ok, err := g.Resource(ctx, q.Resource)
	switch {
	case err != nil:
		return skipped(discoveryFailed.With(firstLine(err.Error())), lang)
	case !ok:
		return skipped(resourceUnknown.With(q.Resource), lang)
	}
	return judgeDiscovery(q.Ask, r, a, lang)
}

// judgeDiscovery compares an answer with the server's resource.
func judgeDiscovery(ask Ask, r check.APIResource, a Answer, lang lessons.Lang) Verdict {
	text := strings.TrimSpace(strings.Trim(strings.TrimSpace(a.Text), "`"))
	lower := strings.ToLower(text)
	v := Verdict{}
	switch ask {
	case AskNamespaced:
		v.Want = fmt.Sprint(r.Namespaced)
		said, ok := a.boolean()
		v.Correct = ok && said == r.Namespaced
		if !ok {
			v.Reason = answerTrueFalse.In(lang)
		}
	case AskShortNames:
		v.Want = strings.Join(r.ShortNames, ", ")
		if len(r.ShortNames) == 0 {
			v.Want = noShortNames.In(lang)
			v.Correct = slices.Contains([]string{"none", "なし", "-", "no", "ない"}, lower)
		}
		for _, s := range r.ShortNames {
			v.Correct = v.Correct || strings.EqualFold(s, text)
		}
	case AskGroup:
		v.Want = r.Group
		if r.Group == "" {
			v.Want = coreGroup.In(lang)
			v.Correct = slices.Contains([]string{"core", `""`, "''", "コア"}, lower)
		} else {
			v.Correct = strings.EqualFold(text, r.Group)
		}
		if !v.Correct && (strings.Contains(text, "/") || versionLike.MatchString(lower)) {
			v.Reason = isVersionNotGroup.With(text).In(lang)
		}
	case AskVersion:
		v.Want = r.Version
		groupVersion := r.GVR().GroupVersion().String()
		v.Correct = strings.EqualFold(text, r.Version) || strings.EqualFold(text, groupVersion)
	case AskKind:
		v.Want = r.Kind
		v.Correct = strings.EqualFold(text, r.Kind)
	}
	return v
}

// versionLike matches API versions such as v1 and v1beta1.
var versionLike = regexp.MustCompile(`^v[0-9]+((alpha|beta)[0-9]+)?$`)
