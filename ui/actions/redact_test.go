package actions

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
)

// redactor answers redactions as the API would, its counts differing as
// they may: affectedCount can count more than the messages. Its GET
// answers the session asked for, or the one with ID answer; sent, when
// set, counts the redactions sent.
type redactor struct {
	err    error
	answer string
	sent   *int
}

func (redactor) SetStatus(context.Context, string, api.StatusChange) error { return nil }

func (r redactor) GetSession(_ context.Context, id string) (*api.Session, error) {
	if r.answer != "" {
		id = r.answer
	}
	return &api.Session{ID: id, Status: api.StatusOpen}, nil
}

func (r redactor) count() {
	if r.sent != nil {
		*r.sent++
	}
}

func (r redactor) RedactSession(context.Context, string, string) (*api.Redaction, error) {
	r.count()
	if r.err != nil {
		return nil, r.err
	}
	return &api.Redaction{Success: true, Type: "session", Affected: 7, MessagesRedacted: 4}, nil
}

func (r redactor) RedactMessage(context.Context, string, string) (*api.Redaction, error) {
	r.count()
	if r.err != nil {
		return nil, r.err
	}
	return &api.Redaction{Success: true, Type: "message", Affected: 1}, nil
}

type auditLog []store.AuditEntry

func (a *auditLog) Audit(_ context.Context, e store.AuditEntry) error { *a = append(*a, e); return nil }

// TestRedactionCountsWhatTheCommandCounts: the status line counts a
// session's messagesRedacted, as cxi redact prints it (not affectedCount),
// and a message's affectedCount, its answer having no messagesRedacted; a
// redaction the API did not do (success: false, an error from the client)
// says so and is audited as failed.
func TestRedactionCountsWhatTheCommandCounts(t *testing.T) {
	s := api.Session{ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a", Status: api.StatusOpen}
	notDone := &api.Error{Op: "redact session 3c90c3cc", Message: "Session already redacted", Err: fmt.Errorf("%w: Session already redacted", api.ErrNotRedacted)}
	for _, tt := range []struct {
		name    string
		err     error
		message *api.Event
		said    string
		outcome string
	}{
		{"session", nil, nil, "Redacted 4 messages of 3c90c3cc", "ok"},
		{"message", nil, &api.Event{ID: "msg-1"}, "Redacted 1 message of 3c90c3cc", "ok"},
		{"not done", notDone, nil, "Not redacted: The API redacted nothing: Session already redacted.", "failed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var log auditLog
			m := New(testCtx(), redactor{err: tt.err}, common.WriteSettings{Audit: &log})
			msg := m.redact(s, tt.message, "")()
			_, ev, cmd := m.Update(msg.(RedactedMsg))
			notices := keytest.Run(cmd)
			if len(notices) != 1 {
				t.Fatalf("said %v", notices)
			}
			n := notices[0].(common.NoticeMsg)
			if !strings.HasPrefix(n.Text, tt.said) || n.Bad != (tt.err != nil) {
				t.Errorf("said %+v, want %q", n, tt.said)
			}
			if (ev.Redacted == s.ID) != (tt.err == nil) {
				t.Errorf("event %+v", ev)
			}
			if len(log) != 1 || log[0].Outcome != tt.outcome {
				t.Errorf("audit log %+v", log)
			}
		})
	}
}

// TestRedactionFieldKeyIsABinding: the key that moves between the word
// and the reason is the focus key as remapped, named by the hint and
// listed in the help line.
func TestRedactionFieldKeyIsABinding(t *testing.T) {
	ctx := testCtx()
	ctx.Keys.SwitchFocus.SetKeys("ctrl+o")
	ctx.Keys.SwitchFocus.SetHelp("ctrl+o", "input ⇄ view")
	s := api.Session{ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a", Status: api.StatusOpen}
	var sent []string
	m := New(ctx, redactor{}, common.WriteSettings{})
	o, _ := m.RedactMenu(&s, nil)
	menu := o.(redactMenu)
	menu.send = func(_ api.Session, _ *api.Event, reason string) tea.Cmd { sent = append(sent, reason); return nil }
	if v := menu.View(120, 20); !strings.Contains(v, "type redact to confirm · ctrl+o moves to the reason · esc cancel") {
		t.Errorf("the hint:\n%s", v)
	}
	var help []string
	for _, b := range menu.ShortHelp() {
		help = append(help, b.Help().Key+" "+b.Help().Desc)
	}
	if got := strings.Join(help, " · "); got != "enter do it · ctrl+o word ⇄ reason · esc cancel" {
		t.Errorf("help line %q", got)
	}
	o, _ = keytest.Press(t, menu, "r", "e", "d", "a", "c", "t", "ctrl+o", "G", "D", "P", "R")
	o, _ = keytest.Press(t, o, "tab") // no longer the field key: the reason's textinput ignores it
	if o, _ = keytest.Press(t, o, "enter"); o != nil || len(sent) != 1 || sent[0] != "GDPR" {
		t.Errorf("sent %q, still open %v", sent, o != nil)
	}
}

// TestXOnSeveralSelectedSendsNothingAndSaysWhy: a redaction is permanent,
// so X in the queue takes one session: with three selected it opens no
// confirmation and says how to redact one; with one selected it opens the
// typed confirmation naming that session; read-only says read-only first.
func TestXOnSeveralSelectedSendsNothingAndSaysWhy(t *testing.T) {
	m := New(testCtx(), redactor{}, common.WriteSettings{})
	o, cmd := m.RedactSelected(common.SessionTargets(oneOpenTwoResolved()...))
	if o != nil {
		t.Fatal("a confirmation opened for three sessions")
	}
	n := cmd().(common.NoticeMsg)
	if want := "Nothing redacted: 3 selected, and X redacts one session at a time."; n.Text != want || !n.Bad {
		t.Errorf("said %+v\nwant %q", n, want)
	}
	o, _ = m.RedactSelected(common.SessionTargets(oneOpenTwoResolved()[1:2]...))
	if o == nil || !strings.Contains(o.View(100, 20), "Redact every message of session 3c90c3cc") {
		t.Errorf("one selected: %v", o)
	}
	ro := New(testCtx(), redactor{}, common.WriteSettings{ReadOnly: "--read-only"})
	if _, cmd := ro.RedactSelected(common.SessionTargets(oneOpenTwoResolved()...)); !strings.HasPrefix(cmd().(common.NoticeMsg).Text, "Read-only (--read-only)") {
		t.Error("read-only is not said first")
	}
}
