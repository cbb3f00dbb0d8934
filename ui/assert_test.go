package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// assertFits fails when the view is taller or wider than the terminal.
func assertFits(t *testing.T, view string, width, height int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > height {
		t.Errorf("%d lines on a %d-line terminal", len(lines), height)
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > width {
			t.Errorf("line %d is %d cells on a %d-cell terminal: %q", i, w, width, l)
		}
	}
}

// assertNoForeignControls fails on any control character in an uncoloured
// view: with the Ascii profile the program itself emits none, so any ESC,
// C0 or C1 byte came from API data.
func assertNoForeignControls(t *testing.T, view string) {
	t.Helper()
	for _, r := range view {
		if r == '\n' {
			continue
		}
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Fatalf("control rune %U in view:\n%q", r, view)
		}
	}
}
