package cli

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/render"
)

// unsafeValueError is a --field value that holds a control character:
// printed raw into `$(…)` it could run or hide something. It exits as
// unreadable data does.
type unsafeValueError struct{}

func (unsafeValueError) Error() string {
	return "the value contains a control character and is not printed raw; use --json to see it escaped"
}

// ExitCode is command.ExitBadData.
func (unsafeValueError) ExitCode() int { return command.ExitBadData }

// field finds a dotted path (ticketing_system.external_id, contact.email,
// custom_data.plan) in v's JSON form and returns it as text: strings bare,
// numbers as sent, objects and arrays as JSON. ok is false when v has no
// value there, absent or null, though the contract knows the path: a script
// must be able to tell that from a value, even an empty one.
func field(v any, path string) (value string, ok bool, err error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return "", false, err
	}
	var node any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&node); err != nil {
		return "", false, err
	}
	for _, part := range strings.Split(path, ".") {
		switch n := node.(type) {
		case map[string]any:
			next, ok := n[part]
			if !ok {
				if knownPath(reflect.TypeOf(v), path) {
					return "", false, nil // an optional field the contract allows to be absent
				}
				return "", false, command.Usagef("no field %q in %q (fields here: %s)", part, path, keys(n))
			}
			node = next
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(n) {
				return "", false, command.Usagef("%q in %q is not an index of a list of %d", part, path, len(n))
			}
			node = n[i]
		case nil:
			if knownPath(reflect.TypeOf(v), path) {
				return "", false, nil // inside a null or absent object: nothing to print
			}
			return "", false, command.Usagef("no field %q in %q", part, path)
		default:
			return "", false, command.Usagef("%q in %q: the value before it is not an object", part, path)
		}
	}
	var s string
	switch n := node.(type) {
	case nil:
		return "", false, nil
	case string:
		s = n
	case json.Number:
		s = n.String()
	case bool:
		s = strconv.FormatBool(n)
	default:
		doc, err := render.JSONLine(n)
		return doc, err == nil, err
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return "", false, unsafeValueError{}
		}
	}
	return s, true, nil
}

func keys(m map[string]any) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	if len(ks) == 0 {
		return "none"
	}
	slices.Sort(ks)
	return strings.Join(ks, ", ")
}

// knownPath reports whether a dotted JSON path names a field of t (by its
// json tags), so that an absent optional field is "no value" (its own exit
// code) rather than a misspelt path. Map fields (custom data) accept any key.
func knownPath(t reflect.Type, path string) bool {
	for _, part := range strings.Split(path, ".") {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Map:
			t = t.Elem()
			continue
		case reflect.Struct:
		default:
			return false
		}
		found := false
		for i := range t.NumField() {
			f := t.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name == part {
				t, found = f.Type, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
