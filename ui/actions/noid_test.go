package actions

import (
	"context"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
)

// sentRedactions records what was sent: session IDs and message IDs.
type sentRedactions struct {
	redactor
	sessions, messages *[]string
}

func (r sentRedactions) RedactSession(ctx context.Context, id, reason string) (*api.Redaction, error) {
	*r.sessions = append(*r.sessions, id)
	return r.redactor.RedactSession(ctx, id, reason)
}

func (r sentRedactions) RedactMessage(ctx context.Context, id, reason string) (*api.Redaction, error) {
	*r.messages = append(*r.messages, id)
	return r.redactor.RedactMessage(ctx, id, reason)
}

// TestXOnAMessageWithoutIDOffersTheSession: the history gave the message
// at the top no id (as the newer reference page shows), and the API
// redacts a message by its id. The confirmation says that this message
// cannot be redacted alone and offers every message of the session, with
// the same typed word and reason; what is sent is the session's
// redaction, never a messageId "", and the audit log records a session's.
func TestXOnAMessageWithoutIDOffersTheSession(t *testing.T) {
	s := api.Session{ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a", Status: api.StatusOpen}
	var sessions, messages []string
	var log auditLog
	m := New(testCtx(), sentRedactions{sessions: &sessions, messages: &messages}, common.WriteSettings{Audit: &log})
	o, cmd := m.RedactMenu(&s, &api.Event{Type: "message", SenderType: "contact", Text: "my card is 4111 1111 1111 1111"})
	if o == nil || cmd != nil {
		t.Fatalf("no confirmation: %v, %v", o, cmd)
	}
	v := strings.Join(strings.Fields(strings.ReplaceAll(o.View(80, 24), "│", "")), " ") // the wrapped lines, read as one
	for _, want := range []string{
		"This message (my card is 4111 1111 1111 1111) cannot be redacted alone: the API redacts a message by its id, and this history did not give it one.",
		"Redact every message of the session instead?",
		"Redact every message of session 3c90c3cc — permanent, cannot be undone",
		"type redact to confirm",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the confirmation does not say %q:\n%s", want, o.View(80, 24))
		}
	}
	// Enter before the word sends nothing.
	if o2, _ := keytest.Press(t, o, "enter"); o2 == nil || len(sessions)+len(messages) != 0 {
		t.Fatalf("enter without the word: open %v, sent %q %q", o2 != nil, sessions, messages)
	}
	o, _ = keytest.Press(t, o, "r", "e", "d", "a", "c", "t", "tab", "P", "I", "I")
	o, cmd = keytest.Press(t, o, "enter")
	if o != nil {
		t.Fatal("the confirmation stays open after the word and enter")
	}
	sent := keytest.Run(cmd)
	if len(messages) != 0 || len(sessions) != 1 || sessions[0] != s.ID {
		t.Fatalf("sent messages %q and sessions %q; want the session alone", messages, sessions)
	}
	done, ok := sent[0].(RedactedMsg)
	if !ok || done.MessageID != "" || done.SessionID != s.ID {
		t.Fatalf("answer %+v", sent)
	}
	_, ev, said := m.Update(done)
	if n := keytest.Run(said)[0].(common.NoticeMsg); !strings.HasPrefix(n.Text, "Redacted 4 messages of 3c90c3cc") || ev.Redacted != s.ID {
		t.Errorf("said %+v, event %+v", n, ev)
	}
	if len(log) != 1 || log[0].MessageID != "" || log[0].SessionID != s.ID || log[0].Options[0] != "reason: PII" {
		t.Errorf("audit log %+v", log)
	}
}

// TestXOnAMessageWithoutIDReadOnly: read-only refuses before any
// confirmation, whether the message has an id or not.
func TestXOnAMessageWithoutIDReadOnly(t *testing.T) {
	s := api.Session{ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a", Status: api.StatusOpen}
	var sessions, messages []string
	m := New(testCtx(), sentRedactions{sessions: &sessions, messages: &messages}, common.WriteSettings{ReadOnly: "--read-only"})
	o, cmd := m.RedactMenu(&s, &api.Event{Type: "message", Text: "hi"})
	notices := keytest.Run(cmd)
	if o != nil || len(notices) != 1 || !strings.Contains(notices[0].(common.NoticeMsg).Text, "Read-only") || len(sessions)+len(messages) != 0 {
		t.Errorf("open %v, said %v, sent %q %q", o != nil, notices, sessions, messages)
	}
}

// TestXOnAMessageWithIDStillRedactsTheMessage: with an id, the message
// alone is offered and sent, as before.
func TestXOnAMessageWithIDStillRedactsTheMessage(t *testing.T) {
	s := api.Session{ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a", Status: api.StatusOpen}
	var sessions, messages []string
	m := New(testCtx(), sentRedactions{sessions: &sessions, messages: &messages}, common.WriteSettings{})
	o, _ := m.RedactMenu(&s, &api.Event{ID: "msg-1", Type: "message", Text: "hi"})
	if v := o.View(80, 24); strings.Contains(v, "cannot be redacted alone") || !strings.Contains(v, "the message msg-1 (hi)") {
		t.Errorf("confirmation:\n%s", v)
	}
	o, _ = keytest.Press(t, o, "r", "e", "d", "a", "c", "t")
	_, cmd := keytest.Press(t, o, "enter")
	keytest.Run(cmd)
	if len(messages) != 1 || messages[0] != "msg-1" || len(sessions) != 0 {
		t.Errorf("sent messages %q and sessions %q", messages, sessions)
	}
}
