package actions

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
)

// TestTheConfirmationNamesTheProfile: with several organizations, a
// write's confirmation says which one it goes to.
func TestTheConfirmationNamesTheProfile(t *testing.T) {
	m := New(testCtx(), &statusAPI{status: map[string]api.Status{}}, common.WriteSettings{Org: "acme"})
	sessions := []api.Session{{ID: idAsked, Status: api.StatusOpen}, {ID: idAsked2, Status: api.StatusOpen}, {ID: idOther, Status: api.StatusOpen}}
	o, _ := m.Menu(common.SessionTargets(sessions...), nil, true)
	o, _ = o.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1")})
	if want := "Close 3 sessions in acme as resolved · enter do it"; !strings.Contains(o.View(100, 30), want) {
		t.Errorf("the confirmation:\n%s\nwant %q", o.View(100, 30), want)
	}
	r, _ := m.RedactMenu(&sessions[0], nil)
	if want := "Redact every message of session " + api.ShortID(idAsked) + " in acme — permanent"; !strings.Contains(r.View(100, 30), want) {
		t.Errorf("the redaction's confirmation:\n%s\nwant %q", r.View(100, 30), want)
	}
	// One organization: the sentences read as before profiles.
	o, _ = New(testCtx(), &statusAPI{status: map[string]api.Status{}}, common.WriteSettings{}).Menu(common.SessionTargets(sessions...), nil, true)
	o, _ = o.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1")})
	if !strings.Contains(o.View(100, 30), "Close 3 sessions as resolved · enter do it") {
		t.Errorf("a profile named with none:\n%s", o.View(100, 30))
	}
}

func TestPendingCoversAStoppedBatch(t *testing.T) {
	m := New(testCtx(), &statusAPI{status: map[string]api.Status{}}, common.WriteSettings{})
	if m.Pending() {
		t.Fatal("pending before anything")
	}
	m.late = &lateWrite{}
	if !m.Pending() || m.Running() {
		t.Errorf("a stopped batch's write out: pending %v, running %v", m.Pending(), m.Running())
	}
}

// TestPendingCoversARedaction: a redaction sent is pending until its
// answer, whichever of the two messages comes first.
func TestPendingCoversARedaction(t *testing.T) {
	s := api.Session{ID: idAsked, Status: api.StatusOpen}
	m := New(testCtx(), redactor{}, common.WriteSettings{})
	o, _ := m.RedactMenu(&s, nil)
	o, _ = keytest.Press(t, o, "r", "e", "d", "a", "c", "t")
	_, cmd := keytest.Press(t, o, "enter")
	msgs := keytest.Run(cmd)
	var sent, answer Msg
	for _, msg := range msgs {
		switch msg := msg.(type) {
		case redactSentMsg:
			sent = msg
		case RedactedMsg:
			answer = msg
		}
	}
	if sent == nil || answer == nil {
		t.Fatalf("the confirmation sent %v", msgs)
	}
	for _, order := range [][]Msg{{sent, answer}, {answer, sent}} {
		m := m
		m, _, _ = m.Update(order[0])
		if m.Pending() != (order[0] == sent) {
			t.Errorf("after %T: pending %v", order[0], m.Pending())
		}
		m, _, _ = m.Update(order[1])
		if m.Pending() {
			t.Errorf("%T then %T: still pending", order[0], order[1])
		}
	}
}
