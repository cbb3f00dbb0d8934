// Package watch is `cxi watch`: it reads the list of sessions every
// interval and prints each session that newly matches a watch rule
// ([watch] rules, or --rule), as a line of text or of JSON, for a status
// bar or a chat hook. What "newly" means is api/watch's, the same as the
// TUI's nudge: the sessions that match at start are not printed (unless
// --all), and a session is printed again only after it stopped matching.
package watch

import (
	"context"
	"os"
	"os/signal"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/opencx-tools/cxi/api/watch"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// DefaultEvery is how often the list is read: 2 requests a minute when
// nothing changed, a small share of the 100 the API allows.
const DefaultEvery = 30 * time.Second

const long = `Reads the list every --every and prints each session that newly matches a
watch rule: [watch] rules in config.toml (default: handed_off_angry), or
--rule; with --view, only among the sessions that saved view shows. A
session that matches when cxi watch starts is not printed, unless --all;
one is printed again only after it stopped matching. Text lines are
tab-separated: time, session ID, rules, status, sentiment, channel, contact;
--json prints one object a line. Runs until interrupted (ctrl+c), then exits 0.

The first read is the list's first page; every later read asks only for
what changed since the one before (updated_after), in the background of the
request budget: one request a read while little changes.`

// NewCommand is `cxi watch`.
func NewCommand(env command.Env) *cobra.Command {
	return newWatch(env, settings.NewDeps(env), interrupted)
}

// interrupted is ctx, done on SIGINT as well: ctrl+c ends the watch with 0.
func interrupted(ctx context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(ctx, os.Interrupt)
}

// run runs `cxi watch` with args and returns its exit code; the client,
// the timer and the signal are injected, for tests.
func run(ctx context.Context, args []string, env command.Env, d settings.Deps) int {
	return command.Execute(ctx, newWatch(env, d, func(ctx context.Context) (context.Context, context.CancelFunc) { return context.WithCancel(ctx) }), args, env)
}

type flags struct {
	shared      settings.Flags
	asJSON, all bool
	every       time.Duration
	rules       []string
	view        string
}

func (f *flags) register(fs *pflag.FlagSet) {
	fs.BoolVar(&f.asJSON, "json", false, "one JSON object a line")
	fs.BoolVar(&f.all, "all", false, "print the sessions that match at start too")
	fs.DurationVar(&f.every, "every", DefaultEvery, "read the list this often (at least 10s)")
	fs.StringVar(&f.view, "view", "", "follow the saved view `NAME` (config.toml's [[views]], or the default views): its status, handoff, channel, window and team")
	fs.StringSliceVar(&f.rules, "rule", nil, "a watch rule, instead of [watch] rules: handed_off_angry (the default), angry, handed_off, flagged (any integrity rule the session trips on its own; see cxi lint) (repeat or comma-separate)")
	f.shared.AddShared(fs)
}

func newWatch(env command.Env, d settings.Deps, signals func(context.Context) (context.Context, context.CancelFunc)) *cobra.Command {
	var f flags
	cmd := &cobra.Command{
		Use:   "watch [flags]",
		Short: "Print sessions as they newly match a watch rule",
		Long:  long,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if f.every < config.MinAutoRefresh {
				return command.Usagef("--every %s is shorter than %s: the list shares the API's 100 requests a minute", f.every, config.MinAutoRefresh)
			}
			s, err := settings.Resolve(f.shared, env)
			if err != nil {
				return err
			}
			names := s.File.Watch.Rules
			if len(f.rules) > 0 {
				names = f.rules
			}
			rules, err := watch.Pick(watch.Available(s.File.LintThresholds(), env.Now), names)
			if err != nil {
				return command.Usagef("%v", err)
			}
			var sc scope
			if f.view != "" {
				if sc, err = viewScope(s.File, f.view); err != nil {
					return err
				}
			}
			client, stop, err := d.Connect(f.shared)
			if err != nil {
				return command.Exit(command.Fail(env, err, ""))
			}
			defer stop()
			ctx, cancel := signals(cmd.Context())
			defer cancel()
			w := watcher{client: client, tracker: watch.NewTracker(rules), env: env, wait: d.Wait, every: f.every, asJSON: f.asJSON, scope: sc}
			return command.Exit(w.run(ctx, f.all))
		},
	}
	f.register(cmd.Flags())
	return cmd
}
