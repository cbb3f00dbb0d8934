// Package cli holds cxi's non-interactive commands (`cxi get`, `cxi list`):
// the same client, resolver and sanitizer as the TUI, printing data on
// stdout and errors on stderr, with one exit code per error class.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/summary"
)

// Getter is what `cxi get` needs from the API client: what the TUI's
// input needs, since both resolve SESSION the same way.
type Getter = resolve.Client

// GetUsage is the help of `cxi get`.
const GetUsage = `Usage: cxi get [--json | --field PATH | --format text|md] SESSION

SESSION is a session ID or any text containing one (a URL, a log line), or
what you were handed instead: #1234 or a helpdesk ID (ZD-884213), an email
address, a phone number or a name. Several matches are listed on stderr.
  --json          the session as the API sent it, indented (every key and
                  null, numbers as written, fields cxi does not know;
                  terminal control characters escaped as \uXXXX)
  --field PATH    one value, e.g. ticketing_system.external_id, contact.email
                  or a field cxi does not know yet (tags, channel.id);
                  a session without one (absent or null) prints nothing, exit 9
  --format FMT    text (default) or md, a Markdown summary for Slack or a ticket
`

// Get runs `cxi get` with the arguments after "get" and returns its exit
// code.
func Get(args []string, env command.Env) int {
	return get(context.Background(), args, env, settings.NewDeps(env))
}

// get is Get with its dependencies injected, for tests.
func get(ctx context.Context, args []string, env command.Env, d settings.Deps) int {
	fs, shared := settings.NewFlagSet("get")
	asJSON := fs.Bool("json", false, "")
	path := fs.String("field", "", "")
	format := fs.String("format", "text", "")
	text, err := parseOne(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return command.Help(env, GetUsage)
	}
	if err == nil {
		err = oneOf(*asJSON, *path != "", *format != "text")
	}
	if err == nil && *format != "text" && *format != "md" {
		err = command.Usagef("unknown --format %q (want text or md)", *format)
	}
	if err != nil {
		return fail(env, err, "", GetUsage)
	}
	client, stop, err := d.Connect(*shared)
	if err != nil {
		return command.Fail(env, err, "") // the config file, the key, the base URL
	}
	defer stop()
	s, code := resolveOne(ctx, client, text, env)
	if s == nil {
		return code
	}
	switch {
	case *asJSON:
		b, err := sessionJSON(s)
		var doc string
		if err == nil {
			doc, err = render.JSON(b)
		}
		if err != nil {
			return fail(env, err, s.ID, "")
		}
		fmt.Fprintln(env.Stdout, doc)
	case *path != "":
		v, ok, err := field(s, *path)
		switch {
		case err != nil:
			return fail(env, err, s.ID, "")
		case !ok:
			// Nothing on stdout: `x=$(cxi get --field …)` stays empty, and
			// the exit code tells "no value" from an empty one.
			fmt.Fprintf(env.Stderr, "cxi: session %s has no %s\n", api.ShortID(s.ID), render.Line(*path))
			return command.ExitNoValue
		}
		fmt.Fprintln(env.Stdout, v)
	case *format == "md":
		fmt.Fprint(env.Stdout, summary.Markdown(s, env.Now()))
	default:
		fmt.Fprint(env.Stdout, summary.Text(s, env.Now(), env.Width))
	}
	return command.ExitOK
}

// resolveOne finds the one session text means, or says on stderr why not
// (none, or several: listed) and returns the exit code.
func resolveOne(ctx context.Context, client Getter, text string, env command.Env) (*api.Session, int) {
	res, err := resolve.Resolve(ctx, client, text, nil)
	if err != nil {
		id := ""
		if q, cerr := resolve.Classify(text); cerr == nil && q.Kind == resolve.KindID {
			id = q.Value
		}
		return nil, fail(env, err, id, "")
	}
	what := res.Query.Kind.String() + " " + render.Line(res.Query.Value)
	switch len(res.Sessions) {
	case 0:
		fmt.Fprintf(env.Stderr, "cxi: no session found for %s (%s)\n", what, render.Line(res.Looked))
		return nil, command.ExitNotFound
	case 1:
		return &res.Sessions[0], command.ExitOK
	}
	fmt.Fprintf(env.Stderr, "cxi: %d sessions match %s (%s); pass one ID:\n", len(res.Sessions), what, render.Line(res.Looked))
	for i := range res.Sessions {
		s := &res.Sessions[i]
		fmt.Fprintf(env.Stderr, "  %s  %s  %s  %s\n", render.Or(s.ID), render.Status(s.Status), render.Enum(s.Channel.Type), render.Contact(s.Contact))
	}
	return nil, command.ExitAmbiguous
}

// parseOne parses flags around exactly one positional argument.
func parseOne(fs *flag.FlagSet, args []string) (string, error) {
	positional, err := command.Parse(fs, args)
	if err != nil {
		return "", err
	}
	if len(positional) != 1 {
		return "", command.Usagef("expected one SESSION, got %d", len(positional))
	}
	if _, err := resolve.Classify(positional[0]); err != nil {
		return "", err
	}
	return positional[0], nil
}

func oneOf(flags ...bool) error {
	n := 0
	for _, f := range flags {
		if f {
			n++
		}
	}
	if n > 1 {
		return command.Usagef("--json, --field and --format md exclude each other")
	}
	return nil
}
