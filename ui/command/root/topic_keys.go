package root

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/opencx-tools/cxi/ui"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/keys"
)

// signatures are the bindings in v, a key set (nested structs of
// key.Bindings), each by its keys.
func signatures(v any) map[string]bool {
	out := map[string]bool{}
	var walk func(reflect.Value)
	walk = func(rv reflect.Value) {
		if b, ok := rv.Interface().(key.Binding); ok {
			out[strings.Join(b.Keys(), " ")] = true
			return
		}
		if rv.Kind() == reflect.Struct {
			for i := range rv.NumField() {
				if rv.Type().Field(i).IsExported() {
					walk(rv.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(v))
	return out
}

// actsIn reports whether b acts in view v: where the view turns it on, and,
// for a scrolling key, where the view takes it (the queue moves by rows
// and has no half pages). The other keys are the root's, in every view
// Enable allows.
func actsIn(b config.Binding, own, scroll map[string]bool) bool {
	sig := strings.Join(b.Keys, " ")
	sig = strings.ReplaceAll(sig, "space", " ") // back to the key bubbletea reports, as signatures has it
	return b.Enabled && (!scroll[sig] || own[sig])
}

// keysTopic is `cxi help keys`: every binding of the default key map, by
// the action name [keys] remaps it with, and the views it acts in, from
// keys.Default() and the views' own EnableKeys (ui.KeysByView).
func keysTopic() string {
	var b strings.Builder
	b.WriteString(`Keys of the TUI

While the input has focus, every printable key types; the letter keys act
only when a view has focus. ? in the TUI shows the keys of the view in focus.
Each action below can be given other keys in config.toml's [keys] (cxi help
config): action = ["key", …] replaces its defaults, and the help shows them.

`)
	rows := config.Bindings(keys.Default())
	where := make([][]string, len(rows))
	scroll := signatures(keys.Default().ForScroll())
	views := ui.KeysByView(keys.Default())
	for _, v := range views {
		own := signatures(v.Own)
		for i, r := range config.Bindings(v.Keys) {
			if actsIn(r, own, scroll) {
				where[i] = append(where[i], v.Name)
			}
		}
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r.Action))
	}
	fmt.Fprintf(&b, "  %-*s  %-10s %-19s %s\n", width, "ACTION", "KEYS", "WHERE", "DOES")
	for i, r := range rows {
		w := strings.Join(where[i], ", ")
		if len(where[i]) == len(views) {
			w = "everywhere"
		}
		fmt.Fprintf(&b, "  %-*s  %-10s %-19s %s\n", width, r.Action, strings.Join(r.Keys, " "), w, r.Help)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
