package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// TestTitledBoxSetsTheTitleInItsTopEdge: the title takes no line of its
// own, every line is the box's width, and a title too long is cut.
func TestTitledBoxSetsTheTitleInItsTopEdge(t *testing.T) {
	style := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)
	for _, tt := range []struct {
		title string
		width int
		top   string
	}{
		{"Status", 20, "╭─ Status ─────────╮"},
		{"Handoff · angry", 20, "╭─ Handoff · angry ╮"},
		{"A title far too long for it", 20, "╭─ A title far to… ╮"},
		{"प्रिया", 16, "╭─ प्रिया ──────╮"},
	} {
		lines := strings.Split(TitledBox(style, tt.title, "body", tt.width), "\n")
		if len(lines) != 3 || lines[0] != tt.top {
			t.Errorf("%q at %d:\n%s\nwant the top edge %q", tt.title, tt.width, strings.Join(lines, "\n"), tt.top)
		}
		for i, l := range lines {
			if Width(l) != tt.width {
				t.Errorf("%q: line %d is %d cells, want %d: %q", tt.title, i, Width(l), tt.width, l)
			}
		}
	}
}
