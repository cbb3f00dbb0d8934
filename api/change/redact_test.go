package change_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
)

// redactAPI answers the read before with a session (or getErr) and every
// redaction with red, err.
type redactAPI struct {
	scripted
	red *api.Redaction
	err error
}

func (r *redactAPI) RedactSession(_ context.Context, id, _ string) (*api.Redaction, error) {
	r.calls = append(r.calls, "POST session")
	return r.red, r.err
}

func (r *redactAPI) RedactMessage(_ context.Context, id, _ string) (*api.Redaction, error) {
	r.calls = append(r.calls, "POST message "+id)
	return r.red, r.err
}

// erased records what the local copy erased.
type erased []string

func (e *erased) EraseRedacted(_ context.Context, sessionID, messageID string) error {
	*e = append(*e, fmt.Sprintf("%s/%s", api.ShortID(sessionID), messageID))
	return nil
}

// TestRedactOutcomes: the one routine of a redaction, for the TUI and cxi
// redact: read (when asked), send, erase the local copy whenever it may
// have been redacted, the words, and the audit entry — a redaction, with
// no status before or after.
func TestRedactOutcomes(t *testing.T) {
	unknown := &api.Error{Kind: api.KindDecode, Status: 200, Err: fmt.Errorf("%w: the answer said nothing", api.ErrRedactionUnknown)}
	for _, tt := range []struct {
		name         string
		read         bool
		gets         []answer
		message      string
		red          *api.Redaction
		err          error
		calls, words string
		audit        string
		erased       string
	}{
		{name: "a session", read: true, gets: []answer{{status: api.StatusOpen}}, red: &api.Redaction{Success: true, MessagesRedacted: 3},
			calls: "GET POST session", words: "redacted (3 messages)", audit: "ok", erased: "3c90c3cc/"},
		{name: "a message, read already", message: "m1", red: &api.Redaction{Success: true, Affected: 1},
			calls: "POST message m1", words: "redacted", audit: "ok", erased: "3c90c3cc/m1"},
		{name: "the read answers another session", read: true, gets: []answer{{status: api.StatusOpen, id: "ffffffff-0d44-4b50-8888-8dd25736052a"}},
			calls: "GET", words: change.NotSentOtherSession},
		{name: "refused", err: e403, calls: "POST session", words: "refused (HTTP 403)", audit: "refused (HTTP 403)"},
		{name: "answered success false", err: &api.Error{Kind: api.KindDecode, Status: 200, Err: api.ErrNotRedacted}, calls: "POST session", words: "failed (unreadable answer)", audit: "failed (unreadable answer)"},
		{name: "accepted without saying", err: unknown, calls: "POST session", words: change.RedactionUnknown, audit: change.RedactionUnknown, erased: "3c90c3cc/"},
		{name: "no answer", err: noAnswer, calls: "POST session", words: change.NoAnswer, audit: change.NoAnswer, erased: "3c90c3cc/"},
		{name: "stopped before it left", err: cancelled, calls: "POST session", words: "cancelled"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &redactAPI{scripted: scripted{t: t, gets: tt.gets}, red: tt.red, err: tt.err}
			var e erased
			r := change.Redact(context.Background(), c, change.RedactRequest{ID: sid, MessageID: tt.message, Reason: "GDPR", Read: tt.read, Erase: &e})
			entry := r.Entry()
			if got := strings.Join(c.calls, " "); got != tt.calls || r.Words() != tt.words || entry.Outcome != tt.audit || strings.Join(e, ",") != tt.erased {
				t.Errorf("calls %q, words %q, audit %q, erased %q\nwant %q, %q, %q, %q", got, r.Words(), entry.Outcome, e, tt.calls, tt.words, tt.audit, tt.erased)
			}
			if entry.Action != "redact" || entry.Before != "" || entry.After != "" || entry.MessageID != tt.message || strings.Join(entry.Options, ",") != "reason: GDPR" {
				t.Errorf("entry %+v", entry)
			}
			if errors.Is(r.Err, api.ErrOtherSession) && r.Sent {
				t.Error("sent after a read about another session")
			}
		})
	}
}
