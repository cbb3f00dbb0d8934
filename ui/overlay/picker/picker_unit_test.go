package picker_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/overlay/picker"
)

var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func testCtx() common.Context {
	return common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return testNow },
		Timer: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}
}

// shortID is the first block of session i's ID, what its row shows.
func shortID(i int) string { return fmt.Sprintf("%08x", i+1) }

func sessions(n int) []api.Session {
	out := make([]api.Session, n)
	for i := range out {
		name := fmt.Sprintf("Contact %02d", i)
		out[i] = api.Session{
			ID: shortID(i) + "-0d44-4b50-8888-8dd25736052a", Status: "open", Channel: api.Channel{Type: "web"},
			Contact:   &api.Contact{ID: fmt.Sprintf("c%d", i), Name: &name},
			UpdatedAt: api.Timestamp{Raw: "x", Time: testNow.Add(-time.Duration(i+1) * time.Hour)},
		}
	}
	return out
}

// chosenMsg is what the test's choose func sends for the session picked.
type chosenMsg struct{ id string }

type chooser struct{ calls []string }

func (c *chooser) choose(s api.Session) tea.Cmd {
	c.calls = append(c.calls, s.ID)
	return func() tea.Msg { return chosenMsg{s.ID} }
}

// cursorRow is the row the cursor marks, "" when none is on screen.
func cursorRow(v string) string {
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "› ") {
			return l
		}
	}
	return ""
}

func TestEnterChoosesTheSessionUnderTheCursor(t *testing.T) {
	ss := sessions(5)
	tests := []struct {
		keys []string
		want int
	}{
		{[]string{"enter"}, 0},
		{[]string{"down", "enter"}, 1},
		{[]string{"j", "j", "j", "enter"}, 3},
		{[]string{"up", "enter"}, 4}, // wraps to the last
		{[]string{"up", "up", "k", "enter"}, 2},
		{[]string{"down", "down", "down", "down", "down", "enter"}, 0}, // wraps to the first
	}
	for _, tt := range tests {
		c := &chooser{}
		o, cmd := keytest.Press(t, picker.New(testCtx(), "5 sessions", ss, c.choose), tt.keys...)
		if o != nil {
			t.Errorf("%v: the picker stayed open", tt.keys)
		}
		if len(c.calls) != 1 || c.calls[0] != ss[tt.want].ID {
			t.Fatalf("%v: chose %q, want %q", tt.keys, c.calls, ss[tt.want].ID)
		}
		if cmd == nil {
			t.Fatalf("%v: the choose func's command was dropped", tt.keys)
		}
		if msg, ok := cmd().(chosenMsg); !ok || msg.id != ss[tt.want].ID {
			t.Errorf("%v: command sent %#v", tt.keys, cmd())
		}
	}
}

func TestMovingChoosesNothing(t *testing.T) {
	c := &chooser{}
	o, cmd := keytest.Press(t, picker.New(testCtx(), "t", sessions(3), c.choose), "down", "up", "j", "x")
	if o == nil || cmd != nil || len(c.calls) != 0 {
		t.Errorf("moving: open=%v cmd=%v calls=%q", o != nil, cmd != nil, c.calls)
	}
}

func TestEscCloses(t *testing.T) {
	c := &chooser{}
	o, cmd := keytest.Press(t, picker.New(testCtx(), "t", sessions(3), c.choose), "down", "esc")
	if o != nil || cmd != nil || len(c.calls) != 0 {
		t.Errorf("esc: open=%v cmd=%v calls=%q", o != nil, cmd != nil, c.calls)
	}
	// With nothing to pick any key closes it.
	for _, k := range []string{"enter", "down", "x"} {
		o, cmd := keytest.Press(t, picker.New(testCtx(), "t", nil, c.choose), k)
		if o != nil || cmd != nil || len(c.calls) != 0 {
			t.Errorf("%s on an empty picker: open=%v cmd=%v calls=%q", k, o != nil, cmd != nil, c.calls)
		}
	}
}

