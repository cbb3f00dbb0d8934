// Package pulse is `cxi pulse`: the shift's pulse (api/pulse) printed for
// scripts, as text or JSON, with the exit code of the first part that
// failed, so that a key without a scope fails naming it.
package pulse

import (
	"context"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/summary"
)

// pulseLong is the help of `cxi pulse` above its flags.
const pulseLong = `The handoffs of the period (totals, reasons with counts and percentages,
sentiments, by day) and the SLA (compliance, first-reply, next-reply and
resolution percentiles, a breakdown by channel or team, the daily trend).
The SLA endpoints take no date range: their figures cover all sessions.
At most 4 requests; the key needs the scopes handoff-analytics:read and
sla-analytics:read (cxi doctor checks them). What was read is printed even
when a part failed; the exit code is the first failure's (3 for a missing
scope, named on stderr).`

// NewCommand is `cxi pulse`.
func NewCommand(env command.Env) *cobra.Command {
	return newPulse(env, settings.NewDeps(env))
}

// run runs `cxi pulse` with args and returns its exit code, for tests.
func run(ctx context.Context, args []string, env command.Env, d settings.Deps) int {
	return command.Execute(ctx, newPulse(env, d), args, env)
}

func newPulse(env command.Env, d settings.Deps) *cobra.Command {
	var (
		shared    settings.Flags
		since, by string
		asJSON    bool
	)
	cmd := &cobra.Command{
		Use:   "pulse [--since 7d] [--by channel|team] [--json]",
		Short: "The shift's pulse: handoffs by reason and day, SLA compliance",
		Long:  pulseLong,
		Args:  cobra.ArbitraryArgs, // refused below, in cxi's words
		RunE: func(cmd *cobra.Command, args []string) error {
			span, group, err := parseArgs(args, since, by)
			if err != nil {
				return err
			}
			client, stop, err := d.Connect(shared)
			if err != nil {
				return command.Exit(command.Fail(env, err, "")) // the config file, the key, the base URL
			}
			defer stop()
			r := pulse.Fetch(cmd.Context(), client, span, group, env.Now())
			return command.Exit(report(env, r, asJSON))
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&since, "since", "7d", "how far back: today, or a `SPAN` of whole days or weeks (7d, 30d, 2w; up to 90d)")
	fs.StringVar(&by, "by", string(api.GroupByChannel), "the SLA breakdown by `GROUP`: channel, team, policy or agent")
	fs.BoolVar(&asJSON, "json", false, "one JSON document: each part as decoded, and the errors (scope named)")
	shared.AddShared(fs)
	return cmd
}

// parseArgs checks the command line before any request is spent.
func parseArgs(rest []string, since, by string) (pulse.Span, api.SLAGroupBy, error) {
	span, err := pulse.ParseSpan(since)
	switch {
	case len(rest) > 0:
		return 0, "", command.Usagef("unexpected argument %q: cxi pulse takes flags only", rest[0])
	case err != nil:
		return 0, "", command.Usagef("--since: %v", err)
	case !slices.Contains(api.SLAGroupBys(), api.SLAGroupBy(by)):
		return 0, "", command.Usagef("--by %q: want channel, team, policy or agent", by)
	}
	return span, api.SLAGroupBy(by), nil
}

// report writes r as text or JSON, each failed part on stderr, and returns
// the exit code of the first failure.
func report(env command.Env, r pulse.Report, asJSON bool) int {
	var err error
	if asJSON {
		err = printJSON(env, r)
	} else {
		_, err = fmt.Fprint(env.Stdout, Text(r))
	}
	if err != nil {
		return command.Fail(env, err, "")
	}
	code := command.ExitOK
	for _, p := range parts(r) {
		if p.err == nil {
			continue
		}
		fmt.Fprintf(env.Stderr, "cxi: %s: %s\n", p.name, summary.Why(p.err))
		if code == command.ExitOK {
			code = command.ExitCode(p.err)
		}
	}
	return code
}

// part is one of the pulse's four readings, named for messages.
type part struct {
	name string
	err  error
}

// parts are r's readings in the order they are read; one left unread
// because an earlier one stopped the rest is said once, by that one.
func parts(r pulse.Report) []part {
	out := []part{{"handoff analytics", r.HandoffsErr}}
	if r.SLAErr != r.HandoffsErr {
		out = append(out, part{"SLA analytics", r.SLAErr})
	}
	out = append(out, part{"SLA breakdown", r.BreakdownErr})
	if r.TrendErr != r.BreakdownErr {
		out = append(out, part{"SLA trend", r.TrendErr})
	}
	return out
}
