package config

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/keys"
)

// View is one saved view of the queue, a tab above it: [[views]] in the
// config file, or one of DefaultViews when the file has none.
type View struct {
	Name string
	Key  string // its own key, as key.Binding matches it (" " for "space"); "" for none
	filter.View
}

// fileView is one [[views]] table as written. The queue's settings have the
// same keys as [queue]; omitempty keeps a view written by SaveView as short
// as the user would write it.
type fileView struct {
	Name           string `toml:"name"`
	Key            string `toml:"key,omitempty"`
	Status         string `toml:"status,omitempty"`
	HandedOff      bool   `toml:"handed_off,omitempty"`
	Channel        string `toml:"channel,omitempty"`
	UpdatedWithin  string `toml:"updated_within,omitempty"`
	NeedsAttention bool   `toml:"needs_attention,omitempty"`
	Team           string `toml:"team,omitempty"`
	Text           string `toml:"text,omitempty"`
	ChangedOnly    bool   `toml:"changed_only,omitempty"`
}

// viewKeys are the keys a [[views]] table takes, for "unknown key" messages.
var viewKeys = []string{"name", "key", "status", "handed_off", "channel", "updated_within", "needs_attention", "team", "text", "changed_only"}

// DefaultViews are the views cxi shows when the config file has no
// [[views]]: what a lead looks at first, and everything.
func DefaultViews() []View {
	return []View{
		// The needs-attention order puts the handed off and unresolved
		// first; the list has no "not resolved" filter, so the handed off
		// and resolved follow them, at the bottom.
		{Name: "Needs attention", Key: "1", View: filter.View{Filters: filter.Filters{HandedOff: true}, Attention: true}},
		{Name: "Open", Key: "2", View: filter.View{Filters: filter.Filters{Status: api.StatusOpen}}},
		{Name: "Changed since I looked", Key: "3", View: filter.View{Changed: true}},
		{Name: "All", Key: "4"},
	}
}

// ViewsOrDefault is the file's views, or DefaultViews when it has none.
func (c Config) ViewsOrDefault() []View {
	if len(c.Views) == 0 {
		return DefaultViews()
	}
	return c.Views
}

// ViewNamed is the view called name (any case), among ViewsOrDefault;
// the error names the views there are.
func (c Config) ViewNamed(name string) (View, error) {
	views := c.ViewsOrDefault()
	for _, v := range views {
		if strings.EqualFold(v.Name, strings.TrimSpace(name)) {
			return v, nil
		}
	}
	names := make([]string, len(views))
	for i, v := range views {
		names[i] = fmt.Sprintf("%q", v.Name)
	}
	return View{}, fmt.Errorf("no view named %q (the views: %s)", name, strings.Join(names, ", "))
}

// viewSpot is where one [[views]] table is in the file: its header's line
// and the offset after it, and each key's line and value's byte range.
type viewSpot struct {
	table bool // written [views], one pair of brackets: a table, not one of an array
	line  int
	after int // after the header's line, or its last key's: where a key goes
	keys  map[string]viewValue
}

type viewValue struct {
	line       int
	start, end int
}

// findViews walks doc for its [[views]] tables, in order. go-toml keeps no
// positions once it decoded, so the file is parsed again, as findLines does.
func findViews(doc []byte) ([]viewSpot, error) {
	var spots []viewSpot
	var p unstable.Parser
	p.Reset(doc)
	in := false
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			path, first := keyPath(nil, e.Key())
			in = slices.Equal(path, []string{"views"}) && first != nil
			if in {
				start := int(first.Raw.Offset)
				after := len(doc)
				if nl := bytes.IndexByte(doc[start:], '\n'); nl >= 0 {
					after = start + nl + 1
				}
				spots = append(spots, viewSpot{table: e.Kind == unstable.Table, line: p.Shape(first.Raw).Start.Line, after: after, keys: map[string]viewValue{}})
			}
		case unstable.KeyValue:
			if !in {
				continue
			}
			path, first := keyPath(nil, e.Key())
			if len(path) != 1 || first == nil {
				continue
			}
			v := e.Value()
			spot := &spots[len(spots)-1]
			end := int(v.Raw.Offset + v.Raw.Length)
			spot.keys[path[0]] = viewValue{line: p.Shape(first.Raw).Start.Line, start: int(v.Raw.Offset), end: end}
			spot.after = len(doc)
			if nl := bytes.IndexByte(doc[end:], '\n'); nl >= 0 {
				spot.after = end + nl + 1 // past a comment after the value
			}
		}
	}
	return spots, p.Error()
}

