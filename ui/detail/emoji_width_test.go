package detail

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// TestPanelsKeepTheirRightBorderWithJoinedEmoji: a contact named with ZWJ
// sequences (a family, a pirate flag) and flags (regional indicator pairs)
// takes as many cells as the terminal draws: one emoji's two per sequence,
// as tmux 3.3 and lipgloss both count them. Measured per code point, the
// family took six and every border on its lines stood four columns short.
func TestPanelsKeepTheirRightBorderWithJoinedEmoji(t *testing.T) {
	s := fixture(t, demo.IDAngryHandoff)
	name := "Ana 👩\u200d👩\u200d👧 🇩🇪🇫🇷 👨\u200d👩\u200d👧\u200d👦 🏴\u200d☠\ufe0f"
	s.Contact.Name = &name
	for _, width := range []int{120, 60} {
		v := fullContent(s, width)
		if !strings.Contains(v, name) {
			t.Fatalf("width %d: the name is not shown whole:\n%s", width, v)
		}
		rows := 0
		for _, l := range strings.Split(v, "\n") {
			plain := ansi.Strip(l)
			if !strings.Contains(plain, "│") {
				continue
			}
			rows++
			// lipgloss counts grapheme clusters, as the terminal draws these.
			if got := lipgloss.Width(plain); got != width {
				t.Errorf("width %d: a line the terminal draws %d cells wide: %q", width, got, plain)
			}
		}
		if rows == 0 {
			t.Fatalf("width %d: no panel lines:\n%s", width, v)
		}
	}
}
