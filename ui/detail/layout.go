package detail

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/api"
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
	if width < TwoColumnWidth {
		return head + "\n" + stack(t, []panel{status, sentiment, contact, handoff, ticket, team, custom}, width)
	}
	left := (width - gap) / 2
	right := width - gap - left
	return lipgloss.JoinVertical(lipgloss.Left,
		head,
		columns(stack(t, []panel{status, sentiment}, left), stack(t, []panel{contact}, right)),
		renderPanel(t, handoff, width),
		columns(stack(t, []panel{ticket, team}, left), stack(t, []panel{custom}, right)),
	)
}

// columns sets two rendered columns side by side.
func columns(left, right string) string {
	return lipgloss.JoinHorizontal(lipgloss.Top, left, lipgloss.NewStyle().Width(gap).Render(""), right)
}
