package write

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
)

// closeLong is the help of `cxi close` above its flags.
const closeLong = `Closes each session, as resolved unless --unresolved. SESSION is what get
takes (an ID, a URL, #1234, ZD-884213, …); - reads them from stdin, one a line:
  cxi list --status open --json | jq -r .id | cxi close -
Each session is read first (one already closed so is skipped; an ID the API
answers with another session gets nothing) and read again after the change,
and gets one line on stdout. Exit 0 when all succeeded, 10 when some did, else
the code they all failed with (see cxi help exit-codes).`

// reopenLong is the help of `cxi reopen` above its flags.
const reopenLong = `Reopens each session (status open). SESSION and - as for cxi close.
Exit 0 when all succeeded, 10 when some did, else the code they all failed with.`

// NewCloseCommand is `cxi close`.
func NewCloseCommand(env command.Env) *cobra.Command { return newClose(env, settings.NewDeps(env)) }

// NewReopenCommand is `cxi reopen`.
func NewReopenCommand(env command.Env) *cobra.Command { return newReopen(env, settings.NewDeps(env)) }

// closeCmd runs `cxi close` with args, reaching the world through d.
func closeCmd(ctx context.Context, args []string, env command.Env, d settings.Deps) int {
	return command.Execute(ctx, newClose(env, d), args, env)
}

// reopenCmd runs `cxi reopen` with args, reaching the world through d.
func reopenCmd(ctx context.Context, args []string, env command.Env, d settings.Deps) int {
	return command.Execute(ctx, newReopen(env, d), args, env)
}

func newClose(env command.Env, d settings.Deps) *cobra.Command {
	var shared settings.Flags
	var unresolved, helpdesk, summary bool
	cmd := &cobra.Command{
		Use:   "close [--unresolved] [--helpdesk] [--summary] SESSION…",
		Short: "Close sessions (- reads them from stdin)",
		Long:  closeLong,
		Args:  cobra.ArbitraryArgs, // read by targets, in cxi's words
		RunE: func(cmd *cobra.Command, args []string) error {
			ch := api.StatusChange{Status: api.StatusClosedResolved, ReflectInHelpdesk: helpdesk, GenerateSummary: summary}
			if unresolved {
				ch.Status = api.StatusClosedUnresolved
			}
			return changeStatus(cmd.Context(), args, env, d, shared, ch)
		},
	}
	fs := cmd.Flags()
	fs.BoolVar(&unresolved, "unresolved", false, "close as unresolved (closed_unresolved)")
	fs.BoolVar(&helpdesk, "helpdesk", false, "also close it in the connected helpdesk (Zendesk, Salesforce, …)")
	fs.BoolVar(&summary, "summary", false, "have the API generate the summary and sentiment")
	shared.AddShared(fs)
	return cmd
}

func newReopen(env command.Env, d settings.Deps) *cobra.Command {
	var shared settings.Flags
	var helpdesk bool
	cmd := &cobra.Command{
		Use:   "reopen [--helpdesk] SESSION…",
		Short: "Reopen sessions",
		Long:  reopenLong,
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return changeStatus(cmd.Context(), args, env, d, shared, api.StatusChange{Status: api.StatusOpen, ReflectInHelpdesk: helpdesk})
		},
	}
	cmd.Flags().BoolVar(&helpdesk, "helpdesk", false, "also reopen it in the connected helpdesk")
	shared.AddShared(cmd.Flags())
	return cmd
}

// changeStatus reads the SESSION arguments (a mistake in one is a usage
// error, before anything is sent), then sends ch to each session in turn.
func changeStatus(ctx context.Context, positional []string, env command.Env, d settings.Deps, shared settings.Flags, ch api.StatusChange) error {
	ts, err := targets(positional, env.Stdin)
	if err != nil {
		return err
	}
	return command.Exit(sendEach(ctx, ts, env, d, shared, ch))
}

// sendEach sends ch to each target in turn, one result line each.
func sendEach(ctx context.Context, ts []target, env command.Env, d settings.Deps, shared settings.Flags, ch api.StatusChange) int {
	r, stop, code := start(env, shared, d)
	defer stop()
	if code >= 0 {
		return code
	}
	var t tally
	for i, tg := range ts {
		o := r.setStatus(ctx, tg, ch)
		t = append(t, o)
		if o.stop && i+1 < len(ts) {
			rest := ts[i+1:]
			for _, tg := range rest {
				fmt.Fprintf(env.Stdout, "%s not sent (stopped after %s)\n", tg.label(), o.why)
				t = append(t, outcome{words: "not sent", code: o.code})
			}
			fmt.Fprintf(env.Stderr, "cxi: stopped after %s: %s not sent, as they would fail the same way\n", o.why, plural.Count(len(rest), "session"))
			break
		}
	}
	if len(t) > 1 {
		fmt.Fprintln(env.Stderr, "cxi: "+t.summary())
	}
	return t.exitCode()
}

