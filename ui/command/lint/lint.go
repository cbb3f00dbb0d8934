// Package lint is `cxi lint`: the sessions of a time window that trip an
// integrity rule (api/lint), one line each or as a JSON array, for a
// script or a cron job that posts them to a channel. Exit 0 when none is
// flagged, 1 when some are.
package lint

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	rules "github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/api/lint/kept"
	"github.com/opencx-tools/cxi/api/paging"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
)

// ExitFlagged is the exit code when some session is flagged: 1, as a
// linter's, so that `cxi lint || post-to-channel` reads naturally. It is
// also ExitError's code; a script tells them apart by stdout, empty on an
// error.
const ExitFlagged = 1

// NewCommand is `cxi lint`.
func NewCommand(env command.Env) *cobra.Command { return newLint(env, settings.NewDeps(env)) }

// run runs `cxi lint` with args on d, for tests.
func run(ctx context.Context, args []string, env command.Env, d settings.Deps) int {
	return command.Execute(ctx, newLint(env, d), args, env)
}

type flags struct {
	shared settings.Flags
	since  string
	view   string
	limit  int
	asJSON bool
}

func newLint(env command.Env, d settings.Deps) *cobra.Command {
	var f flags
	cmd := &cobra.Command{
		Use:   "lint [--view NAME] [--since 7d] [--json]",
		Short: "Print the sessions that trip an integrity flag",
		Long:  long(),
		Args:  cobra.ArbitraryArgs, // refused below, in cxi's words
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return command.Usagef("lint takes no arguments, got %q", args[0])
			}
			span, err := config.ParseSpan(f.since)
			if err != nil {
				return command.Usagef("--since %q is not a span such as 24h, 7d or 2w", f.since)
			}
			if f.limit < 1 {
				return command.Usagef("--limit must be at least 1")
			}
			return command.Exit(lintSessions(cmd.Context(), span, f, env, d))
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&f.since, "since", "7d", "the sessions updated within `SPAN` such as 24h, 7d, 2w")
	fs.StringVar(&f.view, "view", "", "only the sessions of the saved view `NAME` ([[views]] in config.toml, or a default view): its filters and team")
	fs.IntVar(&f.limit, "limit", 500, "read at most `N` sessions")
	fs.BoolVar(&f.asJSON, "json", false, `a JSON array of {"session_id", "flags": [{"rule", "says"}]}`)
	f.shared.AddShared(fs)
	return cmd
}

// long is the help above the flags: the rules, and which need kept data.
func long() string {
	var b strings.Builder
	b.WriteString("The sessions updated within --since (of the saved view --view NAME, if\n")
	b.WriteString("given) that trip an integrity rule, one line each (ID, then each rule and\n")
	b.WriteString("what it saw), or a JSON array with --json.\n")
	b.WriteString("Exit 0 when none is flagged, 1 when some are, the usual codes on an error\n")
	b.WriteString("(cxi help exit-codes). Thresholds and rules turned off: [lint] in config.toml.\n\nRules:\n")
	for _, r := range rules.Rules() {
		fmt.Fprintf(&b, "  %-17s %s", r, r.Label())
		if need := r.NeedsKept(); need != "" {
			fmt.Fprintf(&b, "\n  %-17s needs %s", "", need)
		}
		b.WriteString("\n")
	}
	b.WriteString("\nThe kept data is what the TUI kept in the local store (cxi help store);\n")
	b.WriteString("without it those rules say nothing. cxi lint reads the list and the office\n")
	b.WriteString("hours from the API and writes nothing, to the API or the store.")
	return b.String()
}

