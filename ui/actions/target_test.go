package actions

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
)

const (
	idAsked  = "0d322df5-0d44-4b50-8888-8dd25736052a"
	idAsked2 = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
	idOther  = "497f6eca-6276-4993-bfeb-53cbbbba6f08"
)

// statusAPI takes every status change; its GET answers the session asked
// for in the status last sent to it, or, for an ID in answerAs, the
// session with that other ID.
type statusAPI struct {
	mu       sync.Mutex
	answerAs map[string]string
	patched  []string
	status   map[string]api.Status
}

func (a *statusAPI) SetStatus(_ context.Context, id string, ch api.StatusChange) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.patched = append(a.patched, id)
	a.status[id] = ch.Status
	return nil
}

func (a *statusAPI) GetSession(_ context.Context, id string) (*api.Session, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	st := a.status[id]
	if other, ok := a.answerAs[id]; ok {
		id = other
	}
	return &api.Session{ID: id, Status: st}, nil
}

// runBatch confirms change on sessions and sends every answer back to
// Update until the batch ends; it returns the events and what the status
// line said last.
func runBatch(t *testing.T, m Model, change api.StatusChange, sessions ...api.Session) ([]common.WriteEvent, common.NoticeMsg) {
	t.Helper()
	var events []common.WriteEvent
	var said common.NoticeMsg
	m, ev, cmd := m.Update(ConfirmedMsg{Change: change, Sessions: sessions})
	events = append(events, ev)
	for range 10 {
		msgs := keytest.Run(cmd)
		cmd = nil
		var next []tea.Cmd
		for _, msg := range msgs {
			switch msg := msg.(type) {
			case Msg:
				var c tea.Cmd
				m, ev, c = m.Update(msg)
				if _, done := msg.(DoneMsg); done || ev.Saving != nil {
					events = append(events, ev) // not the nothing a late savingMsg comes to
				}
				next = append(next, c)
			case common.NoticeMsg:
				said = msg
			}
		}
		if cmd = tea.Batch(next...); cmd == nil {
			return events, said
		}
	}
	t.Fatal("the batch did not end")
	return nil, said
}

// TestAConfirmationFromAnotherSessionIsNotConfirmed: the TUI's change
// went to the session in view, but the GET after it answered another
// session: the views get no fresh copy (another session's status would
// pass for this one's), the status line says it was sent and is not
// confirmed, the session stays selected and the audit log records the
// same words as cxi close.
func TestAConfirmationFromAnotherSessionIsNotConfirmed(t *testing.T) {
	var log auditLog
	a := &statusAPI{answerAs: map[string]string{idAsked: idOther}, status: map[string]api.Status{}}
	m := New(testCtx(), a, common.WriteSettings{Audit: &log})
	events, said := runBatch(t, m, api.StatusChange{Status: api.StatusClosedResolved}, api.Session{ID: idAsked, Status: api.StatusOpen})

	if len(a.patched) != 1 || a.patched[0] != idAsked {
		t.Errorf("patched %q", a.patched)
	}
	last := events[len(events)-1]
	for _, ev := range events {
		if ev.Fresh != nil {
			t.Errorf("a fresh copy from another session: %+v", ev.Fresh)
		}
	}
	if !last.Finished || fmt.Sprint(last.Settled) != "["+idAsked+"]" || fmt.Sprint(last.Failed) != "["+idAsked+"]" {
		t.Errorf("last event %+v", last)
	}
	if want := "Sent, not confirmed: asked for 0d322df5, the API answered 497f6eca."; said.Text != want || !said.Bad {
		t.Errorf("said %+v\nwant %q", said, want)
	}
	if len(log) != 1 || log[0].Outcome != change.SentNotConfirmed || log[0].After != "" || log[0].SessionID != idAsked {
		t.Errorf("audit log %+v", log)
	}
}

// TestABatchCountsTheUnconfirmedApart: in a batch, a change whose
// confirmation answered another session is counted as neither done nor
// failed; the others go on.
func TestABatchCountsTheUnconfirmedApart(t *testing.T) {
	a := &statusAPI{answerAs: map[string]string{idAsked: idOther}, status: map[string]api.Status{}}
	m := New(testCtx(), a, common.WriteSettings{})
	events, said := runBatch(t, m, api.StatusChange{Status: api.StatusClosedResolved},
		api.Session{ID: idAsked, Status: api.StatusOpen}, api.Session{ID: idAsked2, Status: api.StatusOpen})
	if len(a.patched) != 2 {
		t.Errorf("patched %q", a.patched)
	}
	fresh := 0
	for _, ev := range events {
		if ev.Fresh != nil {
			fresh++
			if ev.Fresh.ID != idAsked2 {
				t.Errorf("fresh %+v", ev.Fresh)
			}
		}
	}
	if want := "1 closed as resolved · 1 " + change.SentNotConfirmed + " · the ones that failed stay selected"; fresh != 1 || !strings.HasPrefix(said.Text, want) {
		t.Errorf("%d fresh, said %q\nwant %q", fresh, said.Text, want)
	}
}

