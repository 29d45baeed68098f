package podmodel

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"strings"

	"sigs.k8s.io/yaml"
)

//go:embed tpl/*.gotmpl
var templates embed.FS

//go:embed nodes.yaml
var nodeStages []byte

// ConditionType is the Pod condition in which the model keeps each Pod's
// plan: what every container will do, and its next step. A kubelet keeps
// this in memory; KWOK's stages only see the object, so it is written there.
const ConditionType = "sandbox.kanzen.dev/ContainerModel"

// event is one event a step records, as the kubelet would. Message is a
// template expression over $c (the container) and $podRef; PROBE_ERROR in it
// stands for the probe's connection error.
type event struct {
	Type, Reason, Message, Probe string
}

// The kubelet's events, as it words them.
var (
	pulling     = event{"Normal", "Pulling", `printf "Pulling image %q" $c.image`, ""}
	pulled      = event{"Normal", "Pulled", `printf "Successfully pulled image %q in 512ms (512ms including waiting)" $c.image`, ""}
	present     = event{"Normal", "Pulled", `printf "Container image %q already present on machine" $c.image`, ""}
	created     = event{"Normal", "Created", `printf "Created container: %s" $c.name`, ""}
	started     = event{"Normal", "Started", `printf "Started container %s" $c.name`, ""}
	cannotStart = event{"Warning", "Failed", `printf "Error: %s" $c.startError`, ""}
)

// steps are what can happen to a container, each a stage of its own since a
// stage records a fixed list of events.
var steps = []struct {
	Name   string
	Events []event
}{
	{"pull", []event{pulling, pulled, created, started}},
	{"pullNoStart", []event{pulling, pulled, created, cannotStart}},
	{"pullFailed", []event{
		pulling,
		{"Warning", "Failed", `printf "Failed to pull image %q: rpc error: code = NotFound desc = failed to pull and unpack image %q: failed to resolve reference %q: %s: not found" $c.image $c.full $c.full $c.full`, ""},
		{"Warning", "Failed", `"Error: ErrImagePull"`, ""},
	}},
	{"pullInvalid", []event{
		{"Warning", "InspectFailed", `printf "Failed to apply default image tag %q: couldn't parse image name %q: invalid reference format" $c.image $c.image`, ""},
		{"Warning", "Failed", `"Error: InvalidImageName"`, ""},
	}},
	{"pullNever", []event{
		{"Warning", "ErrImageNeverPull", `printf "Container image %q is not present with pull policy of Never" $c.image`, ""},
		{"Warning", "Failed", `"Error: ErrImageNeverPull"`, ""},
	}},
	{"pullBackOff", []event{
		{"Normal", "BackOff", `printf "Back-off pulling image %q" $c.image`, ""},
		{"Warning", "Failed", `"Error: ImagePullBackOff"`, ""},
	}},
	{"restart", []event{present, created, started}},
	{"restartNoStart", []event{present, created, cannotStart}},
	{"crashLoop", []event{
		{"Warning", "BackOff", `printf "Back-off restarting failed container %s in pod %s" $c.name $podRef`, ""},
	}},
	{"exit", nil},
	{"kill", []event{
		{"Warning", "Unhealthy", `"Liveness probe failed: PROBE_ERROR"`, "live"},
		{"Normal", "Killing", `printf "Container %s failed liveness probe, will be restarted" $c.name`, ""},
	}},
	{"ready", nil},
	{"unready", []event{
		{"Warning", "Unhealthy", `"Readiness probe failed: PROBE_ERROR"`, "ready"},
	}},
}

// jqDue finds, in a Pod, the container whose step comes first: the entry
// with the earliest due time, the first of equals, as load.gotmpl does.
var jqDue = `def plan: [(.status.conditions // [])[] | select(.type == "` + ConditionType + `") | .message | fromjson][0];` +
	` plan | reduce ((.entries // [])[]) as $e (null; if (($e.due // "") != "") and (. == null or $e.due < .due) then $e else . end)`

// FingerprintAnnotation, on the Pod-create stage, names the version of the
// model a sandbox was given, so that an older sandbox can be brought up to
// date.
const FingerprintAnnotation = "sandbox.kanzen.dev/container-model"

