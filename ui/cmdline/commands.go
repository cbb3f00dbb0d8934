package cmdline

import (
	"slices"
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/render"
)

// Registry is the names of the saved views, profiles and user-defined
// actions ([[commands]]) the root gives the command line, which completes
// and checks them without knowing what they do. It lives in common so that
// the commands that start the TUI can fill it.
type Registry = common.Registry

// spec is one command: how it is written, what it does, what completes
// its arguments and how its line becomes the message the root acts on.
type spec struct {
	name  string
	alias string // another way to write it (q for quit); "" when none
	usage string // the arguments, as the hint shows them
	about string
	// rest is set for a command whose argument is the rest of the line,
	// spaces and all (a contact's email, a view called "Needs attention").
	rest bool
	// more is set for a command that takes several arguments (:filter):
	// a completed one is followed by a space, ready for the next.
	more bool
	// args completes the argument being typed (word), given the line's
	// arguments before it; nil for a command without arguments.
	args func(r Registry, before []string, word string) []string
	// parse turns the arguments (the rest of the line, trimmed, for a
	// rest command) into the command's message, or says what is wrong.
	parse func(r Registry, line string, args []string) (Msg, error)
}

// Copy fields, as :copy takes them.
const (
	CopyExternalID = "external_id"
	CopyID         = "id"
	CopySummary    = "summary"
)

// CopyFields are what :copy copies, in the order the hint lists them.
func CopyFields() []string { return []string{CopyExternalID, CopyID, CopySummary} }

// unresolved is :close's one option.
const unresolved = "--unresolved"

// commands is every command, in the order the hint lists them.
func commands() []spec {
	return []spec{
		{name: "open", usage: "ID|#ticket|email", about: "look a session up, as the input does", rest: true,
			parse: func(_ Registry, line string, args []string) (Msg, error) {
				if len(args) == 0 {
					return nil, missing(line, "a session: its ID, #ticket number or contact email")
				}
				return OpenMsg{Text: args[0]}, nil
			}},
		{name: "close", usage: "[" + unresolved + "]", about: "close as resolved, or unresolved (asks first, as the status menu)",
			args: func(_ Registry, before []string, _ string) []string {
				if len(before) > 0 {
					return nil
				}
				return []string{unresolved}
			},
			parse: func(_ Registry, line string, args []string) (Msg, error) {
				switch {
				case len(args) == 0:
					return StatusMsg{Status: api.StatusClosedResolved}, nil
				case len(args) == 1 && args[0] == unresolved:
					return StatusMsg{Status: api.StatusClosedUnresolved}, nil
				}
				return nil, bad(line, "the only option is "+unresolved)
			}},
		{name: "reopen", about: "reopen (asks first, as the status menu)", parse: bare(StatusMsg{Status: api.StatusOpen})},
		{name: "redact", about: "redact the session, or the transcript's top message (asks first)", parse: bare(RedactMsg{})},
		{name: "filter", usage: "key=value… | reset", about: "filter the queue; alone, or reset, every filter back to the start",
			more: true, args: completeFilter, parse: parseFilter},
		{name: "copy", usage: strings.Join(CopyFields(), "|"), about: "copy a value of the session, as y, Y and the copy menu",
			args: func(_ Registry, before []string, _ string) []string {
				if len(before) > 0 {
					return nil
				}
				return CopyFields()
			},
			parse: func(_ Registry, line string, args []string) (Msg, error) {
				switch {
				case len(args) == 0:
					return nil, missing(line, "a field: "+oneOf(CopyFields()))
				case len(args) > 1:
					return nil, bad(line, "copy one field at a time: "+oneOf(CopyFields()))
				case !slices.Contains(CopyFields(), args[0]):
					return nil, bad(line, "the field is one of "+oneOf(CopyFields()))
				}
				return CopyMsg{Field: args[0]}, nil
			}},
		{name: "view", usage: "NAME", about: "switch to a saved view", rest: true,
			args:  func(r Registry, _ []string, _ string) []string { return r.Views },
			parse: named("view", "saved views ([[views]] in config.toml)", func(r Registry) []string { return r.Views }, func(n string) Msg { return ViewMsg{Name: n} })},
		{name: "profile", usage: "NAME", about: "switch to another organization's profile", rest: true,
			args:  func(r Registry, _ []string, _ string) []string { return r.Profiles },
			parse: named("profile", "profiles ([profiles.NAME] in config.toml)", func(r Registry) []string { return r.Profiles }, func(n string) Msg { return ProfileMsg{Name: n} })},
		{name: "run", usage: "NAME", about: "run a user-defined action", rest: true,
			args:  func(r Registry, _ []string, _ string) []string { return r.Actions },
			parse: named("action", "user-defined actions ([[commands]] in config.toml)", func(r Registry) []string { return r.Actions }, func(n string) Msg { return RunMsg{Name: n} })},
		pulseSpec(),
		{name: "newest", about: "open the newest session that newly matched a watch rule, as W", parse: bare(NewestMatchMsg{})},
		{name: "help", about: "every key", parse: bare(HelpMsg{})},
		{name: "quit", alias: "q", about: "quit cxi", parse: bare(QuitMsg{})},
	}
}

