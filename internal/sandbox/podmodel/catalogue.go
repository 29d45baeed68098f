// Package podmodel is the sandbox's container model: KWOK stages that move
// each Pod on a simulated node through the states a kubelet would give it,
// judged from an image catalogue kept as data (images.yaml). A tag that
// cannot exist fails to pull, a command that ends makes its container exit,
// a probe on a port the image does not listen on fails; the rest runs.
package podmodel

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"sigs.k8s.io/yaml"
)

//go:embed images.yaml
var imagesYAML []byte

// Image is what the model knows of one image repository.
type Image struct {
	Name         string   `json:"name"`
	Tags         string   `json:"tags"`
	Entrypoint   []string `json:"entrypoint,omitempty"`
	Cmd          []string `json:"cmd,omitempty"`
	Exec         bool     `json:"exec,omitempty"`
	Servers      []string `json:"servers,omitempty"`
	Ports        []int    `json:"ports,omitempty"`
	NeedsEnv     []string `json:"needsEnv,omitempty"`
	NeedsMessage string   `json:"needsMessage,omitempty"`
}

// Catalogue returns the images the model knows, checked: every tag pattern
// compiles and is anchored, no image is listed twice, and an image that
// needs an environment variable says what it prints without one.
func Catalogue() ([]Image, error) {
	var file struct {
		Images []Image `json:"images"`
	}
	if err := yaml.UnmarshalStrict(imagesYAML, &file); err != nil {
		return nil, fmt.Errorf("images.yaml: %w", err)
	}
	seen := map[string]bool{}
	for _, img := range file.Images {
		switch {
		case img.Name == "" || strings.Contains(img.Name, ":"):
			return nil, fmt.Errorf("images.yaml: %q: a name is a repository without a tag", img.Name)
		case seen[img.Name]:
			return nil, fmt.Errorf("images.yaml: %s is listed twice", img.Name)
		case !strings.HasPrefix(img.Tags, "^") || !strings.HasSuffix(img.Tags, "$"):
			return nil, fmt.Errorf("images.yaml: %s: tags must match whole tags (^...$)", img.Name)
		case len(img.NeedsEnv) > 0 && img.NeedsMessage == "":
			return nil, fmt.Errorf("images.yaml: %s: needsEnv without needsMessage", img.Name)
		case len(img.Ports) > 0 && len(img.Servers) == 0:
			return nil, fmt.Errorf("images.yaml: %s: ports without servers to listen on them", img.Name)
		}
		if _, err := regexp.Compile(img.Tags); err != nil {
			return nil, fmt.Errorf("images.yaml: %s: tags: %w", img.Name, err)
		}
		seen[img.Name] = true
	}
	return file.Images, nil
}

// catalogueJSON is the catalogue as the plan template reads it: an object
// keyed by repository.
func catalogueJSON(images []Image) (string, error) {
	byName := map[string]Image{}
	for _, img := range images {
		byName[img.Name] = img
	}
	data, err := json.Marshal(byName)
	if err != nil {
		return "", err
	}
	if strings.Contains(string(data), "`") {
		return "", fmt.Errorf("images.yaml: a backquote would end the template's raw string")
	}
	return string(data), nil
}
