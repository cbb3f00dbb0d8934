package change

import (
	"context"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/store"
)

// Redactor is what a redaction needs of the API client.
type Redactor interface {
	api.SessionReader
	RedactSession(ctx context.Context, id, reason string) (*api.Redaction, error)
	RedactMessage(ctx context.Context, messageID, reason string) (*api.Redaction, error)
}

// Eraser erases, locally, what a redaction erased from the API: the local
// store's copy.
type Eraser interface {
	EraseRedacted(ctx context.Context, sessionID, messageID string) error
}

// RedactRequest is one redaction: every message of session ID, or the
// one message MessageID of it.
type RedactRequest struct {
	ID        string
	MessageID string // "" for every message of the session
	Reason    string
	// Read makes the routine read the session first (api.ReadTarget) and
	// send nothing unless the API answers with it. cxi redact read it
	// already, before asking to confirm; the TUI reads it here.
	Read bool
	// Erase is the local copy a redaction erases too; nil keeps none.
	Erase Eraser
	// Wait and Now are as for a status change: a 429 waited out once.
	Wait func(ctx context.Context, d time.Duration) error
	Now  func() time.Time
}

// RedactResult is what came of a redaction.
type RedactResult struct {
	ID, MessageID string
	Reason        string
	Redaction     *api.Redaction // the API's answer, when it redacted
	Err           error          // the read's before, or the redaction's
	Sent          bool           // the redaction left: its outcome is recorded
	// Kept is why the local store's copy could not be erased; nil when
	// it was, or none was kept.
	Kept error
}

// Redact is the one routine of a redaction, for the TUI and cxi redact:
// read the session when asked, send the redaction, erase the local copy
// whenever the API may have redacted (store.RedactionMayHaveHappened),
// and say what came of it.
func Redact(ctx context.Context, c Redactor, req RedactRequest) RedactResult {
	r := RedactResult{ID: req.ID, MessageID: req.MessageID, Reason: req.Reason}
	st := StatusRequest{Wait: req.Wait, Now: req.Now}
	if req.Read {
		if err := st.Once(ctx, func() error { _, err := api.ReadTarget(ctx, c, req.ID); return err }); err != nil {
			r.Err = err
			return r
		}
	}
	r.Err = st.Once(ctx, func() error {
		var err error
		if req.MessageID != "" {
			r.Redaction, err = c.RedactMessage(ctx, req.MessageID, req.Reason)
		} else {
			r.Redaction, err = c.RedactSession(ctx, req.ID, req.Reason)
		}
		return err
	})
	if api.KindOf(r.Err) == api.KindCanceled {
		return r // never left
	}
	r.Sent = true
	if req.Erase != nil && store.RedactionMayHaveHappened(r.Err) {
		r.Kept = req.Erase.EraseRedacted(context.WithoutCancel(ctx), req.ID, req.MessageID)
	}
	return r
}

// Count is how many messages the API says it redacted: messagesRedacted
// for a session; a message's answer has none (the contract), so there
// affectedCount.
func (r RedactResult) Count() int {
	switch {
	case r.Redaction == nil:
		return 0
	case r.MessageID != "":
		return int(r.Redaction.Affected)
	}
	return int(r.Redaction.MessagesRedacted)
}

// Words is what came of the redaction: "redacted (3 messages)",
// "redacted" for one message, or the failure's words (Failed).
func (r RedactResult) Words() string {
	switch {
	case r.Err != nil:
		return Failed(r.Err)
	case r.MessageID != "":
		return "redacted"
	}
	return "redacted (" + plural.Count(r.Count(), "message") + ")"
}

// Entry is the redaction as the audit log records it: a redaction, with
// no status before or after (it changes none); no Outcome when it never
// left.
func (r RedactResult) Entry() store.AuditEntry {
	e := store.AuditEntry{SessionID: r.ID, MessageID: r.MessageID, Action: store.ActionRedact}
	if r.Reason != "" {
		e.Options = []string{"reason: " + r.Reason}
	}
	switch {
	case !r.Sent:
	case r.Err != nil:
		e.Outcome = Failed(r.Err)
	default:
		e.Outcome = OK
	}
	return e
}
