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
