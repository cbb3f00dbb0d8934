package pulseview

import (
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
)

// View draws the title line (the period, the picker's key, the reading
// under way) and the visible lines of the body.
func (m Model) View(width, _ int) string {
	t := m.theme
	title := t.PanelTitle.Render("Pulse · " + m.span.Label())
	hint := "  " + keys.Name(m.keys.Period) + " period"
	if m.loading && m.report != nil {
		hint += " · refreshing…"
	}
	pct := fmt.Sprintf(" · %3.0f%%", m.viewport.ScrollPercent()*100)
	lines := []string{render.ClipLine(title+t.Muted.Render(hint+pct), width)}
	for _, l := range strings.Split(m.viewport.View(), "\n") {
		lines = append(lines, render.ClipLine(l, width))
	}
	return strings.Join(lines, "\n")
}
