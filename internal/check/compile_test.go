package check

import (
	"strings"
	"testing"

	"kanzen.dev/kanzen/lessons"
)

func TestCompileErrorsNameTheField(t *testing.T) {
	for _, tc := range []struct {
		name   string
		checks []lessons.Check
		want   []string
	}{
		{"syntax", []lessons.Check{{Have: "object.metadata.(", Want: "1"}},
			[]string{"checks[0].have: ERROR: <input>:1:17: "}},
		{"undeclared", []lessons.Check{{Have: "1", Want: "1"}, {Have: "1", Pass: "hve == want"}},
			[]string{"checks[1].pass: ERROR: <input>:1:1: undeclared reference to 'hve'"}},
		// have and want are only for the pass condition.
		{"have in want", []lessons.Check{{Have: "1", Want: "have"}},
			[]string{"checks[0].want: ERROR: <input>:1:1: undeclared reference to 'have'"}},
		{"pass not bool", []lessons.Check{{Have: "1", Pass: "'yes'"}},
			[]string{"checks[0].pass: has type string, want bool"}},
		{"empty have", []lessons.Check{{Have: " ", Want: "1"}},
			[]string{"checks[0].have: empty expression"}},
		{"selector", []lessons.Check{{Have: "1", Want: "1"}, {Target: &lessons.Target{Kind: "Pod", Selector: "app in (web"}, Have: "1", Want: "1"}},
			[]string{"checks[1].target.selector: "}},
		{"every mistake", []lessons.Check{{Have: "(", Want: "1"}, {Have: "1", Want: "nope", Pass: "1"}},
			[]string{"checks[0].have: ", "checks[1].want: ", "checks[1].pass: "}},
	} {
		p, err := Compile(&lessons.Exercise{Checks: tc.checks})
		if err == nil || p != nil {
			t.Errorf("%s: Compile = %v, %v; want an error", tc.name, p, err)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not contain %q", tc.name, err, w)
			}
		}
		if n := strings.Count(err.Error(), "checks["); n != len(tc.want) {
			t.Errorf("%s: %d errors in %q, want %d", tc.name, n, err, len(tc.want))
		}
	}
}

func TestNamespaceIsReserved(t *testing.T) {
	// CEL reserves the word namespace, so the namespace is ns; this fails
	// if a CEL upgrade frees the word, and content could then use it.
	_, err := Compile(&lessons.Exercise{Checks: []lessons.Check{{Have: "namespace", Want: "ns"}}})
	if err == nil || !strings.Contains(err.Error(), "checks[0].have: ERROR: <input>:1:1: reserved identifier: namespace") {
		t.Errorf("Compile = %v, want namespace reserved", err)
	}
}

func TestCompileAcceptsDynamicPass(t *testing.T) {
	// A pass condition over dynamic values is only known to be bool when it
	// runs, so it compiles.
	_, err := Compile(&lessons.Exercise{Checks: []lessons.Check{{Have: "object.spec", Pass: "have.ready"}}})
	if err != nil {
		t.Fatal(err)
	}
}
