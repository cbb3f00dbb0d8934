// Package read holds the commands that read (`cxi get`, `cxi list`):
// the same client, resolver and sanitizer as the TUI, printing data on
// stdout and errors on stderr, with one exit code per error class.
package read

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/api/resolve/lookup"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/summary"
)

// getLong is the help of `cxi get` above its flags.
const getLong = `Prints one session: a summary as text (the default), Markdown, the JSON the
API sent, or one field.

SESSION is a session ID or any text containing one (a URL, a log line), or
what you were handed instead: #1234 or a helpdesk ID (ZD-884213), an email
address, a phone number or a name. It is looked for where the TUI's search
looks: the local store and the API, open and unresolved sessions even when
they are older than the newest pages. Several matches are listed on stderr,
open and unresolved first, each with where it was found (API, kept 2h ago)
(exit 8). A session without the --field asked for (absent or null) prints
nothing and exits 9.`

// NewGetCommand is `cxi get`.
func NewGetCommand(env command.Env) *cobra.Command {
	return newGet(env, settings.NewDeps(env))
}

// get runs `cxi get` with args and returns its exit code; the client's
// making is injected, for tests.
func get(ctx context.Context, args []string, env command.Env, d settings.Deps) int {
	return command.Execute(ctx, newGet(env, d), args, env)
}

// getFlags are the flags of `cxi get` beside the shared ones.
type getFlags struct {
	shared       settings.Flags
	asJSON       bool
	path, format string
}

func newGet(env command.Env, d settings.Deps) *cobra.Command {
	var f getFlags
	cmd := &cobra.Command{
		Use:   "get [--json | --field PATH | --format text|md] SESSION",
		Short: "Print one session",
		Long:  getLong,
		Args:  cobra.ArbitraryArgs, // counted in execGet, in cxi's words
		RunE: func(cmd *cobra.Command, args []string) error {
			return execGet(cmd.Context(), args, f, env, d)
		},
	}
	fs := cmd.Flags()
	fs.BoolVar(&f.asJSON, "json", false, "the session as the API sent it, indented (every key and null, numbers as written, fields cxi does not know; terminal control characters escaped as \\uXXXX)")
	fs.StringVar(&f.path, "field", "", "one value at `PATH`, e.g. ticketing_system.external_id, contact.email or a field cxi does not know yet (tags, channel.id)")
	fs.StringVar(&f.format, "format", "text", "output format `FMT`: text, or md (a Markdown summary for Slack or a ticket)")
	f.shared.AddShared(fs)
	return cmd
}

// execGet checks the command line, then prints the session. What it
// cannot say as a usage error it says on stderr, returning the exit code.
func execGet(ctx context.Context, args []string, f getFlags, env command.Env, d settings.Deps) error {
	text, err := oneSession(args)
	if err == nil {
		err = oneOf(f.asJSON, f.path != "", f.format != "text")
	}
	if err == nil && f.format != "text" && f.format != "md" {
		err = command.Usagef("unknown --format %q (want text or md)", f.format)
	}
	if err != nil {
		return described{err, ""}
	}
	return command.Exit(printSession(ctx, text, f, env, d))
}

