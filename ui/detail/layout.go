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

// SideBySideWidth is the narrowest pane where status and sentiment share
// a line: below it, each would wrap its few words.
const SideBySideWidth = 60

// layout renders every panel of s for a pane width cells wide: first the
// ticket line and the four panels a lead reads first (status, sentiment,
// contact, handoff summary), dense enough to fit one screen of a 24-line
// terminal; then the long tail (the session's details, the contact's,
// ticket, team, custom data, fields cxi does not know). A wide pane puts
// panels side by side rather than making the page taller.
func (c content) layout(s *api.Session, width int) string {
	t := c.theme
	status, sentiment, contact, handoff := c.statusPanel(s), c.sentimentPanel(s), c.contactPanel(s), c.handoffPanel(s)
	details, contactDetails := c.detailsPanel(s), c.contactDetailsPanel(s)
	ticket, team, custom := c.ticketPanel(s), c.teamPanel(s), c.customDataPanel(s)
	rating, customer := c.ratingPanel(), c.othersPanel()
	// Other fields only when the API sent some: most sessions have none.
	var others []panel
	if other := s.OtherFields(); len(other) > 0 {
		others = append(others, c.otherPanel(other))
	}
	rows := []string{c.ticketLine(s, width)}
	switch {
	case width < SideBySideWidth:
		rows = append(rows, stack(t, append([]panel{status, sentiment, contact, handoff, rating, customer, details, contactDetails, ticket, team, custom}, others...), width))
		return strings.Join(rows, "\n")
	case width < TwoColumnWidth:
		first := (width - gap) * 2 / 3
		first2 := (width - gap) / 3
		rows = append(rows,
			row(t, []panel{status, sentiment}, []int{first, width - gap - first}),
			renderPanel(t, contact, width),
			renderPanel(t, handoff, width),
			row(t, []panel{rating, customer}, []int{first2, width - gap - first2}),
			stack(t, append([]panel{details, contactDetails, ticket, team, custom}, others...), width))
		return strings.Join(rows, "\n")
	}
	// Wide: status, sentiment and contact in one row; the tail in two columns.
	a := (width - 2*gap) * 2 / 5
	b := (width - 2*gap) / 5
	left := (width - gap) / 2
	right := width - gap - left
	rows = append(rows,
		row(t, []panel{status, sentiment, contact}, []int{a, b, width - 2*gap - a - b}),
		renderPanel(t, handoff, width),
		row(t, []panel{rating, customer}, []int{a, width - gap - a}),
		columns(stack(t, []panel{details, ticket, team}, left), stack(t, []panel{contactDetails, custom}, right), left, right))
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
