package cmdline

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/render"
)

// Parse reads a command line (without its ":"; one typed is dropped) into
// what it asks for, or an error that names the line and says what is
// wrong: an unknown command with the one meant, a bad argument with the
// values it takes, a missing one with what it needs. A blank line asks for
// nothing: (nil, nil).
func Parse(text string, r Registry) (Msg, error) {
	text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), ":"))
	if text == "" {
		return nil, nil
	}
	name, rest, _ := strings.Cut(text, " ")
	c, ok := find(name)
	if !ok {
		return nil, unknown(name)
	}
	line := quote(text)
	rest = strings.TrimSpace(rest)
	var args []string
	switch {
	case c.rest && rest != "":
		args = []string{rest}
	case !c.rest:
		args = strings.Fields(rest)
	}
	return c.parse(r, line, args)
}

// quote is the line as an error names it: "`:filter channel=fax`".
func quote(text string) string { return "`:" + render.Line(text) + "`" }

func missing(line, what string) error { return errors.New(line + " needs " + what) }

func bad(line, why string) error { return errors.New(line + ": " + why) }

// unknown says there is no command name, and the one meant when one is
// near: cobra's suggestions, as cxi's own commands make them for a typo.
func unknown(name string) error {
	tree := &cobra.Command{Use: "cmdline", SuggestionsMinimumDistance: 2}
	for _, c := range commands() {
		tree.AddCommand(&cobra.Command{Use: c.name, Run: func(*cobra.Command, []string) {}})
	}
	msg := "no command " + quote(name)
	if near := tree.SuggestionsFor(name); len(near) > 0 {
		for i, n := range near {
			near[i] = "`:" + n + "`"
		}
		return errors.New(msg + " — did you mean " + oneOf(near) + "?")
	}
	return errors.New(msg + "; the commands are " + oneOf(Names()))
}

// Names are the commands' names, in the order the hint lists them.
func Names() []string {
	var out []string
	for _, c := range commands() {
		out = append(out, c.name)
	}
	return out
}

// parseFilter reads :filter's key=value pairs. text= takes the rest of the
// line, spaces and all, so it comes last.
func parseFilter(_ Registry, line string, args []string) (Msg, error) {
	if len(args) == 0 || (len(args) == 1 && args[0] == "reset") {
		return FilterMsg{Reset: true}, nil
	}
	var m FilterMsg
	seen := map[string]bool{}
	for i, arg := range args {
		k, v, ok := strings.Cut(arg, "=")
		switch {
		case arg == "reset":
			return nil, bad(line, "reset stands alone: `:filter reset` puts every filter back")
		case !ok:
			return nil, bad(line, "a filter is key=value, with the key one of "+oneOf(filterKeys()))
		case !slices.Contains(filterKeys(), k):
			return nil, bad(line, "no filter "+render.Line(k)+"; the filters are "+oneOf(filterKeys()))
		case seen[k]:
			return nil, bad(line, render.Line(k)+" is given twice")
		case k != "text" && v == "":
			return nil, bad(line, k+" needs a value: "+oneOf(filterValues(k)))
		}
		seen[k] = true
		if k == "text" {
			text := strings.TrimPrefix(strings.Join(args[i:], " "), "text=")
			m.Text = &text
			break
		}
		if err := m.set(k, v); err != nil {
			return nil, bad(line, err.Error())
		}
	}
	return m, nil
}

// set sets filter k to v, or says which values k takes.
func (m *FilterMsg) set(k, v string) error {
	if k == "handed_off" && v == "false" {
		return errors.New("the queue has no filter for sessions not handed off: handed_off is true (handed off only) or any")
	}
	if !slices.Contains(filterValues(k), v) {
		return errors.New(k + " is one of " + oneOf(filterValues(k)))
	}
	switch k {
	case "status":
		s := api.Status(strings.TrimPrefix(v, "any"))
		m.Status = &s
	case "channel":
		c := api.ChannelType(strings.TrimPrefix(v, "any"))
		m.Channel = &c
	case "handed_off":
		b := v == "true" // or any
		m.HandedOff = &b
	case "reason":
		r := api.HandoffReason(strings.TrimPrefix(v, "any"))
		m.Reason = &r
	case "flag":
		m.Flag = &v
	case "within":
		var w time.Duration
		for _, d := range filter.Windows()[1:] {
			if render.Duration(d) == v {
				w = d
			}
		}
		m.Window = &w
	}
	return nil
}

// completeFilter is what completes :filter's argument being typed: the
// keys not given yet ("status="), or a key's values once its = is typed
// ("status=open").
func completeFilter(_ Registry, before []string, word string) []string {
	given := map[string]bool{}
	for _, a := range before {
		k, _, _ := strings.Cut(a, "=")
		given[k] = true
	}
	if given["text"] {
		return nil // text takes the rest of the line
	}
	var out []string
	if len(before) == 0 {
		out = append(out, "reset")
	}
	for _, k := range filterKeys() {
		if given[k] {
			continue
		}
		if vs := filterValues(k); vs != nil && strings.HasPrefix(word, k+"=") {
			for _, v := range vs {
				out = append(out, k+"="+v)
			}
			continue
		}
		out = append(out, k+"=")
	}
	return out
}
