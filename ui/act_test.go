package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
)

var space = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}

// TestCloseSelectedSessions: space selects, S opens the menu, a number
// picks, the confirmation says what will be sent, enter sends it; the rows
// show "saving…" at once and the confirmed status after.
func TestCloseSelectedSessions(t *testing.T) {
	sessions := stubSessions(3)
	client := &stubClient{sessions: sessions}
	m := startedModel(t, client)
	m = send(m, space, space)
	if !strings.Contains(m.View(), "2 selected") {
		t.Fatalf("space did not select:\n%s", m.View())
	}
	m = press(m, "S")
	if v := m.View(); !strings.Contains(v, "Status of 2 sessions") || !strings.Contains(v, "reopen") || !strings.Contains(v, "(already open)") {
		t.Fatalf("the menu:\n%s", v)
	}
	m = press(m, "1", "h")
	if v := m.View(); !strings.Contains(v, "Close 2 sessions as resolved · also in the helpdesk · enter do it · esc cancel") {
		t.Fatalf("the confirmation does not say what will be sent:\n%s", v)
	}
	next, cmd := m.Update(enter)
	m = next.(Model)
	if len(client.changes) != 0 {
		t.Fatal("sent before the confirmation's command ran")
	}
	// The confirmation's command starts the batch: the rows say saving.
	sawSaving := false
	for _, msg := range collect(cmd) {
		next, more := m.Update(msg)
		m = next.(Model)
		sawSaving = sawSaving || strings.Contains(m.View(), "resolved…")
		m = drain(m, more)
	}
	if !sawSaving {
		t.Error("the rows never showed the new status at once, saving")
	}
	if len(client.changes) != 2 || client.changes[0] != (api.StatusChange{Status: api.StatusClosedResolved, ReflectInHelpdesk: true}) {
		t.Fatalf("sent %+v", client.changes)
	}
	if v := m.View(); !strings.Contains(v, "2 closed") || strings.Contains(v, "selected") {
		t.Errorf("after the batch:\n%s", v)
	}
	if sessions[stubID(0)].Status != api.StatusClosedResolved || sessions[stubID(1)].Status != api.StatusClosedResolved || sessions[stubID(2)].Status != api.StatusOpen {
		t.Error("the wrong sessions changed")
	}
}

// TestABatchStopsAtA403AndFailuresStaySelected.
func TestABatchStopsAtA403AndFailuresStaySelected(t *testing.T) {
	sessions := stubSessions(3)
	client := &stubClient{sessions: sessions, errs: map[string]error{stubID(1): &api.Error{Kind: api.KindForbidden, Status: 403}}}
	m := startedModel(t, client)
	m = send(m, space, space, space)
	m = press(m, "S", "1", "enter")
	if len(client.changes) != 1 {
		t.Errorf("%d changes sent; the 403 on the second should stop the third", len(client.changes))
	}
	v := m.View()
	if !strings.Contains(v, "1 closed") || !strings.Contains(v, "stopped") || !strings.Contains(v, "2 selected") {
		t.Errorf("after a 403:\n%s", v)
	}
}

// TestReadOnlySendsNothing.
func TestReadOnlySendsNothing(t *testing.T) {
	client := &stubClient{sessions: stubSessions(2)}
	m := startedModel(t, client, func(o *Options) { o.Acting.ReadOnly = "--read-only" })
	m = press(m, "S")
	if !m.overlays.Empty() || !strings.Contains(m.View(), "Read-only (--read-only): nothing is sent") {
		t.Errorf("read-only opened the menu:\n%s", m.View())
	}
	if len(client.changes) != 0 {
		t.Error("read-only sent a change")
	}
	// The keys stay in the help, saying why they do nothing.
	if v := press(m, "?").View(); !strings.Contains(v, "close / reopen… (read-only)") {
		t.Errorf("the help does not mark the action keys:\n%s", v)
	}
}

// TestOneFailedChangeSaysWhy: the old status comes back and the error reads
// as one sentence.
func TestOneFailedChangeSaysWhy(t *testing.T) {
	client := &stubClient{sessions: stubSessions(1), errs: map[string]error{stubID(0): &api.Error{Kind: api.KindServer, Status: 500}}}
	m := startedModel(t, client)
	m = press(m, "S", "2", "enter")
	v := m.View()
	if !strings.Contains(v, "Status not changed: The OpenCX API failed with HTTP 500.") || strings.Contains(v, "unresolved…") {
		t.Errorf("a failed change:\n%s", v)
	}
	if client.sessions[stubID(0)].Status != api.StatusOpen {
		t.Error("the stub changed after all")
	}
}

