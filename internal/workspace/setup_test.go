package workspace

import (
	"strings"
	"testing"
)

func TestNamespace(t *testing.T) {
	for id, want := range map[string]string{"2.1": "kz-2-1", "10.12": "kz-10-12"} {
		if got := Namespace(id); got != want {
			t.Errorf("Namespace(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestDecodeSetupSkipsEmptyDocuments(t *testing.T) {
	const text = `---
# The app's settings.
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  replicas: "3"
---
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: kz-2-1}
spec:
  replicas: 2
`
	objs, err := decodeSetup(text, "kz-2-1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range objs {
		got = append(got, o.String()+" in "+o.obj.GetNamespace())
	}
	want := []string{"document 1 (ConfigMap settings) in kz-2-1", "document 2 (Deployment web) in kz-2-1"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Fatalf("got %q, want %q", got, want)
	}
	if replicas := objs[1].obj.Object["spec"].(map[string]any)["replicas"]; replicas != int64(2) {
		t.Fatalf("replicas decoded as %T %v, want int64 2", replicas, replicas)
	}
	if objs, err := decodeSetup("", "kz-2-1"); err != nil || len(objs) != 0 {
		t.Fatalf("empty setup: got %v, %v", objs, err)
	}
}

func TestDecodeSetupRejectsBadDocuments(t *testing.T) {
	const cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\n"
	for text, want := range map[string]string{
		cm + "apiVersion: v1\nkind: Secret\nmetadata: {name: key, namespace: default}": `document 2 (Secret key): is in namespace "default", but setup objects belong in the exercise's namespace "kz-2-1"`,
		cm + "apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: x-}":           "document 2 (ConfigMap without a name): give metadata.name",
		cm + "kind: ConfigMap\nmetadata: {name: a}":                                    "document 2 (ConfigMap a): apiVersion is missing",
		cm + "apiVersion: v1\nmetadata: {name: a}":                                     "document 2: Object 'Kind' is missing",
		cm + "apiVersion: v1\n  kind: : x":                                             "document 2: yaml: line 2",
	} {
		_, err := decodeSetup(text, "kz-2-1")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("setup\n%s\ngot error %v, want one containing %q", text, err, want)
		}
	}
}
