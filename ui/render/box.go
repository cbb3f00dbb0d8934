package render

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// WrapStyled is Wrap with each line styled on its own, so that a style
// never runs from one line into what the next begins with (a label, an
// indent).
func WrapStyled(style lipgloss.Style, s string, w int) []string {
	lines := Wrap(s, w)
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

// Box draws body inside style's border and padding, width cells wide as
// Width counts them. lipgloss's Style.Width pads every line to one width
// by its own count, which is narrower than the terminal's for some scripts
// (a Devanagari name takes 10 cells where lipgloss counts 5): the border of
// that line would land 5 cells to the right, or be clipped off the screen.
// Here each line is clipped and padded by Width first, then given its sides
// alone (one line has nothing to be aligned with), so every right border
// sits in the same column.
func Box(style lipgloss.Style, body string, width int) string {
	inner := max(width-style.GetHorizontalFrameSize(), 1)
	flat := style.UnsetMargins().UnsetWidth().UnsetMaxWidth().UnsetHeight().UnsetMaxHeight().UnsetPaddingTop().UnsetPaddingBottom()
	// The top and bottom edges, corners included, as lipgloss draws them.
	edges := strings.Split(flat.Width(width-style.GetHorizontalBorderSize()).Render(""), "\n")
	sides := flat.BorderTop(false).BorderBottom(false)

	lines := strings.Split(body, "\n")
	blank := strings.Repeat(" ", inner)
	for range style.GetPaddingTop() {
		lines = append([]string{blank}, lines...)
	}
	for range style.GetPaddingBottom() {
		lines = append(lines, blank)
	}
	out := make([]string, 0, len(lines)+2)
	if style.GetBorderTop() {
		out = append(out, edges[0])
	}
	for _, l := range lines {
		out = append(out, sides.Render(Pad(l, inner)))
	}
	if style.GetBorderBottom() {
		out = append(out, edges[len(edges)-1])
	}
	return strings.Join(out, "\n")
}

// TitledBox is Box with title set into its top edge ("╭─ Status ───╮"),
// where a panel's heading costs no line of its own: on a 24-line terminal
// the lines saved are what lets the four panels of a session fit one
// screen. A title too long for the edge is cut with "…".
func TitledBox(style lipgloss.Style, title, body string, width int) string {
	box := Box(style, body, width)
	b := style.GetBorderStyle()
	if !style.GetBorderTop() || width < 6 {
		return box
	}
	edge := lipgloss.NewStyle().Foreground(style.GetBorderTopForeground()).Background(style.GetBorderTopBackground())
	room := width - 5 // the corners, one edge cell before the title and a space each side
	if Width(title) > room {
		title = Fit(title, room)
	}
	fill := max(width-4-Width(title)-1, 0)
	top := edge.Render(b.TopLeft+b.Top+" ") + title + edge.Render(" "+strings.Repeat(b.Top, fill)+b.TopRight)
	_, rest, _ := strings.Cut(box, "\n")
	return top + "\n" + rest
}