// Stages returns every stage the sandbox's kwok runs, nodes and Pods, as
// one multi-document YAML stream for kwokctl's configuration, and the
// model's fingerprint: a digest of that stream.
func Stages() (stages []byte, fingerprint string, err error) {
	images, err := Catalogue()
	if err != nil {
		return nil, "", err
	}
	catalogue, err := catalogueJSON(images)
	if err != nil {
		return nil, "", err
	}
	part := func(name string) string {
		data, err := templates.ReadFile("tpl/" + name + ".gotmpl")
		if err != nil {
			panic(err) // The files are embedded; a missing one is a build mistake.
		}
		return string(data)
	}
	head, load, step, status := part("head"), part("load"), part("step"), part("status")

	var docs []map[string]any
	docs = append(docs, stage("kanzen-pod-create", []any{
		notDeleted(),
		jqExpr(`.status.conditions.[] | select(.type == "`+ConditionType+`") | .status`, "DoesNotExist"),
	}, nil, []any{statusPatch(head + strings.Replace(part("plan"), "CATALOGUE_JSON", catalogue, 1) + status)}))

	for _, s := range steps {
		all := []any{statusPatch(head + load + step + status)}
		for n, ev := range s.Events {
			all = append(all, map[string]any{"apply": map[string]any{
				"template": head + load + fmt.Sprintf(
					`{{- $ev := dict "type" %q "reason" %q "message" (%s) "probe" %q "suffix" "%c" -}}`,
					ev.Type, ev.Reason, ev.Message, ev.Probe, 'a'+n) + part("event"),
			}})
		}
		docs = append(docs, stage("kanzen-container-"+kebab(s.Name), []any{
			notDeleted(),
			jqExpr(jqDue+" | .next", "In", s.Name),
		}, map[string]any{"durationFrom": map[string]any{"jq": map[string]any{"expression": jqDue + " | .due"}}}, all))
	}

	// A deleted Pod goes once its containers have stopped: a second here,
	// where a kubelet waits out the grace period for a process that ignores
	// SIGTERM.
	docs = append(docs, stage("kanzen-pod-delete", []any{
		jqExpr(".metadata.deletionTimestamp", "Exists"),
		jqExpr(".metadata.finalizers", "DoesNotExist"),
	}, map[string]any{
		"durationMilliseconds": 1000,
	}, []any{map[string]any{"delete": true}}))

	render := func() ([]byte, error) {
		var out bytes.Buffer
		out.Write(bytes.TrimSpace(nodeStages))
		for _, doc := range docs {
			data, err := yaml.Marshal(doc)
			if err != nil {
				return nil, err
			}
			out.WriteString("\n---\n")
			out.Write(data)
		}
		return out.Bytes(), nil
	}
	unmarked, err := render()
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(unmarked)
	fingerprint = hex.EncodeToString(sum[:8])
	docs[0]["metadata"].(map[string]any)["annotations"] = map[string]any{FingerprintAnnotation: fingerprint}
	stages, err = render()
	return stages, fingerprint, err
}

func stage(name string, match []any, delay map[string]any, stepList []any) map[string]any {
	spec := map[string]any{
		"resourceRef": map[string]any{"apiGroup": "v1", "kind": "Pod"},
		"selector":    map[string]any{"matchExpressions": match},
		"weight":      1,
		"steps":       stepList,
	}
	if delay != nil {
		spec["delay"] = delay
	}
	return map[string]any{
		"apiVersion": "kwok.x-k8s.io/v1alpha1",
		"kind":       "Stage",
		"metadata":   map[string]any{"name": name},
		"spec":       spec,
	}
}

func notDeleted() any { return jqExpr(".metadata.deletionTimestamp", "DoesNotExist") }

func jqExpr(key, op string, values ...string) any {
	expr := map[string]any{"key": key, "operator": op}
	if len(values) > 0 {
		expr["values"] = values
	}
	return map[string]any{"jq": expr}
}

func statusPatch(template string) any {
	return map[string]any{"patch": map[string]any{
		"subresource": "status",
		"root":        "status",
		"template":    template,
	}}
}

// kebab turns a step's name into a stage name: pullBackOff → pull-back-off.
func kebab(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('-')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
