// Package write holds the commands that write: `cxi close`, `cxi reopen`
// and `cxi redact`, and `cxi log`, which prints what they (and the TUI)
// wrote. Each write is explicit (a command line, a typed confirmation for
// a redaction), refused whole when the settings say read-only, sent once
// (a 429 is retried once, after its Retry-After) and recorded in the
// local store's audit log with its answer. Each session gets one result
// line on stdout; errors go to stderr; the exit code says whether all,
// some or none succeeded.
package write

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/render"
)

// Client is what the commands need from the API client: resolving SESSION
// as get does, and the three writes.
type Client interface {
	resolve.Client
	SetStatus(ctx context.Context, id string, ch api.StatusChange) error
	RedactSession(ctx context.Context, id, reason string) (*api.Redaction, error)
	RedactMessage(ctx context.Context, messageID, reason string) (*api.Redaction, error)
}

// runner is one command's run: where it writes, what it writes with.
type runner struct {
	env    command.Env
	client Client
	store  *store.Store
	wait   func(ctx context.Context, until time.Time) error
	// auditFailed is set once an audit write failed, so that it is said once.
	auditFailed bool
}

// once runs a read that resolves a SESSION, and once more after a 429,
// by the rule the writes keep (change.StatusRequest's Wait): the only
// retry a request ever gets.
func (r *runner) once(ctx context.Context, fn func() error) error {
	return change.StatusRequest{Wait: r.pause}.Once(ctx, fn)
}

// pause waits out a 429's Retry-After d before the one retry, saying so
// on stderr.
func (r *runner) pause(ctx context.Context, d time.Duration) error {
	fmt.Fprintf(r.env.Stderr, "cxi: rate limited: trying once more after the %s the API asked to wait\n", d.Round(time.Second))
	return r.wait(ctx, time.Now().Add(d))
}

// audit records e in the store's audit log, saying on stderr (once) when
// it could not.
func (r *runner) audit(ctx context.Context, e store.AuditEntry) {
	e.At, e.Source = r.env.Now(), store.SourceCommand
	if err := r.store.Audit(ctx, e); err != nil && !r.auditFailed {
		r.auditFailed = true
		fmt.Fprintln(r.env.Stderr, "cxi: not recorded in the audit log: "+err.Error())
	}
}

// start resolves the settings, refuses a read-only run, and connects. A
// code other than -1 ends the command with it, having said why.
func start(env command.Env, f settings.Flags, d settings.Deps) (*runner, func(), int) {
	s, err := settings.Resolve(f, env)
	if err == nil {
		err = s.CheckWrite()
	}
	if err != nil {
		return nil, func() {}, command.Fail(env, err, "")
	}
	conn, err := d.Open(s)
	if err != nil {
		return nil, func() {}, command.Fail(env, err, "")
	}
	if conn.Store == nil {
		why := "it cannot be used here"
		if s.Store.Off {
			why = "the local store is off (" + s.Store.OffBy + ")"
		}
		fmt.Fprintln(env.Stderr, "cxi: the writes of this run are not recorded in the audit log: "+why)
	}
	return &runner{env: env, client: conn.Client, store: conn.Store, wait: d.Wait}, conn.Close, -1
}

// say is err as one line on stderr, as the TUI would word it.
func (r *runner) say(err error, id string) {
	fmt.Fprintln(r.env.Stderr, "cxi: "+explain.Describe(err, id).Line())
}

// sayWrite is a write's error as one line on stderr, naming the write. A
// refused key is said as a key that may not write (the read before it went
// through), not as explain's "may not read"; the server's words follow as
// for any error.
func (r *runner) sayWrite(err error, id string) {
	var e *api.Error
	if !errors.As(err, &e) {
		r.say(err, id)
		return
	}
	f := explain.Describe(err, id)
	switch e.Kind {
	case api.KindForbidden:
		f.Sentence = fmt.Sprintf("refused (HTTP %d): this API key may read but not write.", e.Status)
	case api.KindUnauthorized:
		f.Sentence = fmt.Sprintf("the API key was rejected (HTTP %d).", e.Status)
	}
	fmt.Fprintf(r.env.Stderr, "cxi: %s: %s\n", render.Line(e.Op), f.Line())
}