// find is the command called name (or by its alias).
func find(name string) (spec, bool) {
	for _, c := range commands() {
		if c.name == name || (c.alias != "" && c.alias == name) {
			return c, true
		}
	}
	return spec{}, false
}

// bare parses a command that takes no argument.
func bare(msg Msg) func(Registry, string, []string) (Msg, error) {
	return func(_ Registry, line string, args []string) (Msg, error) {
		if len(args) > 0 {
			return nil, bad(line, "it takes no argument")
		}
		return msg, nil
	}
}

// named parses a command whose argument is one of the registry's names:
// what is the thing's name ("view"), about what they are and where they
// come from, names the registry's list.
func named(what, about string, names func(Registry) []string, msg func(string) Msg) func(Registry, string, []string) (Msg, error) {
	return func(r Registry, line string, args []string) (Msg, error) {
		all := names(r)
		if len(args) == 0 {
			if len(all) == 0 {
				return nil, missing(line, "the name of a "+what+", and there are no "+about)
			}
			return nil, missing(line, "the name of a "+what+": "+oneOf(all))
		}
		name := args[0]
		// A name is matched as written, then regardless of case: "open"
		// finds the view "Open".
		if i := slices.IndexFunc(all, func(n string) bool { return n == name }); i >= 0 {
			return msg(all[i]), nil
		}
		if i := slices.IndexFunc(all, func(n string) bool { return strings.EqualFold(n, name) }); i >= 0 {
			return msg(all[i]), nil
		}
		if len(all) == 0 {
			return nil, bad(line, "no "+what+" named "+render.Line(name)+": there are no "+about)
		}
		return nil, bad(line, "no "+what+" named "+render.Line(name)+"; the "+what+"s are "+oneOf(all))
	}
}

// oneOf lists values for a sentence: "a, b or c".
func oneOf[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = render.Line(string(v))
	}
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// filterKeys are the keys :filter takes, in the order the hint lists them.
func filterKeys() []string {
	return []string{"status", "channel", "handed_off", "within", "reason", "flag", "text"}
}

// filterValues are the values a filter key takes; nil for text (any text).
func filterValues(key string) []string {
	switch key {
	case "status":
		var out []string
		for _, s := range filter.Statuses() {
			out = append(out, string(s))
		}
		out[0] = "any"
		return out
	case "channel":
		out := []string{"any"}
		for _, c := range api.Channels() {
			out = append(out, string(c))
		}
		return out
	case "handed_off":
		// Not "false": the list endpoint could leave out the sessions
		// handed off, but the queue's filter is "handed off only" or not,
		// and false would read as the first.
		return []string{"true", "any"}
	case "reason":
		out := []string{"any"}
		for _, r := range api.HandoffReasons() {
			out = append(out, string(r))
		}
		return out
	case "within":
		out := []string{"any"}
		for _, d := range filter.Windows()[1:] {
			out = append(out, render.Duration(d))
		}
		return out
	case "flag":
		// The integrity flags (api/lint): any rule, or one by its name.
		out := []string{"any", "flagged"}
		for _, r := range lint.Rules() {
			out = append(out, string(r))
		}
		return out
	}
	return nil
}
