package config

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	toml "github.com/pelletier/go-toml/v2"

	"github.com/opencx-tools/cxi/api/filter"
)

// SaveView writes v to the file at path as a [[views]] table, changing
// nothing else, as SaveActions does for the status menu's options: in
// place of the view called replace, each of its values set where it is
// written (its line, its comment stay) and the missing ones added under
// its header; or, with replace "", as a new [[views]] at the end. A file
// with no [[views]] shows views, the defaults: they are written first, so
// that saving one keeps the others. A missing file is created, private; a
// file Load would refuse is left alone, the error saying why.
func SaveView(path string, views []View, v View, replace string) error {
	return rewrite(path, "the view", func(doc []byte) ([]byte, error) { return setView(path, doc, views, v, replace) })
}

// setView is doc with v saved (see SaveView).
func setView(path string, doc []byte, views []View, v View, replace string) ([]byte, error) {
	if len(doc) > 0 && !bytes.HasSuffix(doc, []byte("\n")) {
		doc = append(doc[:len(doc):len(doc)], '\n')
	}
	spots, err := findViews(doc)
	if err != nil {
		return nil, err
	}
	var out []byte
	switch {
	case len(spots) == 0:
		// The tabs were the defaults: write them all, v among them.
		list := slices.Clone(views)
		if i := slices.IndexFunc(list, func(w View) bool { return replace != "" && strings.EqualFold(w.Name, replace) }); i >= 0 {
			v.Key = list[i].Key // saved back to a default view: its key stays
			list[i] = v
		} else {
			list = append(list, v)
		}
		out = appendViews(doc, list)
	case replace == "":
		out = appendViews(doc, []View{v})
	default:
		if out, err = setInPlace(path, doc, spots, v, replace); err != nil {
			return nil, err
		}
	}
	c, err := parse(path, out)
	if err != nil {
		return nil, fmt.Errorf("could not save the view %q in place (%v): add it by hand", v.Name, err)
	}
	if got, err := c.ViewNamed(v.Name); err != nil || !got.View.Same(v.View) {
		return nil, fmt.Errorf("could not save the view %q in place: add it by hand", v.Name)
	}
	return out, nil
}

// setInPlace sets the values of the [[views]] called replace to v's.
func setInPlace(path string, doc []byte, spots []viewSpot, v View, replace string) ([]byte, error) {
	var f file
	if err := toml.Unmarshal(doc, &f); err != nil {
		return nil, err
	}
	at := slices.IndexFunc(f.Views, func(w fileView) bool { return strings.EqualFold(strings.TrimSpace(w.Name), replace) })
	if at < 0 || at >= len(spots) {
		return nil, fmt.Errorf("%s has no view named %q any more", path, replace)
	}
	spot := spots[at]
	type edit struct {
		at, end int
		text    string
	}
	var edits []edit
	var missing strings.Builder
	for _, kv := range viewValues(v) {
		if kv.key == "name" || kv.key == "key" {
			continue // the view is found by its name; its key stays as written
		}
		if sp, ok := spot.keys[kv.key]; ok {
			edits = append(edits, edit{sp.start, sp.end, kv.value})
		} else if !kv.zero {
			fmt.Fprintf(&missing, "%s = %s\n", kv.key, kv.value)
		}
	}
	if missing.Len() > 0 {
		edits = append(edits, edit{spot.after, spot.after, missing.String()})
	}
	// Apply from the end, so that earlier offsets stay right.
	slices.SortFunc(edits, func(a, b edit) int { return cmp.Compare(a.at, b.at) })
	out := append([]byte(nil), doc...)
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		out = append(out[:e.at:e.at], append([]byte(e.text), out[e.end:]...)...)
	}
	return out, nil
}

// appendViews is doc with list added at its end as [[views]] tables.
func appendViews(doc []byte, list []View) []byte {
	out := append([]byte(nil), doc...)
	for _, v := range list {
		if len(out) > 0 {
			out = append(out, '\n')
		}
		out = append(out, "[[views]]\n"...)
		for _, kv := range viewValues(v) {
			if !kv.zero {
				out = append(out, kv.key+" = "+kv.value+"\n"...)
			}
		}
	}
	return out
}

// keyValue is one key of a [[views]] table, its value as TOML writes it,
// and whether it is the value that says nothing (any status, no team).
type keyValue struct {
	key, value string
	zero       bool
}

// viewValues is v as a [[views]] table's keys, in viewKeys' order.
func viewValues(v View) []keyValue {
	within := ""
	for name, d := range windowOf {
		if d == v.Filters.Window && d != 0 {
			within = name
		}
	}
	str := func(k, s string) keyValue { return keyValue{k, tomlString(s), s == ""} }
	flag := func(k string, b bool) keyValue { return keyValue{k, strconv.FormatBool(b), !b} }
	return []keyValue{
		str("name", v.Name),
		str("key", displayName(v.Key)),
		str("status", string(v.Filters.Status)),
		flag("handed_off", v.Filters.HandedOff),
		str("channel", string(v.Filters.Channel)),
		str("updated_within", within),
		flag("needs_attention", v.Attention),
		str("team", v.Team),
		str("text", v.Text),
		flag("changed_only", v.Changed),
	}
}

// tomlString is s as a TOML string, as go-toml writes one.
func tomlString(s string) string {
	b, err := toml.Marshal(map[string]string{"v": s})
	if err != nil {
		return strconv.Quote(s)
	}
	_, value, _ := strings.Cut(strings.TrimSpace(string(b)), " = ")
	return value
}

// ViewOf is a view called name with the settings v, for SaveView.
func ViewOf(name string, v filter.View) View { return View{Name: name, View: v} }
