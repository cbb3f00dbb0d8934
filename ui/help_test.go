package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/ui/common"
)

// TestFullHelpScrollsToTheSessionsItPromises: at 80×24 the header says ?
// lists sessions to try; the help opens on the queue's own keys and
// scrolls, with the program's scrolling keys, down to the last of them.
func TestFullHelpScrollsToTheSessionsItPromises(t *testing.T) {
	var tries []common.Suggestion
	for i := range 12 {
		tries = append(tries, common.Suggestion{ID: stubID(100 + i), Title: "a session worth trying"})
	}
	last := stubID(111)
	m := startedModel(t, &stubClient{sessions: stubSessions(3)}, func(o *Options) { o.Suggestions = tries })
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = press(m, "?")
	pane := strings.Split(m.View(), "\n")[3:]
	if !strings.HasPrefix(pane[0], "In the queue") {
		t.Fatalf("the help does not open on the queue's keys:\n%s", m.View())
	}
	if strings.Contains(m.View(), last) {
		t.Fatalf("everything fits 80×24 already; the test proves nothing:\n%s", m.View())
	}
	m = press(m, "G")
	if v := m.View(); !strings.Contains(v, last) || !strings.Contains(v, "end ·") {
		t.Errorf("G does not reach the last session to try:\n%s", v)
	}
	m = press(m, "g", "?")
	if !m.overlays.Empty() {
		t.Error("? does not close the help")
	}
}
