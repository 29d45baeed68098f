package check

import (
	"slices"
	"testing"

	"kanzen.dev/kanzen/lessons"
)

func TestArgvTreatsEquivalentCommandsAsEqual(t *testing.T) {
	for _, tc := range []struct {
		command, args, want []string
	}{
		{[]string{"echo", "hello"}, nil, []string{"echo", "hello"}},
		{[]string{"/bin/echo"}, []string{"hello"}, []string{"echo", "hello"}},
		{[]string{"sh", "-c", "echo hello"}, nil, []string{"echo", "hello"}},
		{[]string{"/bin/sh", "-c"}, []string{"exec echo 'hello'"}, []string{"echo", "hello"}},
		{nil, []string{"sh", "-c", `echo "processing one item"`}, []string{"echo", "processing one item"}},
		{[]string{"sh", "-c", "echo hello; exit 3"}, nil, []string{"sh", "-c", "echo hello; exit 3"}},
		{[]string{"/bin/bash", "-c", "echo $HOME"}, nil, []string{"bash", "-c", "echo $HOME"}},
		{[]string{"sh", "-c", "echo 'unclosed"}, nil, []string{"sh", "-c", "echo 'unclosed"}},
		{[]string{"sh", "-c", "echo a", "name"}, nil, []string{"sh", "-c", "echo a", "name"}},
		{nil, nil, []string{}},
	} {
		if got := Argv(tc.command, tc.args); !slices.Equal(got, tc.want) {
			t.Errorf("Argv(%q, %q) = %q, want %q", tc.command, tc.args, got, tc.want)
		}
	}
}

func TestArgvInACheck(t *testing.T) {
	c := lessons.Check{
		Target: &lessons.Target{Kind: "Pod", Name: "web"},
		Have:   "object.spec.containers.map(c, argv(c).join(' '))",
		Want:   "'echo hello'",
		Pass:   "have.size() == 1 && have[0] == want",
	}
	for container, want := range map[string]Status{
		"{name: w, command: [sh, -c, echo hello]}":       Pass,
		"{name: w, command: [/bin/echo], args: [hello]}": Pass,
		"{name: w, args: [echo, hello]}":                 Pass,
		"{name: w, command: [echo, goodbye]}":            Fail,
		"{name: w}":                                      Fail,
	} {
		s := snap(t, "Pod:\n- {metadata: {name: web}, spec: {containers: ["+container+"]}}\n")
		if r := probe(t, c, s, lessons.English); r.Status != want {
			t.Errorf("%s: %s (have %q)", container, r.Status, r.Have)
		}
	}
}
