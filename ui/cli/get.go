package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/summary"
)

// Getter is what `cxi get` needs from the API client.
type Getter interface {
	GetSession(ctx context.Context, id string) (*api.Session, error)
}

// Env is what every command gets from main: where to write, and the clock.
type Env struct {
	Stdout, Stderr io.Writer
	Now            func() time.Time
	Width          int // wrap width for text output
}

// GetUsage is the help of `cxi get`.
const GetUsage = `Usage: cxi get [--json | --field PATH | --format text|md] SESSION

SESSION is a session ID or any text containing one (a URL, a log line).
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
	id, err := parseOne(fs, args)
	if err == nil {
		err = oneOf(*asJSON, *path != "", *format != "text")
	}
	if err == nil && *format != "text" && *format != "md" {
		err = usagef(fmt.Sprintf("unknown --format %q (want text or md)", *format))
	}
	if err != nil {
		return fail(env, err, "", GetUsage)
	}
	s, err := client.GetSession(ctx, id)
	if err != nil {
		return fail(env, err, id, "")
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

// parseOne parses flags around exactly one positional argument, which
// must hold a session ID.
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
	return api.ParseSessionID(positional[0])
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
