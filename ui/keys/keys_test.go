package keys

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestHintsNameTheBoundKeys: hints are built from the bindings, so a
// remapped key is what they name.
func TestHintsNameTheBoundKeys(t *testing.T) {
	d := Default()
	if got := Typed(d.Up) + "/" + Typed(d.Down); got != "↑/↓" {
		t.Errorf("the input's history keys read %q, want ↑/↓ (k and j type there)", got)
	}
	if got := d.ForBar().Recent.Help().Key; got != "↑/↓" {
		t.Errorf("recent sessions: %q", got)
	}
	d.Refresh.SetKeys("f5")
	d.Refresh.SetHelp("f5", "refresh")
	if got := Name(d.ForDetail().Refresh); got != "f5" {
		t.Errorf("the detail pane names %q for a refresh bound to f5", got)
	}
	if got := d.ForStatusLine().Cancel.Help(); got.Key != "esc" || got.Desc != "cancels" {
		t.Errorf("status line cancel: %+v", got)
	}
	for k, want := range map[string]string{" ": "space", "pgdown": "pgdn", "up": "↑", "ctrl+y": "ctrl+y"} {
		if got := HelpName(k); got != want {
			t.Errorf("HelpName(%q) = %q, want %q", k, got, want)
		}
	}
}

// TestDigitAndWindow: a digit picks its entry, counted from the menu's
// base and within its entries; the window keeps the cursor in the middle
// and the last page full.
func TestDigitAndWindow(t *testing.T) {
	runes := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	for _, tt := range []struct {
		msg     tea.KeyMsg
		base, n int
		want    int
		ok      bool
	}{
		{runes("3"), 1, 7, 2, true}, {runes("1"), 1, 7, 0, true}, {runes("7"), 1, 7, 6, true},
		{runes("8"), 1, 7, 0, false}, {runes("0"), 1, 7, 0, false},
		{runes("0"), 0, 4, 0, true}, {runes("9"), 0, 12, 9, true}, {runes(":"), 0, 12, 0, false},
		{runes("12"), 1, 20, 0, false}, {tea.KeyMsg{Type: tea.KeyEnter}, 1, 7, 0, false},
	} {
		if got, ok := Digit(tt.msg, tt.base, tt.n); got != tt.want || ok != tt.ok {
			t.Errorf("Digit(%q, %d, %d) = %d, %v; want %d, %v", tt.msg, tt.base, tt.n, got, ok, tt.want, tt.ok)
		}
	}
	var m Menu
	for _, tt := range []struct{ at, n, rows, first, last int }{
		{0, 3, 10, 0, 3}, {50, 100, 10, 45, 55}, {99, 100, 10, 90, 100}, {2, 100, 10, 0, 10},
	} {
		if first, last := m.Window(tt.at, tt.n, tt.rows); first != tt.first || last != tt.last {
			t.Errorf("Window(%d, %d, %d) = %d, %d; want %d, %d", tt.at, tt.n, tt.rows, first, last, tt.first, tt.last)
		}
	}
}
