package detail

import (
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// TwoColumnWidth is the narrowest pane that gets two columns: below it a
// half-width panel would wrap IDs and timestamps, and a wrapped ID cannot
// be selected with a double click.
const TwoColumnWidth = 116

// gap separates columns.
const gap = 1

// layout renders every panel of s for a pane width cells wide. Status,
// sentiment, contact and handoff come first in reading order at any width.
func (c content) layout(s *api.Session, width int) string {
	status, sentiment, contact := c.statusPanel(s), c.sentimentPanel(s), c.contactPanel(s)
	handoff, ticket, team, custom := c.handoffPanel(s), c.ticketPanel(s), c.teamPanel(s), c.customDataPanel(s)
	t := c.theme
	head := c.ticketLine(s, width)
	// Other fields only when the API sent some: most sessions have none.
	var others []panel
	if other := s.OtherFields(); len(other) > 0 {
		others = append(others, c.otherPanel(other))
	}
	if width < TwoColumnWidth {
		return head + "\n" + stack(t, append([]panel{status, sentiment, contact, handoff, ticket, team, custom}, others...), width)
	}
	left := (width - gap) / 2
	right := width - gap - left
	rows := []string{
		head,
		columns(stack(t, []panel{status, sentiment}, left), stack(t, []panel{contact}, right), left, right),
		renderPanel(t, handoff, width),
		columns(stack(t, []panel{ticket, team}, left), stack(t, []panel{custom}, right), left, right),
	}
	for _, p := range others {
		rows = append(rows, renderPanel(t, p, width))
	}
	return strings.Join(rows, "\n")
}

// columns sets two rendered columns side by side, leftWidth and
// rightWidth cells wide. Their lines are padded by render.Width:
// lipgloss.JoinHorizontal pads by lipgloss's count, and would push the
// right column out on a line of Devanagari.
func columns(left, right string, leftWidth, rightWidth int) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	out := make([]string, max(len(l), len(r)))
	for i := range out {
		var a, b string
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			b = r[i]
		}
		out[i] = render.Pad(a, leftWidth) + strings.Repeat(" ", gap) + render.Pad(b, rightWidth)
	}
	return strings.Join(out, "\n")
}