// setViews checks the file's [[views]] into c.Views: each needs a name,
// unique in any case; its key is a valid key name, its own; its queue
// settings are checked as [queue]'s are, with the same words.
func (c *Config) setViews(f file, doc []byte, p *problems) {
	if len(f.Views) == 0 {
		return
	}
	spots, _ := findViews(doc) // the decoder accepted doc: it parses
	c.viewSpots = spots
	for _, sp := range spots {
		if sp.table {
			p.add(sp.line, "[views] is one table: write [[views]], two brackets, above each view")
			return
		}
	}
	lineOf := func(i int, k string) int {
		if i >= len(spots) {
			return 0
		}
		if v, ok := spots[i].keys[k]; ok {
			return v.line
		}
		return spots[i].line
	}
	seen := map[string]int{}   // folded name → line
	keysAt := map[string]int{} // key → line
	for i, fv := range f.Views {
		at := func(k string) int { return lineOf(i, k) }
		v := View{Name: strings.TrimSpace(fv.Name)}
		switch first, dup := seen[strings.ToLower(v.Name)]; {
		case v.Name == "":
			p.add(at("name"), `[[views]] number %d has no name: add name = "…"`, i+1)
		case strings.ContainsFunc(v.Name, func(r rune) bool { return r < ' ' || r == 0x7f }):
			p.add(at("name"), "view name %q has a control character", v.Name)
		case dup:
			p.add(at("name"), "a second view named %q (the first is on line %d): view names must differ", v.Name, first)
		default:
			seen[strings.ToLower(v.Name)] = at("name")
		}
		if fv.Key != "" {
			k, err := keyName(fv.Key)
			if err != nil {
				p.add(at("key"), "view %q: %v", v.Name, err)
			} else if first, dup := keysAt[k]; dup {
				p.add(at("key"), "view %q: key %q is also the key of the view on line %d", v.Name, fv.Key, first)
			} else {
				keysAt[k] = at("key")
				v.Key = k
			}
		}
		v.Filters = queueFilters(fv.Status, fv.HandedOff, fv.Channel, fv.UpdatedWithin, at, p)
		v.Attention, v.Team, v.Text, v.Changed = fv.NeedsAttention, strings.TrimSpace(fv.Team), fv.Text, fv.ChangedOnly
		c.Views = append(c.Views, v)
	}
}

// queueFilters checks the server-side filters as [queue] and [[views]]
// write them; at gives the line of a key.
func queueFilters(status string, handedOff bool, channel, within string, at func(string) int, p *problems) filter.Filters {
	if s := api.Status(status); s != "" && !s.Known() {
		p.add(at("status"), "status %q is not one of %s (leave it out for any status)", status, quoteAll(statuses))
	}
	if ch := api.ChannelType(channel); ch != "" && !ch.Known() {
		p.add(at("channel"), "channel %q is not one of %s (leave it out for any channel)", channel, quoteAll(api.Channels()))
	}
	window, ok := windowOf[within]
	if within != "" && !ok {
		p.add(at("updated_within"), "updated_within %q is not one of %s (leave it out for any time)", within, quoteAll(windows))
	}
	return filter.Filters{Status: api.Status(status), HandedOff: handedOff, Channel: api.ChannelType(channel), Window: window}
}

// CheckViewKeys reports a view's key that km, as remapped, gives an
// action of the queue already: the queue would never see it as the view's.
func (c Config) CheckViewKeys(km keys.Map) error {
	p := &problems{path: c.Path}
	spots := c.viewSpots
	for i, v := range c.Views {
		if v.Key == "" {
			continue
		}
		for _, b := range Bindings(km) {
			if slices.Contains(b.Keys, displayName(v.Key)) {
				line := 0
				if i < len(spots) {
					line = spots[i].keys["key"].line
				}
				p.add(line, "view %q: key %q is bound to %s; pick another key, or rebind %s in [keys]", v.Name, displayName(v.Key), b.Action, b.Action)
			}
		}
	}
	return p.err()
}

// ViewBinding is a view's own key as a binding, for the tabs; a zero
// binding when it has none.
func ViewBinding(v View) key.Binding {
	if v.Key == "" {
		return key.Binding{}
	}
	return key.NewBinding(key.WithKeys(v.Key), key.WithHelp(displayName(v.Key), v.Name))
}
