package change

import (
	"context"
	"errors"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
)

// Client is what a status change needs of the API client.
type Client interface {
	api.SessionReader
	SetStatus(ctx context.Context, id string, ch api.StatusChange) error
}

// StatusRequest is one session's status change.
type StatusRequest struct {
	ID     string
	Change api.StatusChange
	// Before is the session as the caller last read it, whose status the
	// change is weighed against. nil: the routine reads it first
	// (api.ReadTarget), as cxi close does for an ID. The TUI passes its
	// row and saves a request of the budget for every session of a batch.
	Before *api.Session
	// Wait, when set, waits out a 429 that RetryAfter allows before the
	// one retry of that request (cxi close). nil: a 429 is the outcome,
	// for the caller to wait out and send again (the TUI's countdown).
	Wait func(ctx context.Context, d time.Duration) error
	// Now is the clock a 429's Retry-After is read against; nil: time.Now.
	Now func() time.Time
}

// StatusOutcome is what came of a status change, one of the kinds below.
type StatusOutcome int

const (
	// Changed: the API took the change and read back as changed.
	Changed StatusOutcome = iota
	// ChangedNotConfirmed: the API took the change (2xx); the read after
	// it failed, so what it now holds is not known. A success.
	ChangedNotConfirmed
	// Already: the session was in the status asked for; nothing sent.
	Already
	// Disputed: the API took the change but reads back another status.
	Disputed
	// NotConfirmed: the API took the change, and the read after it
	// answered another session: sent, and what came of it is not known.
	NotConfirmed
	// Refused: the read before failed (nothing sent), or the API answered
	// the change with an error (not found, 403, 500, 429 …).
	Refused
	// Unknown: the change left and got no answer: it may have happened.
	Unknown
	// Stopped: the change was stopped before it left (its context ended
	// while it waited its turn in the limiter): not sent.
	Stopped
)

// StatusResult is what came of one status change, said the same way by
// the TUI, the commands and the audit log.
type StatusResult struct {
	ID      string
	Outcome StatusOutcome
	Change  api.StatusChange
	Before  api.Status   // the status the change was weighed against
	Session *api.Session // the API's copy after the change (Changed, Disputed), or the read's (Already)
	// Err decided the outcome: the read's before, the change's, or the
	// confirming read's (ChangedNotConfirmed, NotConfirmed).
	Err error
	// Sent reports whether the change left: after it, the outcome is
	// recorded in the audit log.
	Sent bool
}

// SetStatus is the one routine of a status change, for the TUI and the
// commands alike: read the session (unless the caller holds it), leave it
// alone when already in that status, send the change, read it back once
// to confirm (an answer about another session is no confirmation), and
// say what came of it. The write goes to req.ID only: a read that answers
// another session sends nothing. The confirming read is not stopped by
// ctx: it is how a change that was sent is known.
func SetStatus(ctx context.Context, c Client, req StatusRequest) StatusResult {
	r := StatusResult{ID: req.ID, Change: req.Change}
	before := req.Before
	if before == nil {
		var err error
		err = req.Once(ctx, func() error {
			before, err = api.ReadTarget(ctx, c, req.ID)
			return err
		})
		if err != nil {
			r.Outcome, r.Err = Refused, err
			return r
		}
	}
	r.Before = before.Status
	if before.Status == req.Change.Status {
		r.Outcome, r.Session = Already, before
		return r
	}
	err := req.Once(ctx, func() error { return c.SetStatus(ctx, req.ID, req.Change) })
	switch {
	case err == nil:
	case api.KindOf(err) == api.KindCanceled || errors.Is(err, context.Canceled):
		// The client sees a write through once it has left: a cancelled
		// one never did.
		r.Outcome, r.Err = Stopped, err
		return r
	case Failed(err) == NoAnswer || Failed(err) == Dropped:
		r.Outcome, r.Err, r.Sent = Unknown, err, true
		return r
	default:
		r.Outcome, r.Err, r.Sent = Refused, err, true
		return r
	}
	r.Sent = true
	// The PATCH answers no body: one GET says what the API now holds.
	confirm := context.WithoutCancel(ctx)
	var now *api.Session
	err = req.Once(confirm, func() error {
		var err error
		now, err = api.ReadConfirmation(confirm, c, req.ID)
		return err
	})
	switch {
	case errors.Is(err, api.ErrOtherSession):
		r.Outcome, r.Err = NotConfirmed, err
	case err != nil:
		r.Outcome, r.Err = ChangedNotConfirmed, err
	case now.Status != req.Change.Status:
		r.Outcome, r.Session = Disputed, now
	default:
		r.Outcome, r.Session = Changed, now
	}
	return r
}

// Once runs fn, and once more after a 429 that RetryAfter allows, when
// the request has a Wait: the rule every request of a write keeps, and
// the reads that find its session.
func (req StatusRequest) Once(ctx context.Context, fn func() error) error {
	err := fn()
	if req.Wait == nil {
		return err
	}
	now := time.Now
	if req.Now != nil {
		now = req.Now
	}
	d, ok := RetryAfter(err, now())
	if !ok {
		return err
	}
	if req.Wait(ctx, d) != nil {
		return err
	}
	return fn()
}

// Took reports whether the API took the change: a success, whether or
// not the read after it confirmed it. A session already in the status
// asked for is a success too (OK), but nothing was taken.
func (r StatusResult) Took() bool {
	return r.Outcome == Changed || r.Outcome == ChangedNotConfirmed
}

// OK reports whether the session is a success: changed, or found already
// in the status asked for.
func (r StatusResult) OK() bool { return r.Took() || r.Outcome == Already }

// Stops reports whether this session's outcome stops a batch (Stops), for
// a change the API did not take.
func (r StatusResult) Stops() (why string, stop bool) {
	switch r.Outcome {
	case Refused, Stopped, Unknown:
		return Stops(r.Err)
	}
	return "", false
}

// Words is what came of the change, as a result line, the TUI's status
// line and its batch summary say it: "closed as resolved", "reopened,
// not confirmed (failed (HTTP 500))", "already resolved, nothing sent",
// "sent, but the API says open", "not found", "not sent". A status the
// API sent is in its own words, for the caller to sanitize as it prints.
func (r StatusResult) Words() string {
	switch r.Outcome {
	case Changed:
		return Done(r.Change.Status)
	case ChangedNotConfirmed:
		return Done(r.Change.Status) + ", not confirmed (" + Failed(r.Err) + ")"
	case Already:
		return "already " + StatusWord(r.Change.Status) + ", nothing sent"
	case Disputed:
		return "sent, but the API says " + StatusWord(r.Session.Status)
	case Stopped:
		return NotSent
	}
	return Failed(r.Err)
}

// Entry is the change as the audit log records it, its Outcome in the
// words above ("ok", "ok, not confirmed: …", "not confirmed: the API says
// open", a failure); the writer adds when and from where. A change that
// never left has no Outcome: there is nothing to record.
func (r StatusResult) Entry() store.AuditEntry {
	e := store.StatusEntry(r.ID, r.Before, r.Change)
	switch r.Outcome {
	case Changed:
		e.After, e.Outcome = r.Session.Status, OK
	case ChangedNotConfirmed:
		e.After, e.Outcome = r.Change.Status, OK+", not confirmed: "+Failed(r.Err)
	case Disputed:
		e.After, e.Outcome = r.Session.Status, "not confirmed: the API says "+StatusWord(r.Session.Status)
	case NotConfirmed, Refused, Unknown:
		if r.Sent {
			e.Outcome = Failed(r.Err)
		}
	}
	return e
}