func TestViewKeepsTheCursorOnScreen(t *testing.T) {
	ss := sessions(30)
	for _, size := range [][2]int{{90, 6}, {90, 8}, {90, 10}, {90, 15}, {40, 6}, {40, 10}} {
		width, height := size[0], size[1]
		var o overlay.Overlay = picker.New(testCtx(), "30 sessions for name dana · searched contacts", ss, (&chooser{}).choose)
		// Down through every session and round again, then back up.
		path := []string{""} // the first view, before any key
		for range 35 {
			path = append(path, "down")
		}
		for range 40 {
			path = append(path, "up")
		}
		at := 0
		for step, k := range path {
			switch k {
			case "down":
				o, _ = keytest.Press(t, o, k)
				at = (at + 1) % len(ss)
			case "up":
				o, _ = keytest.Press(t, o, k)
				at = (at + len(ss) - 1) % len(ss)
			}
			v := o.View(width, height)
			row := cursorRow(v)
			if !strings.Contains(row, shortID(at)) {
				t.Fatalf("%dx%d, step %d: the cursor row for session %d (%s) is not on screen:\n%s", width, height, step, at, shortID(at), v)
			}
			lines := strings.Split(v, "\n")
			if len(lines) > height {
				t.Fatalf("%dx%d, step %d: %d lines:\n%s", width, height, step, len(lines), v)
			}
			for i, l := range lines {
				if lipgloss.Width(l) > width {
					t.Fatalf("%dx%d: line %d is %d cells: %q", width, height, i, lipgloss.Width(l), l)
				}
			}
		}
	}
}

func TestViewRows(t *testing.T) {
	ss := sessions(3)
	v := picker.New(testCtx(), "3 sessions for email dana@example.com", ss, (&chooser{}).choose).View(100, 20)
	for _, want := range []string{"3 sessions for email dana@example.com", "↑/↓ pick · enter opens · esc closes", "Contact 00", "Contact 02"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if row := cursorRow(v); !strings.Contains(row, shortID(0)) || !strings.Contains(row, "Contact 00") {
		t.Errorf("the cursor starts on %q", row)
	}
	// Ages are measured from the context's clock.
	for i, age := range []string{"1h", "2h", "3h"} {
		if row := keytest.LineWith(v, shortID(i)); !strings.HasSuffix(strings.TrimRight(row, " │"), "  "+age) {
			t.Errorf("session %d's row %q does not end in its age %s", i, row, age)
		}
	}
	for i := range ss {
		if strings.Count(v, shortID(i)) != 1 {
			t.Errorf("session %d listed %d times", i, strings.Count(v, shortID(i)))
		}
	}
}

func TestSessionsAndHelp(t *testing.T) {
	ss := sessions(4)
	m := picker.New(testCtx(), "t", ss, (&chooser{}).choose)
	if got := m.Sessions(); len(got) != 4 || got[3].ID != ss[3].ID {
		t.Errorf("Sessions() = %d sessions", len(got))
	}
	if got := keytest.Help(m.ShortHelp()); got != "enter open · ↑/k up · ↓/j down · esc close" {
		t.Errorf("ShortHelp: %q", got)
	}
}

// TestViewSaysWhereEachWasFound: beside each row, where the search found
// it (issue 18 §7); a list of another length says nothing rather than
// something wrong.
func TestViewSaysWhereEachWasFound(t *testing.T) {
	ss := sessions(3)
	where := []string{"API · queue", "API · kept 2h ago", "kept 3d ago"}
	v := picker.New(testCtx(), "3 sessions", ss, (&chooser{}).choose).WithWhere(where).View(110, 20)
	for i, w := range where {
		if row := keytest.LineWith(v, shortID(i)); !strings.HasSuffix(strings.TrimRight(row, " │"), "  "+w) {
			t.Errorf("session %d's row %q does not end in %q", i, row, w)
		}
	}
	v = picker.New(testCtx(), "3 sessions", ss, (&chooser{}).choose).WithWhere(where[:2]).View(110, 20)
	if strings.Contains(v, "API") {
		t.Errorf("a where of 2 entries for 3 sessions was shown:\n%s", v)
	}
}

// TestNarrowViewKeepsWhere: at 60 columns the channel column gives way, so
// that where each session was found is still read whole.
func TestNarrowViewKeepsWhere(t *testing.T) {
	ss := sessions(2)
	v := picker.New(testCtx(), "2 sessions", ss, (&chooser{}).choose).WithWhere([]string{"API · kept 2h ago", "API · queue"}).View(60, 12)
	if !strings.Contains(v, "  API · kept 2h ago") || !strings.Contains(v, "  API · queue") {
		t.Errorf("where is cut at 60 columns:\n%s", v)
	}
}
