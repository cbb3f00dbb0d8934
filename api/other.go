package api

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
)

// OtherField is a field the API sent that Session does not decode: the API
// is 1.0-beta and adds fields (tags, channel.id) before the contract names
// them, and a support lead should see them rather than lose them.
type OtherField struct {
	Path  string          // dotted, from the session: "tags", "channel.id", "contact.foo"
	Value json.RawMessage // as sent
}

// OtherFields lists the fields of the session as sent (Raw) that cxi does
// not know, at the top and inside the objects it decodes (contact,
// channel, team, handoff, ticketing_system), in the order sent. Custom data
// is not among them: any key is allowed there, and it has its own panels.
// nil without a Raw, or when there is nothing unknown.
func (s *Session) OtherFields() []OtherField {
	if len(s.Raw) == 0 {
		return nil
	}
	return otherFields(s.Raw, reflect.TypeFor[Session](), "")
}

var unmarshaler = reflect.TypeFor[json.Unmarshaler]()

// otherFields walks one object of raw against the struct t that decodes it.
func otherFields(raw json.RawMessage, t reflect.Type, prefix string) []OtherField {
	known := jsonFields(t)
	var out []OtherField
	for _, m := range members(raw) {
		ft, ok := known[m.name]
		if !ok {
			out = append(out, OtherField{Path: prefix + m.name, Value: m.value})
			continue
		}
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		// Only plain structs are walked: a map (custom data) takes any key,
		// and a type with its own decoding (Timestamp, Number) is a value.
		if ft.Kind() == reflect.Struct && !reflect.PointerTo(ft).Implements(unmarshaler) {
			out = append(out, otherFields(m.value, ft, prefix+m.name+".")...)
		}
	}
	return out
}

// jsonFields maps the JSON names of t's fields to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	fields := make(map[string]reflect.Type, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = f.Type
	}
	return fields
}

type member struct {
	name  string
	value json.RawMessage
}

// members are the name/value pairs of a JSON object in the order sent; nil
// when raw is not an object (null, or a value of another type, which the
// session's decoding has already dealt with). A name sent twice counts
// once, with its last value, as encoding/json decodes it.
func members(raw json.RawMessage) []member {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil
	}
	var out []member
	at := map[string]int{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		name, _ := tok.(string)
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return out
		}
		if i, ok := at[name]; ok {
			out[i].value = value
			continue
		}
		at[name] = len(out)
		out = append(out, member{name, value})
	}
	return out
}