// printSession resolves text and prints the session as f asks.
func printSession(ctx context.Context, text string, f getFlags, env command.Env, d settings.Deps) int {
	client, stop, err := d.Connect(f.shared)
	if err != nil {
		return command.Fail(env, err, "") // the config file, the key, the base URL
	}
	defer stop()
	kept := keptStore(f.shared, env, d)
	defer kept.Close()
	src := lookup.Sources{API: client}
	if kept != nil {
		src.Store = kept
	}
	s, code := resolveOne(ctx, src, text, env)
	if s == nil {
		return code
	}
	switch {
	case f.asJSON:
		b, err := sessionJSON(s)
		var doc string
		if err == nil {
			doc, err = render.JSON(b)
		}
		if err != nil {
			return fail(env, err, s.ID, "")
		}
		fmt.Fprintln(env.Stdout, doc)
	case f.path != "":
		v, ok, err := field(s, f.path)
		switch {
		case err != nil:
			return fail(env, err, s.ID, "")
		case !ok:
			// Nothing on stdout: `x=$(cxi get --field …)` stays empty, and
			// the exit code tells "no value" from an empty one.
			fmt.Fprintf(env.Stderr, "cxi: session %s has no %s\n", api.ShortID(s.ID), render.Line(f.path))
			return command.ExitNoValue
		}
		fmt.Fprintln(env.Stdout, v)
	case f.format == "md":
		fmt.Fprint(env.Stdout, summary.Markdown(s, env.Now()))
	default:
		fmt.Fprint(env.Stdout, summary.Text(s, env.Now(), env.Width))
	}
	return command.ExitOK
}

// keptStore is the local store the flags name, if it is there and on,
// for resolving SESSION as the TUI does (the store first, then the API);
// nil otherwise: get works without one.
func keptStore(f settings.Flags, env command.Env, d settings.Deps) *store.Store {
	if d.OpenExisting == nil {
		return nil
	}
	s, err := settings.Resolve(f, env)
	if err != nil || s.Store.Off {
		return nil
	}
	key, err := s.Key()
	if err != nil {
		return nil
	}
	st, err := d.OpenExisting(s, key)
	if err != nil {
		return nil
	}
	return st
}

// resolveOne finds the one session text means, where the TUI's search
// looks (lookup.Find), or says on stderr why not (none, or several:
// listed with where each was found) and returns the exit code. When the
// API did not answer, what the store kept is listed, not printed as if
// it were current, and the exit code is the API error's.
func resolveOne(ctx context.Context, src lookup.Sources, text string, env command.Env) (*api.Session, int) {
	res, err := lookup.Find(ctx, src, text)
	if err == nil && res.APIErr != nil {
		fmt.Fprintf(env.Stderr, "cxi: the API did not answer; the local store has %s for %s:\n", plural.CountAs(len(res.Matches), "session", "sessions"), render.Line(text))
		listMatches(env, res.Matches)
		err = res.APIErr
	}
	if err != nil {
		id := ""
		if q, cerr := resolve.Classify(text); cerr == nil && q.Kind == resolve.KindID {
			id = q.Value
		}
		return nil, fail(env, err, id, "")
	}
	what := res.Query.Kind.String() + " " + render.Line(res.Query.Value)
	switch len(res.Matches) {
	case 0:
		fmt.Fprintf(env.Stderr, "cxi: no session found for %s (%s)\n", what, render.Line(res.Looked))
		return nil, command.ExitNotFound
	case 1:
		s := res.Matches[0].Session
		return &s, command.ExitOK
	}
	fmt.Fprintf(env.Stderr, "cxi: %d sessions match %s (%s); pass one ID:\n", len(res.Matches), what, render.Line(res.Looked))
	listMatches(env, res.Matches)
	return nil, command.ExitAmbiguous
}

// listMatches lists matches on stderr, one a line, with where each was
// found, in the order the TUI's picker shows them.
func listMatches(env command.Env, matches []lookup.Match) {
	age := func(t time.Time) string { return render.Age(t, env.Now()) }
	for i := range matches {
		s := &matches[i].Session
		fmt.Fprintf(env.Stderr, "  %s  %s  %s  %s  (%s)\n", render.Or(s.ID), render.Status(s.Status), render.Enum(s.Channel.Type), render.Contact(s.Contact), render.Line(matches[i].Where(age)))
	}
}

// oneSession is the one SESSION argument, checked.
func oneSession(args []string) (string, error) {
	if len(args) != 1 {
		return "", command.Usagef("expected one SESSION, got %d", len(args))
	}
	if _, err := resolve.Classify(args[0]); err != nil {
		return "", err
	}
	return args[0], nil
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