// TestAConfirmationInAnotherCaseIsTheSession: UUIDs are case-insensitive:
// a confirmation that spells the ID in upper case confirms the change.
func TestAConfirmationInAnotherCaseIsTheSession(t *testing.T) {
	a := &statusAPI{answerAs: map[string]string{idAsked: strings.ToUpper(idAsked)}, status: map[string]api.Status{}}
	m := New(testCtx(), a, common.WriteSettings{})
	events, said := runBatch(t, m, api.StatusChange{Status: api.StatusClosedResolved}, api.Session{ID: idAsked, Status: api.StatusOpen})
	last := events[len(events)-1]
	if last.Fresh == nil || last.Fresh.Status != api.StatusClosedResolved || len(last.Failed) != 0 || said.Bad {
		t.Errorf("last event %+v, said %+v", last, said)
	}
}

// TestARedactionGoesOnlyToTheSessionNamed: the TUI reads the session
// before redacting it, as cxi redact does; an answer with another session
// sends no redaction, records nothing and says why. The same ID in upper
// case is the same session.
func TestARedactionGoesOnlyToTheSessionNamed(t *testing.T) {
	s := api.Session{ID: idAsked, Status: api.StatusOpen}
	for _, msg := range []*api.Event{nil, {ID: "msg-1", Text: "card 4111"}} {
		var log auditLog
		sent := 0
		m := New(testCtx(), redactor{answer: idOther, sent: &sent}, common.WriteSettings{Audit: &log})
		done := m.redact(s, msg, "")().(RedactedMsg)
		_, ev, cmd := m.Update(done)
		notices := keytest.Run(cmd)
		if sent != 0 || len(log) != 0 || !errors.Is(done.Err, api.ErrOtherSession) || ev.Redacted != "" {
			t.Errorf("message %v: %d sent, audit %+v, err %v, event %+v", msg, sent, log, done.Err, ev)
		}
		want := "Not redacted: asked for 0d322df5, the API answered 497f6eca: nothing sent."
		if len(notices) != 1 || notices[0].(common.NoticeMsg).Text != want || !notices[0].(common.NoticeMsg).Bad {
			t.Errorf("message %v: said %+v\nwant %q", msg, notices, want)
		}

		m = New(testCtx(), redactor{answer: strings.ToUpper(idAsked), sent: &sent}, common.WriteSettings{Audit: &log})
		if done := m.redact(s, msg, "")().(RedactedMsg); done.Err != nil || sent != 1 || len(log) != 1 {
			t.Errorf("message %v, answered in upper case: %v, %d sent", msg, done.Err, sent)
		}
	}
}

// TestARedactionThatDoesNotSayReloads: a redaction accepted without an
// answer that says whether it redacted is not "not redacted": the status
// line says it was sent and what is not known, the transcript reloads,
// and the audit log says the same as cxi redact.
func TestARedactionThatDoesNotSayReloads(t *testing.T) {
	s := api.Session{ID: idAsked, Status: api.StatusOpen}
	unknown := &api.Error{Kind: api.KindDecode, Op: "redact session 0d322df5",
		Err: fmt.Errorf("the API accepted it with an empty body, so %w", api.ErrRedactionUnknown)}
	var log auditLog
	m := New(testCtx(), redactor{err: unknown}, common.WriteSettings{Audit: &log})
	_, ev, cmd := m.Update(m.redact(s, nil, "")().(RedactedMsg))
	notices := keytest.Run(cmd)
	want := "Redaction sent, but the API accepted it with an empty body, so whether anything was redacted is not known; the transcript shows what the API now returns."
	if len(notices) != 1 || notices[0].(common.NoticeMsg).Text != want {
		t.Errorf("said %+v\nwant %q", notices, want)
	}
	if ev.Redacted != idAsked {
		t.Errorf("event %+v: the transcript does not reload", ev)
	}
	if len(log) != 1 || log[0].Outcome != change.RedactionUnknown {
		t.Errorf("audit log %+v", log)
	}
}