// TestEveryWriteIsInTheAuditLog: the TUI's writes are recorded after their
// answer, with the status before and after and the outcome.
func TestEveryWriteIsInTheAuditLog(t *testing.T) {
	st := openStore(t, t.TempDir())
	sessions := stubSessions(2)
	client := &stubClient{sessions: sessions, errs: map[string]error{stubID(1): &api.Error{Kind: api.KindServer, Status: 500}}}
	m := startedModel(t, client, func(o *Options) { o.Acting.Audit = st })
	m = send(m, space, space)
	m = press(m, "S", "2", "enter")
	if !strings.Contains(m.View(), "1 closed as unresolved · 1 failed (HTTP 500)") {
		t.Errorf("summary:\n%s", m.View())
	}
	log, err := st.AuditLog(context.Background(), testNow.Add(-time.Hour))
	if err != nil || len(log) != 2 {
		t.Fatalf("audit log %+v, %v", log, err)
	}
	ok, failed := log[0], log[1]
	if ok.SessionID != stubID(0) || ok.Before != api.StatusOpen || ok.After != api.StatusClosedUnresolved || ok.Outcome != "ok" || ok.Source != "tui" || ok.Action != "close" {
		t.Errorf("the write that worked: %+v", ok)
	}
	if failed.SessionID != stubID(1) || failed.Outcome != "failed (HTTP 500)" {
		t.Errorf("the write that failed: %+v", failed)
	}
}

// TestUndoPutsEachSessionBack: ctrl+z after a status change sends the
// inverse change, each session back to the status it had.
func TestUndoPutsEachSessionBack(t *testing.T) {
	sessions := stubSessions(3)
	sessions[stubID(1)].Status = api.StatusClosedUnresolved
	client := &stubClient{sessions: sessions}
	m := startedModel(t, client)
	m = send(m, space, space)
	m = press(m, "S", "1", "enter")
	if !strings.Contains(m.View(), "ctrl+z undoes it (10s)") {
		t.Fatalf("no undo offered:\n%s", m.View())
	}
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	m = drain(next.(Model), cmd)
	if sessions[stubID(0)].Status != api.StatusOpen || sessions[stubID(1)].Status != api.StatusClosedUnresolved {
		t.Errorf("after undo: %s and %s", sessions[stubID(0)].Status, sessions[stubID(1)].Status)
	}
	// Nothing left to undo.
	next, cmd = m.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	m = drain(next.(Model), cmd)
	if !strings.Contains(m.View(), "Nothing to undo") {
		t.Errorf("a second undo:\n%s", m.View())
	}
}

// TestRedactionAsksForTheWord: X says what will be redacted and that it is
// permanent, and only the typed word sends it, with the reason.
func TestRedactionAsksForTheWord(t *testing.T) {
	client := &stubClient{sessions: stubSessions(2)}
	m := startedModel(t, client)
	m = press(m, "enter", "X")
	if v := m.View(); !strings.Contains(v, "Redact every message of session 00000000 — permanent, cannot be undone") {
		t.Fatalf("the confirmation:\n%s", v)
	}
	m = send(m, keyRunes("redac"), enter)
	if len(client.redacted) != 0 || m.overlays.Empty() {
		t.Fatal("enter sent a redaction before the word was typed")
	}
	m = send(m, keyRunes("t"), tea.KeyMsg{Type: tea.KeyTab}, keyRunes("GDPR request"))
	m = press(m, "enter")
	if len(client.redacted) != 1 || client.redacted[0] != stubID(0)+" GDPR request" {
		t.Fatalf("redacted %q", client.redacted)
	}
	if !strings.Contains(m.View(), "Redacted 4 messages of 00000000") {
		t.Errorf("no word of the redaction:\n%s", m.View())
	}
	// esc sends nothing.
	m = press(m, "X", "esc")
	if len(client.redacted) != 1 || !m.overlays.Empty() {
		t.Error("esc did not just leave")
	}
}