// lintSessions lists, checks and prints.
func lintSessions(ctx context.Context, span time.Duration, f flags, env command.Env, d settings.Deps) int {
	s, err := settings.Resolve(f.shared, env)
	if err != nil {
		return command.Fail(env, err, "")
	}
	client, stop, err := d.Connect(f.shared)
	if err != nil {
		return command.Fail(env, err, "")
	}
	defer stop()
	now := env.Now()
	w, err := windowOf(s.File, f.view, span, now, env)
	if err != nil {
		return command.Fail(env, err, "")
	}
	sessions, err := listWindow(ctx, client, w, f.limit, env)
	if err != nil {
		return command.Fail(env, err, "")
	}
	st := openKept(s, env, d)
	defer st.Close()
	th := s.File.LintThresholds()
	var schedule *api.OfficeHours
	if th.OfficeHours && th.On(rules.NoReply) && anyHandedOff(sessions) {
		schedule = officeHours(ctx, client, env)
	}
	ins, err := kept.Inputs(ctx, st, sessions, schedule, now)
	if err != nil {
		return command.Fail(env, err, "")
	}
	var found []flagged
	for _, in := range ins {
		if fl := rules.Check(in, th); len(fl) > 0 {
			found = append(found, flagged{SessionID: in.Session.ID, Flags: fl})
		}
	}
	if err := printFlagged(env, found, f.asJSON); err != nil {
		return command.Fail(env, err, "")
	}
	if len(found) > 0 {
		return ExitFlagged
	}
	return command.ExitOK
}

// openKept opens the store for reading, only if it is there; nil (every
// method a no-op) when it is off or absent, said on stderr, since the
// rules that need it then say nothing.
func openKept(s settings.Settings, env command.Env, d settings.Deps) *store.Store {
	if s.Store.Off {
		fmt.Fprintf(env.Stderr, "cxi: the local store is off (%s): the rules that need kept data say nothing\n", s.Store.OffBy)
		return nil
	}
	key, err := s.Key()
	if err != nil || d.OpenExisting == nil {
		return nil
	}
	st, err := d.OpenExisting(s, key)
	if err != nil {
		fmt.Fprintf(env.Stderr, "cxi: %v: the rules that need kept data say nothing\n", err)
		return nil
	}
	return st
}

// listWindow reads the sessions of w, newest first, up to
// limit, ending a walk that would not end (paging.Guard) with a line on
// stderr.
func listWindow(ctx context.Context, client *api.Client, w window, limit int, env command.Env) ([]api.Session, error) {
	p := w.params
	var guard paging.Guard
	var out []api.Session
	seen := map[string]bool{}
	for page := 1; ; page++ {
		res, err := client.ListSessions(ctx, p)
		if err != nil {
			return nil, err
		}
		if n := len(res.Skipped); n > 0 {
			fmt.Fprintf(env.Stderr, "cxi: page %d: skipped %s that could not be read\n", page, plural.Count(n, "item"))
		}
		fresh := 0
		for _, s := range res.Items {
			if len(out) == limit || seen[s.ID] {
				continue
			}
			seen[s.ID] = true
			fresh++ // new, whether or not the view keeps it: a page of another team is no empty page
			if w.keep == nil || w.keep(&s) {
				out = append(out, s)
			}
		}
		if len(out) == limit {
			if res.Next != "" {
				fmt.Fprintf(env.Stderr, "cxi: read the first %s of the window (--limit)\n", plural.Count(limit, "session"))
			}
			return out, nil
		}
		if res.Next == "" {
			return out, nil
		}
		if err := guard.Page(p.Cursor, fresh, res.Next); err != nil {
			fmt.Fprintln(env.Stderr, "cxi: "+err.Error())
			return out, nil
		}
		p.Cursor = res.Next
	}
}

func anyHandedOff(sessions []api.Session) bool {
	for i := range sessions {
		if sessions[i].HandedOff() {
			return true
		}
	}
	return false
}

// officeHours reads the organization's schedule (one request); on a
// failure no_reply counts the wall clock, and stderr says why.
func officeHours(ctx context.Context, client *api.Client, env command.Env) *api.OfficeHours {
	all, err := client.OfficeHours(ctx)
	if err != nil {
		fmt.Fprintf(env.Stderr, "cxi: the office hours could not be read (%s): no_reply counts every hour\n", render.Line(err.Error()))
		return nil
	}
	return kept.Schedule(all)
}