// setStatus sends the change to the session tg names through
// change.SetStatus (read, check, PATCH, confirming GET, each waited out
// once after a 429), records it in the audit log and prints the session's
// result line in the routine's words. An ID is read by the routine; other
// text is resolved first as get resolves it, and the change goes to the
// session found. The change goes to the ID the user named when they named
// one, never to an ID only the API's answer gave.
func (r *runner) setStatus(ctx context.Context, tg target, ch api.StatusChange) outcome {
	req := change.StatusRequest{ID: tg.query.Value, Change: ch, Wait: r.pause}
	if tg.query.Kind != resolve.KindID {
		id, sess, o, ok := r.find(ctx, tg)
		if !ok {
			fmt.Fprintf(r.env.Stdout, "%s %s\n", tg.label(), o.words)
			return o
		}
		req.ID, req.Before = id, sess
	}
	res := change.SetStatus(ctx, r.client, req)
	if e := res.Entry(); e.Outcome != "" {
		r.audit(ctx, e)
	}
	label := api.ShortID(req.ID)
	switch {
	case res.Outcome == change.Refused && !res.Sent:
		// The read before: nothing was sent.
		if api.KindOf(res.Err) != api.KindNotFound {
			r.say(res.Err, req.ID)
		}
	case res.Outcome == change.NotConfirmed, res.Outcome == change.Stopped:
		r.say(res.Err, req.ID)
	case res.Outcome == change.Refused, res.Outcome == change.Unknown:
		r.sayWrite(res.Err, req.ID)
	}
	words := render.Line(res.Words())
	fmt.Fprintf(r.env.Stdout, "%s %s\n", label, words)
	switch {
	case res.OK():
		return succeeded(words)
	case res.Outcome == change.Disputed:
		return outcome{words: words, code: command.ExitError}
	}
	o := failed(res.Err)
	o.words = words
	o.why, o.stop = res.Stops()
	return o
}

// find reads the session tg names and says which ID a write goes to. An
// ID is read with one GET (no fallback to a ticket search: a write goes
// to the session named, or to none), whose answer must be that session
// (api.ReadTarget); the write goes to the ID as named. Other text is
// resolved as get resolves it, and the write goes to the session found:
// the user named it by its ticket, email or name. Either way the session,
// and the status the change is weighed against, is the API's answer of a
// moment ago: Resolve is given no loaded sessions, so what it finds it has
// just listed or fetched, and it is not fetched again. ok is false when
// there is not exactly one; the outcome says why, and stderr lists
// several.
func (r *runner) find(ctx context.Context, tg target) (string, *api.Session, outcome, bool) {
	if tg.query.Kind == resolve.KindID {
		sess, o, ok := r.get(ctx, tg.query.Value)
		return tg.query.Value, sess, o, ok
	}
	var res *resolve.Result
	err := r.once(ctx, func() error {
		var err error
		res, err = resolve.Resolve(ctx, r.client, tg.text, nil)
		return err
	})
	if err != nil {
		r.say(err, "")
		return "", nil, failed(err), false
	}
	switch len(res.Sessions) {
	case 0:
		return "", nil, outcome{words: "not found", code: command.ExitNotFound}, false
	case 1:
		return res.Sessions[0].ID, &res.Sessions[0], outcome{}, true
	}
	fmt.Fprintf(r.env.Stderr, "cxi: %d sessions match %s; pass one ID:\n", len(res.Sessions), tg.label())
	for i := range res.Sessions {
		s := &res.Sessions[i]
		fmt.Fprintf(r.env.Stderr, "  %s  %s  %s\n", render.Or(s.ID), render.Status(s.Status), render.Contact(s.Contact))
	}
	return "", nil, outcome{words: fmt.Sprintf("matches %d sessions, none sent", len(res.Sessions)), code: command.ExitAmbiguous}, false
}

// get reads the session with ID id, as find does for an ID: an answer
// with another session is an error, and nothing is sent.
func (r *runner) get(ctx context.Context, id string) (*api.Session, outcome, bool) {
	var sess *api.Session
	err := r.once(ctx, func() error {
		var err error
		sess, err = api.ReadTarget(ctx, r.client, id)
		return err
	})
	if err != nil {
		if api.KindOf(err) != api.KindNotFound {
			r.say(err, id)
		}
		return nil, failed(err), false
	}
	return sess, outcome{}, true
}
