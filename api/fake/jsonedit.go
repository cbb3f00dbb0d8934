package fake

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
)

// field is one member of a JSON object.
type field struct {
	key   string
	value json.RawMessage
}

// objectFields splits a JSON object into its members, in order, so that an
// edit can keep the order the catalog wrote them in: decoding into a map
// would sort the keys and change every body a write touches.
func objectFields(obj []byte) ([]field, error) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, errors.New("not a JSON object")
	}
	var out []field
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := t.(string) // an object's keys are always strings
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, field{key, v})
	}
	return out, nil
}

// member returns the value of key in obj, if obj is an object that has it.
func member(obj []byte, key string) (json.RawMessage, bool) {
	fs, err := objectFields(obj)
	if err != nil {
		return nil, false
	}
	for _, f := range fs {
		if f.key == key {
			return f.value, true
		}
	}
	return nil, false
}

// editObject returns obj, compacted, with the members of set given new
// values (in place; appended in the order of set when absent) and the keys
// of drop removed; the other members keep their values and their order.
func editObject(obj []byte, set []field, drop ...string) ([]byte, error) {
	fs, err := objectFields(obj)
	if err != nil {
		return nil, err
	}
	done := make(map[string]bool)
	var buf bytes.Buffer
	buf.WriteByte('{')
	put := func(key string, v json.RawMessage) {
		if buf.Len() > 1 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(key) // a string always marshals
		buf.Write(k)
		buf.WriteByte(':')
		_ = json.Compact(&buf, v) // values came from a decoder or json.Marshal
	}
	for _, f := range fs {
		if slices.Contains(drop, f.key) || done[f.key] {
			continue
		}
		done[f.key] = true
		v := f.value
		if i := slices.IndexFunc(set, func(s field) bool { return s.key == f.key }); i >= 0 {
			v = set[i].value
		}
		put(f.key, v)
	}
	for _, s := range set {
		if !done[s.key] {
			put(s.key, s.value)
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// rawJSON marshals v. The callers pass strings, maps of strings and of such
// maps (a status_change event) and redactionResult, none of which can fail
// to marshal; a failure is a bug in the fake.
func rawJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
