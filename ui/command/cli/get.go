package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/summary"
)

// Getter is what `cxi get` needs from the API client: what the TUI's
// input needs, since both resolve SESSION the same way.
type Getter = resolve.Client

// Env is what every command gets from main: where to write, and the clock.
type Env struct {
	Stdout, Stderr io.Writer
	Now            func() time.Time
	Width          int // wrap width for text output
}

// GetUsage is the help of `cxi get`.
const GetUsage = `Usage: cxi get [--json | --field PATH | --format text|md] SESSION

SESSION is a session ID or any text containing one (a URL, a log line), or
what you were handed instead: #1234 or a helpdesk ID (ZD-884213), an email
address, a phone number or a name. Several matches are listed on stderr.
  --json          the session as JSON (control characters escaped)
  --field PATH    one value, e.g. ticketing_system.external_id or contact.email
  --format FMT    text (default) or md, a Markdown summary for Slack or a ticket
`

// Get runs `cxi get` and returns its exit code.
func Get(ctx context.Context, client Getter, args []string, env Env) int {
	fs := flag.NewFlagSet("get", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "")
	path := fs.String("field", "", "")
	format := fs.String("format", "text", "")
	text, err := parseOne(fs, args)
	if err == nil {
		err = oneOf(*asJSON, *path != "", *format != "text")
	}
	if err == nil && *format != "text" && *format != "md" {
		err = usagef(fmt.Sprintf("unknown --format %q (want text or md)", *format))
	}
	if err != nil {
		return fail(env, err, "", GetUsage)
	}
	s, id, code := resolveOne(ctx, client, text, env)
	if s == nil {
		return code
	}
	switch {
	case *asJSON:
		b, err := safeJSON(s, true)
		if err != nil {
			return fail(env, err, id, "")
		}
		fmt.Fprintf(env.Stdout, "%s\n", b)
	case *path != "":
		v, err := field(s, *path)
		if err != nil {
			return fail(env, err, id, "")
		}
		fmt.Fprintln(env.Stdout, v)
	case *format == "md":
		fmt.Fprint(env.Stdout, summary.Markdown(s, env.Now()))
	default:
		fmt.Fprint(env.Stdout, summary.Text(s, env.Now(), env.Width))
	}
	return ExitOK
}

// resolveOne finds the one session text means, or says on stderr why not
// (none, or several: listed) and returns the exit code.
func resolveOne(ctx context.Context, client Getter, text string, env Env) (*api.Session, string, int) {
	res, err := resolve.Resolve(ctx, client, text, nil)
	if err != nil {
		id := ""
		if q, cerr := resolve.Classify(text); cerr == nil && q.Kind == resolve.KindID {
			id = q.Value
		}
		return nil, "", fail(env, err, id, "")
	}
	what := res.Query.Kind.String() + " " + render.Line(res.Query.Value)
	switch len(res.Sessions) {
	case 0:
		fmt.Fprintf(env.Stderr, "cxi: no session found for %s (%s)\n", what, render.Line(res.Looked))
		return nil, "", ExitNotFound
	case 1:
		return &res.Sessions[0], res.Sessions[0].ID, ExitOK
	}
	fmt.Fprintf(env.Stderr, "cxi: %d sessions match %s (%s); pass one ID:\n", len(res.Sessions), what, render.Line(res.Looked))
	for i := range res.Sessions {
		s := &res.Sessions[i]
		fmt.Fprintf(env.Stderr, "  %s  %s  %s  %s\n", render.Or(s.ID), render.Enum(s.Status), render.Enum(s.Channel.Type), render.Contact(s.Contact))
	}
	return nil, "", ExitAmbiguous
}

// parseOne parses flags around exactly one positional argument.
func parseOne(fs *flag.FlagSet, args []string) (string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return "", usagef(err.Error())
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(positional) != 1 {
		return "", usagef(fmt.Sprintf("expected one SESSION, got %d", len(positional)))
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
		return usagef("--json, --field and --format md exclude each other")
	}
	return nil
}

// fail prints err as one line on stderr (with the usage for usage errors)
// and returns its exit code.
func fail(env Env, err error, id, usage string) int {
	fmt.Fprintln(env.Stderr, "cxi: "+oneLine(err, id))
	code := ExitCode(err)
	if code == ExitUsage && usage != "" {
		fmt.Fprint(env.Stderr, usage)
	}
	return code
}
