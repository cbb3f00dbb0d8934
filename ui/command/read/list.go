package read

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/paging"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
)

// Lister is what `cxi list` needs from the API client.
type Lister interface {
	ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error)
}

// listLong is the help of `cxi list` above its flags.
const listLong = `One session a line: id, status, sentiment, channel, age, ticket, contact
(tab-separated), newest activity first, paging until --limit.`

// NewListCommand is `cxi list`.
func NewListCommand(env command.Env) *cobra.Command {
	return newList(env, settings.NewDeps(env))
}

// list runs `cxi list` with args and returns its exit code; the client's
// making is injected, for tests.
func list(ctx context.Context, args []string, env command.Env, d settings.Deps) int {
	return command.Execute(ctx, newList(env, d), args, env)
}

func newList(env command.Env, d settings.Deps) *cobra.Command {
	var f listFlags
	cmd := &cobra.Command{
		Use:   "list [flags]",
		Short: "Print sessions, one a line",
		Long:  listLong,
		Args:  cobra.ArbitraryArgs, // refused in parse, in cxi's words
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.view != "" {
				keep, stop, err := f.viewQuery(env, d)
				if err != nil {
					return command.Exit(command.Fail(env, err, ""))
				}
				defer stop()
				f.keep = keep
			}
			p, err := f.parse(args, env.Now())
			if err != nil {
				return described{err, ""}
			}
			warnNewChannel(env, p.ChannelType)
			client, stop, err := d.Connect(f.shared)
			if err != nil {
				return command.Exit(command.Fail(env, err, "")) // the config file, the key, the base URL
			}
			defer stop()
			return command.Exit(walk(cmd.Context(), client, p, f, env))
		},
	}
	f.register(cmd.Flags())
	return cmd
}

// walk prints the sessions of p page by page until f.limit. One guard
// follows the walk, so that a server that repeats a cursor, goes round a
// cycle or sends pages with nothing new ends it with a line on stderr
// rather than paging, and spending the rate budget, forever. What was
// printed stays valid, so that end is not an error. A session a later
// page sends again is not printed twice.
func walk(ctx context.Context, client Lister, p api.ListParams, f listFlags, env command.Env) int {
	var guard paging.Guard
	seen := map[string]bool{}
	printed := 0
	for page := 1; ; page++ {
		res, err := client.ListSessions(ctx, p)
		if err != nil {
			return fail(env, err, "", "")
		}
		if n := len(res.Skipped); n > 0 {
			fmt.Fprintf(env.Stderr, "cxi: page %d: skipped %s that could not be read\n", page, plural.Count(n, "item"))
		}
		// A page of sessions already printed counts as empty: a server
		// that sends the same ones under new cursors would never end. A
		// view's team, text or changed (keep) decides what is printed, not
		// what is new: a page with no match is not a page with nothing.
		items, fresh := res.Items[:0:0], 0
		for i := range res.Items {
			if !seen[res.Items[i].ID] {
				seen[res.Items[i].ID] = true
				items = append(items, res.Items[i])
				fresh++
			}
		}
		if f.keep != nil {
			if items, err = f.keep(ctx, items); err != nil {
				return fail(env, err, "", "")
			}
		}
		for i := range items {
			if printed == f.limit {
				break
			}
			if err := printRow(env, &items[i], f.asJSON); err != nil {
				return fail(env, err, "", "")
			}
			printed++
		}
		if printed == f.limit || res.Next == "" {
			return command.ExitOK
		}
		if err := guard.Page(p.Cursor, fresh, res.Next); err != nil {
			fmt.Fprintln(env.Stderr, "cxi: "+err.Error())
			return command.ExitOK
		}
		p.Cursor = res.Next
	}
}

// listFlags are the flags of `cxi list`.
type listFlags struct {
	shared                  settings.Flags
	status, channel, within string
	handedOff, asJSON       bool
	limit                   int
	view                    string        // --view NAME: a saved view's filters
	window                  time.Duration // the view's updated_within (--updated-within is text)
	keep                    func(context.Context, []api.Session) ([]api.Session, error)
}

