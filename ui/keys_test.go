package ui

import (
	"slices"
	"testing"

	"github.com/opencx-tools/cxi/ui/keys"
)

func TestHelpListsTheRealKeys(t *testing.T) {
	km := keys.Default()
	var all []string
	for _, group := range fullHelp(km) {
		for _, b := range group {
			all = append(all, b.Help().Key)
		}
	}
	for _, want := range []string{"enter", "y", "Y", "r", "/", "tab", "↑/k", "↓/j", "pgup/b", "pgdn/f", "esc", "q", "ctrl+c", "?",
		"n", "p", "t", "s", "h", "c", "w", "o", "a"} {
		if !slices.Contains(all, want) {
			t.Errorf("full help lacks %q", want)
		}
	}
}
