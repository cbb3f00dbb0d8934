package act

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/api/store"
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
func NewCloseCommand(env command.Env) *cobra.Command { return newClose(env, defaults(env)) }

// NewReopenCommand is `cxi reopen`.
func NewReopenCommand(env command.Env) *cobra.Command { return newReopen(env, defaults(env)) }

// closeCmd runs `cxi close` with args, reaching the world through d.
func closeCmd(ctx context.Context, args []string, env command.Env, d deps) int {
	return command.Execute(ctx, newClose(env, d), args, env)
}

// reopenCmd runs `cxi reopen` with args, reaching the world through d.
func reopenCmd(ctx context.Context, args []string, env command.Env, d deps) int {
	return command.Execute(ctx, newReopen(env, d), args, env)
}

func newClose(env command.Env, d deps) *cobra.Command {
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

func newReopen(env command.Env, d deps) *cobra.Command {
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
func changeStatus(ctx context.Context, positional []string, env command.Env, d deps, shared settings.Flags, ch api.StatusChange) error {
	ts, err := targets(positional, env.Stdin)
	if err != nil {
		return err
	}
	return command.Exit(sendEach(ctx, ts, env, d, shared, ch))
}

// sendEach sends ch to each target in turn, one result line each.
func sendEach(ctx context.Context, ts []target, env command.Env, d deps, shared settings.Flags, ch api.StatusChange) int {
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

// done is what a change to status is called once made.
func done(s api.Status) string {
	switch s {
	case api.StatusOpen:
		return "reopened"
	case api.StatusClosedResolved, api.StatusClosedUnresolved:
		return state(s)
	}
	return "set to " + state(s)
}

// already is a session found in the status asked for.
func already(s api.Status) string { return "already " + state(s) }

// state is status s as "the session is …" says it.
func state(s api.Status) string {
	switch s {
	case api.StatusClosedResolved:
		return "closed (resolved)"
	case api.StatusClosedUnresolved:
		return "closed (unresolved)"
	}
	return render.Line(string(s))
}

// setStatus reads the session, sends the change unless it is already in
// that status, reads it again to confirm, records the write in the audit
// log and prints the session's result line. The change goes to the ID the
// user named when they named one, never to an ID only the API's answer
// gave.
func (r *runner) setStatus(ctx context.Context, tg target, ch api.StatusChange) outcome {
	id, sess, o, ok := r.find(ctx, tg)
	if !ok {
		fmt.Fprintf(r.env.Stdout, "%s %s\n", tg.label(), o.words)
		return o
	}
	label := api.ShortID(id)
	if sess.Status == ch.Status {
		fmt.Fprintf(r.env.Stdout, "%s %s, nothing sent\n", label, already(ch.Status))
		return succeeded(already(ch.Status))
	}
	entry := store.StatusEntry(id, sess.Status, ch)
	err := r.once(ctx, func() error { return r.client.SetStatus(ctx, id, ch) })
	if err != nil {
		o := failed(err)
		entry.Outcome = o.words
		r.audit(ctx, entry)
		r.sayWrite(err, id)
		fmt.Fprintf(r.env.Stdout, "%s %s\n", label, o.words)
		return o
	}
	// The PATCH answers no body: one GET says what the API now holds, if
	// it answers with the session the change went to.
	var now *api.Session
	cerr := r.once(ctx, func() error {
		var err error
		now, err = api.ReadConfirmation(ctx, r.client, id)
		return err
	})
	switch {
	case errors.Is(cerr, api.ErrOtherSession):
		o := failed(cerr)
		entry.Outcome = o.words
		r.audit(ctx, entry)
		r.say(cerr, id)
		fmt.Fprintf(r.env.Stdout, "%s %s\n", label, o.words)
		return o
	case cerr != nil:
		o := succeeded(done(ch.Status))
		entry.Outcome = "ok, not confirmed: " + failed(cerr).words
		r.audit(ctx, entry)
		fmt.Fprintf(r.env.Stdout, "%s %s, not confirmed (%s)\n", label, o.words, failed(cerr).words)
		return o
	case now.Status != ch.Status:
		entry.After = now.Status
		entry.Outcome = "not confirmed: the API says " + string(now.Status)
		r.audit(ctx, entry)
		fmt.Fprintf(r.env.Stdout, "%s sent, but the API says %s\n", label, render.Line(string(now.Status)))
		return outcome{words: "not confirmed", code: command.ExitError}
	}
	entry.After, entry.Outcome = now.Status, "ok"
	r.audit(ctx, entry)
	fmt.Fprintf(r.env.Stdout, "%s %s\n", label, done(ch.Status))
	return succeeded(done(ch.Status))
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