func (f *listFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.status, "status", "", "status `S`: open, unresolved or resolved (or the API's words: closed_unresolved, closed_resolved)")
	fs.BoolVar(&f.handedOff, "handed-off", false, "only sessions handed off to a human")
	fs.StringVar(&f.channel, "channel", "", "channel `C`: web, email, whatsapp, … (any SessionChannel value; one cxi does not know yet is asked for, with a warning)")
	fs.StringVar(&f.within, "updated-within", "", "only sessions updated within `SPAN` (e.g. 90m, 24h, 7d)")
	fs.IntVar(&f.limit, "limit", 50, "at most `N` sessions")
	fs.BoolVar(&f.asJSON, "json", false, "one session a line as the API sent it (JSON)")
	fs.StringVar(&f.view, "view", "", "the sessions of the saved view `NAME` (config.toml's [[views]], or the default views), as its tab shows them")
	f.shared.AddShared(fs)
}

// parse reads the positional arguments and flags into the list's query,
// checking each value.
func (f *listFlags) parse(positional []string, now time.Time) (api.ListParams, error) {
	var err error
	switch {
	case len(positional) > 0:
		return api.ListParams{}, command.Usagef("unexpected argument %q", positional[0])
	case f.limit < 1:
		return api.ListParams{}, command.Usagef("--limit must be at least 1")
	}
	p := api.ListParams{ChannelType: api.ChannelType(f.channel)}
	if p.Status, err = parseStatus(f.status); err != nil {
		return p, err
	}
	if f.channel != "" && !isWord(f.channel) {
		return p, command.Usagef("--channel %q: want one word such as web, email or whatsapp", f.channel)
	}
	if f.handedOff {
		p.HandedOff = &f.handedOff
	}
	if f.within != "" {
		// The same spans as cxi log --since and store_keep: 90m, 24h, 7d, 2w.
		d, err := config.ParseSpan(f.within)
		if err != nil {
			return p, command.Usagef("--updated-within %q: want a positive duration such as 90m, 24h or 7d", f.within)
		}
		p.UpdatedAfter = now.Add(-d)
	}
	if f.window > 0 {
		p.UpdatedAfter = now.Add(-f.window)
	}
	return p, nil
}

// shortStatuses are the words the TUI shows for the statuses; --status
// takes them as well as the API's own.
var shortStatuses = map[string]api.Status{
	"open":       api.StatusOpen,
	"unresolved": api.StatusClosedUnresolved,
	"resolved":   api.StatusClosedResolved,
}

// parseStatus reads --status in either vocabulary; "" is any status.
func parseStatus(s string) (api.Status, error) {
	if st, ok := shortStatuses[s]; ok {
		return st, nil
	}
	if st := api.Status(s); s == "" || st.Known() {
		return st, nil
	}
	return "", command.Usagef("unknown --status %q (want open, unresolved or resolved; the API's closed_unresolved and closed_resolved work too)", s)
}

// isWord reports whether s can be an enum value: letters, digits and
// underscores, as every channel the contract lists is.
func isWord(s string) bool {
	for _, r := range s {
		if !(r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')) {
			return false
		}
	}
	return s != ""
}

// warnNewChannel says on stderr that a channel is not one the contract
// lists. It is sent all the same: the API is a beta whose enums grow, and
// the TUI shows such a channel as sent.
func warnNewChannel(env command.Env, ch api.ChannelType) {
	if ch == "" || ch.Known() {
		return
	}
	known := make([]string, 0, len(api.Channels()))
	for _, c := range api.Channels() {
		known = append(known, string(c))
	}
	fmt.Fprintf(env.Stderr, "cxi: --channel %s is not a channel cxi knows (%s); asking the API for it anyway\n",
		render.Line(string(ch)), strings.Join(known, ", "))
}

func printRow(env command.Env, s *api.Session, asJSON bool) error {
	if asJSON {
		doc, err := sessionJSON(s)
		if err != nil {
			return err
		}
		line, err := render.CompactJSON(doc)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(env.Stdout, line)
		return err
	}
	cols := []string{render.Or(s.ID), render.Status(s.Status), render.Ptr(s.Sentiment), render.Enum(s.Channel.Type),
		render.Since(s.UpdatedAt, env.Now()), render.Ticket(s), render.Contact(s.Contact)}
	_, err := fmt.Fprintln(env.Stdout, strings.Join(cols, "\t"))
	return err
}
