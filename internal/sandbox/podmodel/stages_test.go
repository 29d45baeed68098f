package podmodel

import (
	"os"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

func TestCatalogueLoads(t *testing.T) {
	images, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	if len(images) < 8 {
		t.Fatalf("the catalogue has %d images", len(images))
	}
}

func TestStagesAreKwokDocuments(t *testing.T) {
	data, fingerprint, err := Stages()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), fingerprint) {
		t.Errorf("the stages do not carry their fingerprint %s", fingerprint)
	}
	if path := os.Getenv("PODMODEL_DUMP"); path != "" {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	names := map[string]bool{}
	for _, doc := range strings.Split(string(data), "\n---\n") {
		var obj struct {
			Kind     string `json:"kind"`
			Metadata struct {
				Name string `json:"name"`
			} `json:"metadata"`
		}
		if err := yaml.Unmarshal([]byte(doc), &obj); err != nil {
			t.Fatalf("%v\n%s", err, doc)
		}
		if obj.Kind != "Stage" || obj.Metadata.Name == "" || names[obj.Metadata.Name] {
			t.Fatalf("kind %q, name %q (seen before: %v)", obj.Kind, obj.Metadata.Name, names[obj.Metadata.Name])
		}
		names[obj.Metadata.Name] = true
	}
	for _, want := range []string{"kanzen-node-ready", "kanzen-pod-create", "kanzen-container-pull-back-off", "kanzen-pod-delete"} {
		if !names[want] {
			t.Errorf("no stage %s among %v", want, names)
		}
	}
}
