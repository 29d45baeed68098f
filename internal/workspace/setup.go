package workspace

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"

	"kanzen.dev/kanzen/lessons"
)

// setupObject is one document of an exercise's setup.
type setupObject struct {
	// doc counts the setup's objects from 1, skipping empty documents.
	doc      int
	obj      *unstructured.Unstructured
	resource schema.GroupVersionResource
}

func (o setupObject) String() string {
	name := o.obj.GetName()
	if name == "" {
		name = "without a name"
	}
	return fmt.Sprintf("document %d (%s %s)", o.doc, o.obj.GetKind(), name)
}

// setup decodes the exercise's setup objects for namespace and finds their
// resources. It creates nothing, so a broken setup is reported before the
// namespace is made.
func (c *cluster) setup(ex *lessons.Exercise, namespace string) ([]setupObject, error) {
	objs, err := decodeSetup(ex.Setup, namespace)
	if err != nil {
		return nil, fmt.Errorf("exercise %s setup, %w", ex.ID, err)
	}
	for i := range objs {
		o := &objs[i]
		gvk := o.obj.GroupVersionKind()
		m, err := c.mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
		if err != nil {
			return nil, fmt.Errorf("exercise %s setup, %s: %w", ex.ID, o, err)
		}
		if m.Scope.Name() != meta.RESTScopeNameNamespace {
			return nil, fmt.Errorf("exercise %s setup, %s: %s is cluster-scoped; setup may only make objects in the exercise's namespace", ex.ID, o, gvk.Kind)
		}
		o.resource = m.Resource
	}
	return objs, nil
}

// decodeSetup reads a YAML stream of objects, all to be made in namespace.
func decodeSetup(text, namespace string) ([]setupObject, error) {
	var objs []setupObject
	r := utilyaml.NewYAMLReader(bufio.NewReader(strings.NewReader(text)))
	for {
		data, err := r.Read()
		if errors.Is(err, io.EOF) {
			return objs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", len(objs)+1, err)
		}
		o, err := decodeObject(data, len(objs)+1, namespace)
		if err != nil {
			return nil, err
		}
		if o.obj != nil {
			objs = append(objs, o)
		}
	}
}

// decodeObject decodes one document; an empty one (only comments, or
// nothing between two separators) gives no object.
func decodeObject(data []byte, doc int, namespace string) (setupObject, error) {
	o := setupObject{doc: doc}
	js, err := yaml.YAMLToJSON(data)
	if err != nil {
		return o, fmt.Errorf("document %d: %w", doc, err)
	}
	if js = bytes.TrimSpace(js); bytes.Equal(js, []byte("null")) {
		return o, nil
	}
	obj := &unstructured.Unstructured{}
	if err := obj.UnmarshalJSON(js); err != nil {
		return o, fmt.Errorf("document %d: %w", doc, err)
	}
	o.obj = obj
	switch ns := obj.GetNamespace(); {
	case obj.GetAPIVersion() == "":
		return o, fmt.Errorf("%s: apiVersion is missing", o)
	case obj.GetName() == "" || obj.GetGenerateName() != "":
		return o, fmt.Errorf("%s: give metadata.name, and no generateName, so that a restart applies the same object", o)
	case ns != "" && ns != namespace:
		return o, fmt.Errorf("%s: is in namespace %q, but setup objects belong in the exercise's namespace %q", o, ns, namespace)
	}
	obj.SetNamespace(namespace)
	return o, nil
}

// apply makes or updates a setup object with server-side apply, returning
// it as the server stored it.
func (c *cluster) apply(ctx context.Context, o setupObject) (*unstructured.Unstructured, error) {
	applied, err := c.dynamic.Resource(o.resource).Namespace(o.obj.GetNamespace()).
		Apply(ctx, o.obj.GetName(), o.obj, metav1.ApplyOptions{FieldManager: FieldManager, Force: true})
	if err != nil {
		return nil, apiError(fmt.Sprintf("applying setup %s", o), err)
	}
	return applied, nil
}
