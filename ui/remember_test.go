package ui

import (
	"errors"
	"strings"
	"testing"
)

// TestAMenuOptionNotRememberedIsSaidWhereItStays: with a config folder
// that cannot be written, h says "not remembered" in the menu, which the
// busy line cannot cover; the option still holds for this run's next menu,
// and confirming saves nothing again.
func TestAMenuOptionNotRememberedIsSaidWhereItStays(t *testing.T) {
	var saved [][2]bool
	readOnly := errors.New("cannot write /home/u/.config/cxi/config.toml: permission denied")
	m := startedModel(t, &stubClient{sessions: stubSessions(2)}, func(o *Options) {
		o.Acting.Save = func(h, s bool) error { saved = append(saved, [2]bool{h, s}); return readOnly }
	})
	m = press(m, "S", "h")
	flat := strings.Join(strings.Fields(m.View()), " ")
	if !strings.Contains(flat, "not remembered: cannot write /home/u/.config/cxi/config.toml: permission denied") {
		t.Fatalf("the menu does not say the option is not remembered:\n%s", m.View())
	}
	m = press(m, "esc", "S")
	if v := m.View(); !strings.Contains(v, "[x] also close it in the helpdesk") {
		t.Errorf("the next menu of the run forgot the option:\n%s", v)
	}
	m = press(m, "1", "enter")
	if len(saved) != 1 {
		t.Errorf("saved %v, want the one toggle", saved)
	}
}

// TestAnAnswerAfterTheMenuClosedGoesToTheStatusLine: when the menu is
// closed before its save is answered, the failure is said on the status
// line instead.
func TestAnAnswerAfterTheMenuClosedGoesToTheStatusLine(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(2)}, func(o *Options) {
		o.Acting.Save = func(bool, bool) error { return errors.New("cannot write x: read-only file system") }
	})
	m = press(m, "S")
	next, cmd := m.Update(keyMsg("h")) // the save's answer is held back
	m = press(next.(Model), "esc")
	m = drain(m, cmd)
	if v := m.View(); !strings.Contains(v, "The menu's options are not remembered: cannot write x: read-only file system.") {
		t.Errorf("the late answer is not said:\n%s", v)
	}
}
