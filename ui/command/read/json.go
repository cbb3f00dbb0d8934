package read

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/opencx-tools/cxi/api"
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
// custom_data.plan, or a field cxi does not know: tags, channel.id) in the
// session as the API sent it, and returns it as text: strings bare,
// numbers with the digits sent (9007199254740993 stays that), objects and
// arrays as one line of JSON in the order sent. ok is false when the
// session has no value there, absent or null, though the contract knows
// the path: a script must be able to tell that from a value, even an empty
// one. A path neither the session nor the contract has is a usage error.
func field(s *api.Session, path string) (value string, ok bool, err error) {
	doc, err := sessionJSON(s)
	if err != nil {
		return "", false, err
	}
	node := json.RawMessage(doc)
	session := reflect.TypeFor[api.Session]()
	for _, part := range strings.Split(path, ".") {
		b := bytes.TrimSpace(node)
		switch {
		case len(b) == 0 || b[0] == 'n': // null
			if knownPath(session, path) {
				return "", false, nil // inside a null or absent object: nothing to print
			}
			return "", false, command.Usagef("no field %q in %q", part, path)
		case b[0] == '{':
			var m map[string]json.RawMessage
			if err := json.Unmarshal(b, &m); err != nil {
				return "", false, err
			}
			next, ok := m[part]
			if !ok {
				if knownPath(session, path) {
					return "", false, nil // an optional field the contract allows to be absent
				}
				return "", false, command.Usagef("no field %q in %q (fields here: %s)", part, path, keys(m))
			}
			node = next
		case b[0] == '[':
			var l []json.RawMessage
			if err := json.Unmarshal(b, &l); err != nil {
				return "", false, err
			}
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(l) {
				return "", false, command.Usagef("%q in %q is not an index of a list of %d", part, path, len(l))
			}
			node = l[i]
		default:
			return "", false, command.Usagef("%q in %q: the value before it is not an object", part, path)
		}
	}
	text, kind := api.FormatValue(node)
	switch kind {
	case api.KindNull:
		return "", false, nil
	case api.KindOther:
		doc, err := render.CompactJSON(node)
		return doc, err == nil, err
	}
	for _, r := range text {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return "", false, unsafeValueError{}
		}
	}
	return text, true, nil
}

// sessionJSON is the session as the API sent it: every key, null and
// number literal, the fields cxi does not know, in the order sent. A
// session always carries that body once it came from the API (a GET, a
// list page, the store); one without (made by hand) is cxi's own encoding
// of it, the best there is.
func sessionJSON(s *api.Session) ([]byte, error) {
	if len(s.Raw) > 0 {
		return s.Raw, nil
	}
	return json.Marshal(s)
}

// keys names an object's fields for an error, sorted and sanitized (the
// names come from the API).
func keys(m map[string]json.RawMessage) string {
	var ks []string
	for k := range m {
		ks = append(ks, render.Line(k))
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
