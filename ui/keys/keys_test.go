package keys

import "testing"

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
