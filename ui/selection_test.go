package ui

import (
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// TestClosingAMixedSelectionSaysExactlyWhatHappens is the case:
// one open row and two resolved ones selected, S 1: the confirmation,
// the summary and ctrl+z all say one is closed and two left alone, and
// only the open one is sent.
func TestClosingAMixedSelectionSaysExactlyWhatHappens(t *testing.T) {
	sessions := stubSessions(3)
	sessions[stubID(1)].Status = api.StatusClosedResolved
	sessions[stubID(2)].Status = api.StatusClosedResolved
	client := &stubClient{sessions: sessions}
	m := startedModel(t, client)
	m = send(m, space, space, space)
	m = press(m, "S", "1")
	if v := m.View(); !strings.Contains(v, "Close 1 session as resolved · 2 already resolved, left alone · enter do it") {
		t.Fatalf("the confirmation:\n%s", v)
	}
	m = press(m, "enter")
	if len(client.changes) != 1 || sessions[stubID(0)].Status != api.StatusClosedResolved {
		t.Fatalf("sent %+v", client.changes)
	}
	if v := m.View(); !strings.Contains(v, "1 closed as resolved · 2 already resolved, left alone") {
		t.Errorf("the summary:\n%s", v)
	}
	m = press(m, "ctrl+z")
	if len(client.changes) != 2 || sessions[stubID(0)].Status != api.StatusOpen || sessions[stubID(1)].Status != api.StatusClosedResolved {
		t.Fatalf("the undo sent %+v", client.changes)
	}
	if v := m.View(); !strings.Contains(v, "1 put back as it was · 2 already resolved, left alone") {
		t.Errorf("the undo's summary:\n%s", v)
	}
}

// TestMMarksTheSelection: m with two rows selected marks both reviewed,
// not the row under the cursor (which space moved on to).
func TestMMarksTheSelection(t *testing.T) {
	st := openStore(t, t.TempDir())
	m := startedModel(t, &stubClient{sessions: stubSessions(3)}, func(o *Options) { o.Memory = st })
	m = send(m, space, space) // rows 0 and 1; the cursor on row 2
	m = press(m, "m")
	if !m.queue.Reviewed(stubID(0)) || !m.queue.Reviewed(stubID(1)) || m.queue.Reviewed(stubID(2)) {
		t.Errorf("reviewed: %v %v %v, want the two selected only", m.queue.Reviewed(stubID(0)), m.queue.Reviewed(stubID(1)), m.queue.Reviewed(stubID(2)))
	}
	if v := m.View(); !strings.Contains(v, "Marked 2 sessions reviewed.") {
		t.Errorf("the status line:\n%s", v)
	}
}

// TestCopyKeysTakeTheSelection: y with a selection copies the selected
// external_ids, one a line, and says how many and which it skipped; Y
// their session IDs; without a selection both take the cursor's row.
func TestCopyKeysTakeTheSelection(t *testing.T) {
	sessions := stubSessions(3)
	sessions[stubID(0)].TicketingSystem = &api.TicketingSystem{Name: "zendesk", ExternalID: "ZD-100"}
	sessions[stubID(2)].TicketingSystem = &api.TicketingSystem{Name: "zendesk", ExternalID: "ZD-102"}
	var copied []string
	m := startedModel(t, &stubClient{sessions: sessions}, func(o *Options) {
		o.Copier.Native = func(s string) error { copied = append(copied, s); return nil }
	})
	m = press(m, "ctrl+a", "y")
	if len(copied) != 1 || copied[0] != "ZD-100\nZD-102" {
		t.Fatalf("y copied %q", copied)
	}
	if v := m.View(); !strings.Contains(v, "Copied the 2 external_ids (2 lines) · 1 skipped without an external_id: 00000000") {
		t.Errorf("the status line:\n%s", v)
	}
	m = press(m, "Y")
	if len(copied) != 2 || copied[1] != stubID(0)+"\n"+stubID(1)+"\n"+stubID(2) {
		t.Errorf("Y copied %q", copied[1:])
	}
	m = press(m, "ctrl+a", "y") // none selected: the row under the cursor
	if len(copied) != 3 || copied[2] != "ZD-100" {
		t.Errorf("y without a selection copied %q", copied[2:])
	}
}

// TestXInTheQueueTakesOneSession: X on three selected rows opens nothing
// and says why; on one it opens the typed confirmation naming it.
func TestXInTheQueueTakesOneSession(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)})
	m = press(m, "ctrl+a", "X")
	if !m.overlays.Empty() || !strings.Contains(m.View(), "Nothing redacted: 3 selected, and X redacts one session at a time.") {
		t.Errorf("X on three:\n%s", m.View())
	}
	m = press(m, "ctrl+a", "j", " ", "X") // row 1 selected; the cursor on row 2
	if v := m.View(); m.overlays.Empty() || !strings.Contains(v, "Redact every message of session 00000000") {
		t.Errorf("X on one selected:\n%s", v)
	}
}
