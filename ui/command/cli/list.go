package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
)

// Lister is what `cxi list` needs from the API client.
type Lister interface {
	ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error)
}

// ListUsage is the help of `cxi list`.
const ListUsage = `Usage: cxi list [flags]

One session a line: id, status, sentiment, channel, age, ticket, contact
(tab-separated), newest activity first, paging until --limit.
  --status S          open, closed_resolved or closed_unresolved
  --handed-off        only sessions handed off to a human
  --channel C         web, email, whatsapp, … (any SessionChannel value)
  --updated-within D  only sessions updated within D (e.g. 90m, 24h, 7d)
  --limit N           at most N sessions (default 50)
  --json              one JSON object a line instead
`

// List runs `cxi list` with the arguments after "list" and returns its
// exit code.
func List(args []string, env command.Env) int {
	return list(context.Background(), args, env, connect(env))
}

// list is List with the client's making injected, for tests.
func list(ctx context.Context, args []string, env command.Env, dial connector) int {
	var shared settings.Flags
	var f listFlags
	fs := command.NewFlagSet("list")
	shared.AddShared(fs)
	f.register(fs)
	p, err := f.parse(fs, args, env.Now())
	switch {
	case errors.Is(err, flag.ErrHelp):
		return command.Help(env, ListUsage)
	case err != nil:
		return fail(env, err, "", ListUsage)
	}
	client, stop, err := dial(shared)
	if err != nil {
		return cannotStart(env, err)
	}
	defer stop()

	printed := 0
	for page := 1; printed < f.limit; page++ {
		res, err := client.ListSessions(ctx, p)
		if err != nil {
			return fail(env, err, "", "")
		}
		if n := len(res.Skipped); n > 0 {
			fmt.Fprintf(env.Stderr, "cxi: page %d: skipped %d item(s) that could not be read\n", page, n)
		}
		for i := range res.Items {
			if printed == f.limit {
				break
			}
			if err := printRow(env, &res.Items[i], f.asJSON); err != nil {
				return fail(env, err, "", "")
			}
			printed++
		}
		if res.Next == "" {
			break
		}
		p.Cursor = res.Next
	}
	return command.ExitOK
}

// listFlags are the flags of `cxi list` beside --demo and --base-url.
type listFlags struct {
	status, channel, within string
	handedOff, asJSON       bool
	limit                   int
}

func (f *listFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.status, "status", "", "")
	fs.BoolVar(&f.handedOff, "handed-off", false, "")
	fs.StringVar(&f.channel, "channel", "", "")
	fs.StringVar(&f.within, "updated-within", "", "")
	fs.IntVar(&f.limit, "limit", 50, "")
	fs.BoolVar(&f.asJSON, "json", false, "")
}

// parse reads the command line into the list's query, checking each value.
func (f *listFlags) parse(fs *flag.FlagSet, args []string, now time.Time) (api.ListParams, error) {
	positional, err := command.Parse(fs, args)
	switch {
	case err != nil:
		return api.ListParams{}, err
	case len(positional) > 0:
		return api.ListParams{}, command.Usagef("unexpected argument %q", positional[0])
	case f.limit < 1:
		return api.ListParams{}, command.Usagef("--limit must be at least 1")
	}
	p := api.ListParams{Status: api.Status(f.status), ChannelType: api.ChannelType(f.channel)}
	if f.status != "" && !p.Status.Known() {
		return p, command.Usagef("unknown --status %q (want open, closed_resolved or closed_unresolved)", f.status)
	}
	if f.channel != "" && !p.ChannelType.Known() {
		return p, command.Usagef("unknown --channel %q", f.channel)
	}
	if f.handedOff {
		p.HandedOff = &f.handedOff
	}
	if f.within != "" {
		d, err := parseWithin(f.within)
		if err != nil {
			return p, err
		}
		p.UpdatedAfter = now.Add(-d)
	}
	return p, nil
}

func printRow(env command.Env, s *api.Session, asJSON bool) error {
	if asJSON {
		b, err := safeJSON(s, false)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(env.Stdout, "%s\n", b)
		return err
	}
	cols := []string{render.Or(s.ID), render.Status(s.Status), render.Ptr(s.Sentiment), render.Enum(s.Channel.Type),
		render.Since(s.UpdatedAt, env.Now()), render.Ticket(s), render.Contact(s.Contact)}
	_, err := fmt.Fprintln(env.Stdout, strings.Join(cols, "\t"))
	return err
}

// parseWithin reads a window such as 90m, 24h or 7d.
func parseWithin(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		var n int
		if _, err := fmt.Sscanf(days, "%d", &n); err == nil && n > 0 && fmt.Sprint(n) == days {
			return time.Duration(n) * 24 * time.Hour, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, command.Usagef("--updated-within %q: want a positive duration such as 90m, 24h or 7d", s)
	}
	return d, nil
}
