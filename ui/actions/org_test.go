package actions

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
)

// TestTheConfirmationNamesTheProfile: with several organizations, a
// write's confirmation says which one it goes to.
func TestTheConfirmationNamesTheProfile(t *testing.T) {
	m := New(testCtx(), &statusAPI{status: map[string]api.Status{}}, common.WriteSettings{Org: "acme"})
	sessions := []api.Session{{ID: idAsked, Status: api.StatusOpen}, {ID: idAsked2, Status: api.StatusOpen}, {ID: idOther, Status: api.StatusOpen}}
	o, _ := m.Menu(sessions, nil, true)
	o, _ = o.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1")})
	if want := "Close 3 sessions in acme as resolved · enter do it"; !strings.Contains(o.View(100, 30), want) {
		t.Errorf("the confirmation:\n%s\nwant %q", o.View(100, 30), want)
	}
	r, _ := m.RedactMenu(&sessions[0], nil)
	if want := "Redact every message of session " + api.ShortID(idAsked) + " in acme — permanent"; !strings.Contains(r.View(100, 30), want) {
		t.Errorf("the redaction's confirmation:\n%s\nwant %q", r.View(100, 30), want)
	}
	// One organization: the sentences read as before profiles.
	o, _ = New(testCtx(), &statusAPI{status: map[string]api.Status{}}, common.WriteSettings{}).Menu(sessions, nil, true)
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
