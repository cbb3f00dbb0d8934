package detail

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/opencx-tools/cxi/styles"
)

// field is one label/value row of a panel. Values are already sanitized
// and may already carry styling (badges); they wrap to the panel's width.
type field struct {
	label string
	value string
	muted bool   // draw the value in the muted style (dashes, IDs)
	tag   string // a marker after the value, e.g. "unverified"
	// whole marks a value that must never be broken (an ID such as
	// ZD-884213, which wrapping would split at its hyphen); hint follows
	// it when there is room ("y copy").
	whole bool
	hint  string
	// heading, when set, makes this row a muted sub-heading across the
	// panel ("Contact custom data") instead of a label/value pair.
	heading string
}

// minLabelWidth fits the panels' own labels ("Assist mode") plus a gap.
const minLabelWidth = 13

// fieldRows lays out label/value rows in width cells. The label column
// grows to fit custom data keys, up to a third of the width, so that a
// UUID (36 cells) fits whole in the value column of a two-column layout;
// a value too long for its column wraps under itself, never under the
// label, so the panel reads as a table.
func fieldRows(t *styles.Theme, fields []field, width int) string {
	lw := minLabelWidth
	for _, f := range fields {
		lw = max(lw, lipgloss.Width(f.label)+2)
	}
	lw = max(min(lw, width/3), 4)
	vw := max(width-lw, 4)
	label := t.Label.Width(lw).MaxWidth(lw)
	rows := make([]string, 0, len(fields))
	for _, f := range fields {
		if f.heading != "" {
			rows = append(rows, t.Muted.Italic(true).Width(width).Render(f.heading))
			continue
		}
		v := f.value
		style := t.Value
		if f.muted || v == dash {
			style = t.Muted
		}
		v = style.Render(v)
		if f.tag != "" {
			v += " " + t.Marker.Render(f.tag)
		}
		if f.whole {
			rows = append(rows, wholeRow(label.Render(f.label), v, f.hint, lw, vw, width)...)
			continue
		}
		value := lipgloss.NewStyle().Width(vw).Render(v)
		if lipgloss.Width(f.label) > lw-1 {
			// A key longer than the label column (custom data) gets a line
			// of its own rather than being cut: the lead may need it whole.
			rows = append(rows, t.Label.Render(truncateLabel(f.label, width)),
				lipgloss.JoinHorizontal(lipgloss.Top, label.Render(""), value))
			continue
		}
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, label.Render(f.label), value))
	}
	return strings.Join(rows, "\n")
}

func truncateLabel(s string, w int) string { return ansi.Truncate(s, w, "…") }

// wholeRow lays out a value that must not break: beside its label with the
// hint when both fit, without the hint when only the value does, else on
// a line of its own across the panel, cut with "…" only if even that is
// too narrow.
func wholeRow(label, value, hint string, lw, vw, width int) []string {
	switch {
	case lipgloss.Width(value+hint) <= vw:
		return []string{label + value + hint}
	case lipgloss.Width(value) <= vw:
		return []string{label + value}
	case lipgloss.Width(value) <= width:
		return []string{label, value}
	}
	return []string{label, ansi.Truncate(value, width, "…")}
}
