package config

import (
	"reflect"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"

	"github.com/opencx-tools/cxi/ui/keys"
)

// action is one remappable binding: a key.Binding field of keys.Map.
type action struct {
	name  string // snake_case of the field name: "copy_external_id"
	field int    // index of the field in keys.Map
}

// actions are keys.Map's bindings in field order, found by reflection so
// that a binding added to the KeyMap can be remapped without a change here.
var actions = keyMapActions()

func keyMapActions() []action {
	t := reflect.TypeFor[keys.Map]()
	binding := reflect.TypeFor[key.Binding]()
	var out []action
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && f.Type == binding {
			out = append(out, action{name: snakeCase(f.Name), field: i})
		}
	}
	return out
}

// Actions returns the action names [keys] accepts, in keys.Map's order.
func Actions() []string {
	names := make([]string, len(actions))
	for i, a := range actions {
		names[i] = a.name
	}
	return names
}

func findAction(name string) (action, bool) {
	for _, a := range actions {
		if a.name == name {
			return a, true
		}
	}
	return action{}, false
}

// snakeCase turns a Go field name into a config name: CopyExternalID →
// copy_external_id, HalfPageUp → half_page_up. An underscore goes before an
// upper-case letter that follows a lower-case one or a digit, or that starts
// a word after an acronym (the "P" of "IDPrefix").
func snakeCase(s string) string {
	r := []rune(s)
	var b strings.Builder
	for i, c := range r {
		if i > 0 && unicode.IsUpper(c) {
			prev := r[i-1]
			nextLower := i+1 < len(r) && unicode.IsLower(r[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

// Binding is one action of [keys] as the config file spells it.
type Binding struct {
	Action string   // "copy_external_id"
	Keys   []string // as [keys] takes them: "space", not " "
	Help   string   // what the help says it does
	// Enabled is whether the binding acts in km as it is: each view turns
	// off those that do nothing in it (its EnableKeys).
	Enabled bool
}

// Bindings are km's bindings by action name, in keys.Map's order: what
// `cxi help keys` and `cxi help config` list, from the key map itself.
func Bindings(km keys.Map) []Binding {
	v := reflect.ValueOf(km)
	out := make([]Binding, len(actions))
	for i, a := range actions {
		b := v.Field(a.field).Interface().(key.Binding)
		names := make([]string, len(b.Keys()))
		for j, k := range b.Keys() {
			names[j] = displayName(k)
		}
		out[i] = Binding{Action: a.name, Keys: names, Help: b.Help().Desc, Enabled: b.Enabled()}
	}
	return out
}
