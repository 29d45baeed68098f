package progress

import (
	"bytes"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
)

// unknownFields are the fields of a JSON object that this kanzen does not
// know, kept as written: a newer kanzen of the same format version may have
// added them, and a save must not drop them. They are held as the text of a
// JSON object, empty when there are none, so that the records holding them
// can still be compared with ==.
type unknownFields string

// decodeKeeping decodes data into v, a pointer to a struct, and returns the
// fields v's type does not know.
func decodeKeeping(data []byte, v any) (unknownFields, error) {
	if err := json.Unmarshal(data, v); err != nil {
		return "", err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil || all == nil {
		return "", err
	}
	known := jsonNames(reflect.TypeOf(v).Elem())
	for name := range all {
		// encoding/json matches names without regard to case.
		if slices.ContainsFunc(known, func(k string) bool { return strings.EqualFold(k, name) }) {
			delete(all, name)
		}
	}
	if len(all) == 0 {
		return "", nil
	}
	text, err := json.Marshal(all)
	return unknownFields(text), err
}

// encodeKeeping encodes v, a struct, with the unknown fields after its own,
// so that the file keeps its known fields first and in their order.
func encodeKeeping(v any, fields unknownFields) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil || fields == "" {
		return data, err
	}
	var unknown map[string]json.RawMessage
	if err := json.Unmarshal([]byte(fields), &unknown); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write(data[:len(data)-1]) // Without the closing brace.
	sep := ","
	if bytes.Equal(data, []byte("{}")) {
		sep = ""
	}
	for _, name := range slices.Sorted(maps.Keys(unknown)) {
		key, _ := json.Marshal(name)
		b.WriteString(sep)
		b.Write(key)
		b.WriteByte(':')
		b.Write(unknown[name])
		sep = ","
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// jsonNames lists the JSON field names of a struct type.
func jsonNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		names = append(names, name)
	}
	return names
}
