package config

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/opencx-tools/cxi/ui/keys"
)

// remap is one [keys] entry, checked: the keys as key.Binding matches them,
// and for each the line it is written on.
type remap struct {
	action action
	keys   []string
	lines  []int
}

// checkKeys checks every [keys] entry and returns the remaps, in the order
// they are written, with a problem for each unknown action, empty list and
// invalid key name.
func checkKeys(keys map[string][]string, l lines, p *problems) []remap {
	names := make([]string, 0, len(keys))
	for name := range keys {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(l.at("keys."+a), l.at("keys."+b)), cmp.Compare(a, b))
	})
	var out []remap
	for _, name := range names {
		path := "keys." + name
		a, ok := findAction(name)
		if !ok {
			p.add(l.at(path), "unknown action %q in [keys] (actions: %s)", name, strings.Join(Actions(), ", "))
			continue
		}
		list := keys[name]
		if len(list) == 0 {
			p.add(l.at(path), "%s needs at least one key", name)
			continue
		}
		r := remap{action: a}
		bad := false
		for i, written := range list {
			k, err := keyName(written)
			if err != nil {
				p.add(l.elem(path, i), "%s: %v", name, err)
				bad = true
				continue
			}
			if !slices.Contains(r.keys, k) { // "space" and " " are one key
				r.keys = append(r.keys, k)
				r.lines = append(r.lines, l.elem(path, i))
			}
		}
		if !bad {
			out = append(out, r)
		}
	}
	return out
}

// ApplyKeys remaps km's bindings from c.Keys, keeping each binding's help
// description and enabled state and showing the new keys in its help key
// ("ctrl+y", or "y/ctrl+y" for several). It fails, changing nothing, on an
// unknown action name, an empty list, an invalid key name, or a key bound to
// two actions after the remap, across the whole KeyMap; each problem names
// its config line:
//
//	config.toml:14: key "s" for transcript is also bound to status by default; rebind status too, or pick another key
//
// Two default bindings sharing a key are the program's choice, not the
// config's, and are not reported.
func (c Config) ApplyKeys(km *keys.Map) error {
	p := &problems{path: c.Path}
	remaps := checkKeys(c.Keys, c.lines, p)
	if err := p.err(); err != nil {
		return err
	}
	out := *km
	v := reflect.ValueOf(&out).Elem()
	byField := map[int]remap{}
	for _, r := range remaps {
		b := v.Field(r.action.field).Addr().Interface().(*key.Binding)
		help := make([]string, len(r.keys))
		for i, k := range r.keys {
			help[i] = keys.HelpName(k)
		}
		b.SetKeys(r.keys...)
		b.SetHelp(strings.Join(help, "/"), b.Help().Desc)
		byField[r.action.field] = r
	}
	conflicts(v, byField, p)
	if err := p.err(); err != nil {
		return err
	}
	*km = out
	return nil
}

// conflicts reports every key that two bindings share where at least one of
// them comes from the config. A zero binding has no keys and shares none.
func conflicts(v reflect.Value, byField map[int]remap, p *problems) {
	type owner struct {
		action   string
		remapped bool // bound by the config
		line     int  // the config line binding the key, when known
	}
	owners := map[string]owner{}
	for _, a := range actions {
		b := v.Field(a.field).Interface().(key.Binding)
		r, remapped := byField[a.field]
		for i, k := range b.Keys() {
			here := owner{action: a.name, remapped: remapped}
			if remapped {
				here.line = r.lines[i]
			}
			first, taken := owners[k]
			if !taken {
				owners[k] = here
				continue
			}
			switch {
			case first.action == here.action || (!first.remapped && !here.remapped):
				// a default listing a key twice, or two defaults sharing
				// one: not the config's doing
			case !first.remapped || !here.remapped:
				conf, def := here, first
				if !here.remapped {
					conf, def = first, here
				}
				p.add(conf.line, "key %q for %s is also bound to %s by default; rebind %s too, or pick another key",
					displayName(k), conf.action, def.action, def.action)
			default:
				early, late := first, here
				if late.line < early.line {
					early, late = late, early
				}
				where := ""
				if early.line > 0 {
					where = fmt.Sprintf(" (line %d)", early.line)
				}
				p.add(late.line, "key %q for %s is also bound to %s%s", displayName(k), late.action, early.action, where)
			}
		}
	}
}
