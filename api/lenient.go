package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// decodeLenient decodes the JSON object raw into the struct out points to,
// one field at a time. The analytics answers come from a page's example
// only (x-derived-from-example): a field of an unexpected type is left at
// its zero value and named in the problems returned, so that one odd
// field never hides the rest of the answer. Unknown fields are ignored
// (the body as sent is kept beside the decoded value), null and absent
// fields stay zero. Nested structs, pointers to them and slices of them
// are decoded the same way; an element of a slice that is not an object
// is left out and named. It fails only when raw is not a JSON object.
func decodeLenient(raw []byte, out any) ([]string, error) {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		panic("decodeLenient needs a pointer to a struct")
	}
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || t[0] != '{' {
		return nil, fmt.Errorf("expected a JSON object, got %s", jsonKind(t))
	}
	if !json.Valid(t) {
		return nil, decodeError(json.Unmarshal(t, new(any)), t)
	}
	var problems []string
	lenientStruct(t, v.Elem(), "", &problems)
	return problems, nil
}

// lenientStruct decodes the members of the object raw into the fields of
// the struct v, by their json tags.
func lenientStruct(raw json.RawMessage, v reflect.Value, prefix string, problems *[]string) {
	fields := map[string]int{}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" || name == "" {
			continue
		}
		fields[name] = i
	}
	for _, m := range members(raw) {
		i, ok := fields[m.name]
		if !ok || bytes.Equal(bytes.TrimSpace(m.value), []byte("null")) {
			continue
		}
		lenientValue(m.value, v.Field(i), prefix+m.name, problems)
	}
}

// lenientValue decodes one value into v, leniently where v is a struct,
// a pointer to one or a slice of them, and plainly otherwise.
func lenientValue(raw json.RawMessage, v reflect.Value, path string, problems *[]string) {
	t := v.Type()
	switch {
	case t.Kind() == reflect.Pointer && plainStruct(t.Elem()):
		if !isObject(raw) {
			*problems = append(*problems, fmt.Sprintf("%s: expected an object, got %s", path, jsonKind(raw)))
			return
		}
		p := reflect.New(t.Elem())
		lenientStruct(raw, p.Elem(), path+".", problems)
		v.Set(p)
	case plainStruct(t):
		if !isObject(raw) {
			*problems = append(*problems, fmt.Sprintf("%s: expected an object, got %s", path, jsonKind(raw)))
			return
		}
		lenientStruct(raw, v, path+".", problems)
	case t.Kind() == reflect.Slice && (plainStruct(t.Elem()) || t.Elem().Kind() == reflect.Pointer && plainStruct(t.Elem().Elem())):
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			*problems = append(*problems, fmt.Sprintf("%s: expected an array, got %s", path, jsonKind(raw)))
			return
		}
		s := reflect.MakeSlice(t, 0, len(items))
		for i, item := range items {
			e := reflect.New(t.Elem()).Elem()
			lenientValue(item, e, fmt.Sprintf("%s[%d]", path, i), problems)
			if isObject(item) {
				s = reflect.Append(s, e)
			}
		}
		v.Set(s)
	default:
		p := reflect.New(t)
		if err := json.Unmarshal(raw, p.Interface()); err != nil {
			*problems = append(*problems, fmt.Sprintf("%s: expected %s, got %s", path, describeGo(t), jsonKind(raw)))
			return
		}
		v.Set(p.Elem())
	}
}

// plainStruct is a struct decoded field by field: not one with its own
// decoding (Timestamp), which is a value.
func plainStruct(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && !reflect.PointerTo(t).Implements(unmarshaler)
}

func isObject(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) > 0 && t[0] == '{'
}

// jsonKind names the kind of a JSON value for a problem's message.
func jsonKind(raw []byte) string {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 {
		return "nothing"
	}
	switch t[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// describeGo names what a Go type takes, in the contract's words.
func describeGo(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Float64, reflect.Float32, reflect.Int, reflect.Int64:
		return "a number"
	case reflect.Bool:
		return "a boolean"
	case reflect.Slice:
		return "an array of " + strings.TrimPrefix(describeGo(t.Elem()), "a ") + "s"
	case reflect.Struct:
		if t == reflect.TypeFor[Timestamp]() {
			return "a date-time string"
		}
		return "a " + t.Name()
	}
	return t.String()
}
