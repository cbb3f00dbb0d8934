package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
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

// List runs `cxi list` and returns its exit code.
func List(ctx context.Context, client Lister, args []string, env Env) int {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	status := fs.String("status", "", "")
	handedOff := fs.Bool("handed-off", false, "")
	channel := fs.String("channel", "", "")
	within := fs.String("updated-within", "", "")
	limit := fs.Int("limit", 50, "")
	asJSON := fs.Bool("json", false, "")
	if err := fs.Parse(args); err != nil {
		return fail(env, usagef(err.Error()), "", ListUsage)
	}
	if fs.NArg() > 0 {
		return fail(env, usagef(fmt.Sprintf("unexpected argument %q", fs.Arg(0))), "", ListUsage)
	}
	if *limit < 1 {
		return fail(env, usagef("--limit must be at least 1"), "", ListUsage)
	}
	p := api.ListParams{Status: api.Status(*status), ChannelType: api.ChannelType(*channel)}
	if *status != "" && !p.Status.Known() {
		return fail(env, usagef(fmt.Sprintf("unknown --status %q (want open, closed_resolved or closed_unresolved)", *status)), "", ListUsage)
	}
	if *channel != "" && !p.ChannelType.Known() {
		return fail(env, usagef(fmt.Sprintf("unknown --channel %q", *channel)), "", ListUsage)
	}
	if *handedOff {
		p.HandedOff = handedOff
	}
	if *within != "" {
		d, err := parseWithin(*within)
		if err != nil {
			return fail(env, err, "", ListUsage)
		}
		p.UpdatedAfter = env.Now().Add(-d)
	}

	printed := 0
	for page := 1; printed < *limit; page++ {
		res, err := client.ListSessions(ctx, p)
		if err != nil {
			return fail(env, err, "", "")
		}
		if n := len(res.Skipped); n > 0 {
			fmt.Fprintf(env.Stderr, "cxi: page %d: skipped %d item(s) that could not be read\n", page, n)
		}
		for i := range res.Items {
			if printed == *limit {
				break
			}
			if err := printRow(env, &res.Items[i], *asJSON); err != nil {
				return fail(env, err, "", "")
			}
			printed++
		}
		if res.Next == "" {
			break
		}
		p.Cursor = res.Next
	}
	return ExitOK
}

func printRow(env Env, s *api.Session, asJSON bool) error {
	if asJSON {
		b, err := safeJSON(s, false)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(env.Stdout, "%s\n", b)
		return err
	}
	cols := []string{render.Or(s.ID), render.Enum(s.Status), render.Ptr(s.Sentiment), render.Enum(s.Channel.Type),
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
		return 0, usagef(fmt.Sprintf("--updated-within %q: want a positive duration such as 90m, 24h or 7d", s))
	}
	return d, nil
}
