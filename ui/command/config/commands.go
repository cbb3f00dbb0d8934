package config

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/useraction/expand"
)

// Command is one [[commands]] entry, checked: a user-defined action that
// hands a session to another tool, by opening URL in the browser or by
// running Run (an argument list, never a shell), with the session's fields
// as placeholders (ui/useraction/expand).
type Command struct {
	Name    string   // name: as the menu and the command line know it
	Key     string   // key: as tea.KeyMsg.String() reports it; "" for none
	URL     string   // url: a template opened in the browser
	Run     []string // run: an argument list, the program first
	Write   bool     // write = true: it changes something, so read-only refuses it
	Confirm bool     // confirm = true: asked before it runs
	Line    int      // the line of its [[commands]] header

	keyLine int
}

// fileCommand is one [[commands]] table as written.
type fileCommand struct {
	Name    string   `toml:"name"`
	Key     string   `toml:"key"`
	URL     string   `toml:"url"`
	Run     []string `toml:"run"`
	Write   bool     `toml:"write"`
	Confirm bool     `toml:"confirm"`
}

// commandKeys are the keys a [[commands]] table accepts.
var commandKeys = []string{"name", "key", "url", "run", "write", "confirm"}

// commandWants are what each key must be, for type errors.
var commandWants = map[string]string{
	"commands":         "an array of tables: [[commands]]",
	"commands.name":    `a string such as "zendesk"`,
	"commands.key":     `a string such as "Z" or "ctrl+o"`,
	"commands.url":     `a string such as "https://acme.zendesk.com/agent/tickets/{external_id}"`,
	"commands.run":     `a list of strings such as ["zendesk-cli", "ticket", "{external_id}"]`,
	"commands.write":   "true or false",
	"commands.confirm": "true or false",
}

// checkCommands checks every [[commands]] entry: a name, unique; exactly
// one of url and run; templates whose placeholders are known; a valid key
// no other command takes. Whether the key is free of cxi's own bindings
// is CheckCommandKeys's to say, once the [keys] remaps are applied.
func checkCommands(list []fileCommand, at []map[string]int, p *problems) []Command {
	var out []Command
	names := map[string]int{}
	keyOwner := map[string]Command{}
	for i, f := range list {
		l := map[string]int{}
		if i < len(at) {
			l = at[i]
		}
		line := func(k string) int { return max(l[k], l[""]) }
		c := Command{Name: f.Name, URL: f.URL, Run: f.Run, Write: f.Write, Confirm: f.Confirm, Line: l[""], keyLine: line("key")}
		ok := true
		bad := func(k, format string, args ...any) { p.add(line(k), format, args...); ok = false }
		switch first, dup := names[f.Name]; {
		case strings.TrimSpace(f.Name) == "":
			bad("name", "[[commands]] needs a name, such as name = %q", "zendesk")
		case strings.ContainsFunc(f.Name, func(r rune) bool { return r < ' ' || r == 0x7f }):
			bad("name", "command name %q has a control character", f.Name)
		case dup:
			bad("name", "command name %q is also the name of the command on line %d", f.Name, first)
		default:
			names[f.Name] = line("name")
		}
		_, hasRun := l["run"]
		switch {
		case f.URL != "" && (hasRun || f.Run != nil):
			bad("run", "command %q has both url and run: give it one", f.Name)
		case f.URL != "":
			if _, err := expand.ParseURL(f.URL); err != nil {
				bad("url", "command %q: %v", f.Name, err)
			}
		case hasRun || f.Run != nil:
			if _, err := expand.ParseArgs(f.Run); err != nil {
				bad("run", "command %q: %v", f.Name, err)
			}
		default:
			bad("", "command %q needs a url (opened in the browser) or a run (a program and its arguments)", f.Name)
		}
		if f.Key != "" {
			k, err := keyName(f.Key)
			switch other, taken := keyOwner[k]; {
			case err != nil:
				bad("key", "command %q: %v", f.Name, err)
			case taken:
				bad("key", "key %q for command %q is also the key of command %q (line %d)", f.Key, f.Name, other.Name, other.keyLine)
			default:
				c.Key = k
				keyOwner[k] = c
			}
		}
		if ok {
			out = append(out, c)
		}
	}
	return out
}

// CheckCommandKeys fails when a command's key is one of km's bindings
// (the defaults with [keys] applied): a command must not take a key cxi
// answers to, nor silently lose it to one.
//
//	config.toml:21: key "r" for command "zendesk" is already bound to refresh; pick another key
func (c Config) CheckCommandKeys(km keys.Map) error {
	p := &problems{path: c.Path}
	v := reflect.ValueOf(km)
	for _, cmd := range c.Commands {
		if cmd.Key == "" {
			continue
		}
		for _, a := range actions {
			b := v.Field(a.field).Interface().(key.Binding)
			for _, k := range b.Keys() {
				if k == cmd.Key {
					p.add(cmd.keyLine, "key %q for command %q is already bound to %s; pick another key, or rebind %s in [keys]",
						displayName(cmd.Key), cmd.Name, a.name, a.name)
				}
			}
		}
	}
	return p.err()
}

// commandLines finds, for each [[commands]] table in order, the line of
// its header ("") and of each of its keys: go-toml's lines (findLines)
// keep only the first table of an array.
func commandLines(doc []byte) []map[string]int {
	var out []map[string]int
	var p unstable.Parser
	p.Reset(doc)
	var cur map[string]int
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			path, first := keyPath(nil, e.Key())
			cur = nil
			if e.Kind == unstable.ArrayTable && strings.Join(path, ".") == "commands" && first != nil {
				cur = map[string]int{"": p.Shape(first.Raw).Start.Line}
				out = append(out, cur)
			}
		case unstable.KeyValue:
			if cur == nil {
				continue
			}
			if path, first := keyPath(nil, e.Key()); first != nil {
				if _, seen := cur[path[0]]; !seen {
					cur[path[0]] = p.Shape(first.Raw).Start.Line
				}
			}
		}
	}
	return out
}

// commandUnknown names a key [[commands]] does not take.
func commandUnknown(k string) string {
	return fmt.Sprintf("unknown key %q in [[commands]] (known: %s)", k, strings.Join(commandKeys, ", "))
}
