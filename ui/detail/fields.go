package detail

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/render"
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
	// cut keeps a value to one line, cut with "…" at the panel's width
	// (a field cxi does not know may hold a whole document).
	cut bool
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
// label, so the panel reads as a table. Labels are padded, and values
// wrapped, by render.Width, the measure the panel's border is placed by:
// a Devanagari key or value then moves neither the value column nor the
// border.
func fieldRows(t *styles.Theme, fields []field, width int) string {
	lw := minLabelWidth
	for _, f := range fields {
		lw = max(lw, render.Width(f.label)+2)
	}
	lw = max(min(lw, width/3), 4)
	vw := max(width-lw, 4)
	label := func(s string) string { return render.Pad(t.Label.Render(s), lw) }
	rows := make([]string, 0, len(fields))
	for _, f := range fields {
		if f.heading != "" {
			rows = append(rows, t.Muted.Italic(true).Width(width).Render(f.heading))
			continue
		}
		style := t.Value
		if f.muted || f.value == dash {
			style = t.Muted
		}
		if f.whole {
			v := style.Render(f.value)
			if f.tag != "" {
				v += " " + t.Marker.Render(f.tag)
			}
			rows = append(rows, wholeRow(label(f.label), v, f.hint, lw, vw, width)...)
			continue
		}
		lines := valueLines(t, style, f, vw)
		if render.Width(f.label) > lw-1 {
			// A key longer than the label column (custom data) gets a line
			// of its own rather than being cut: the lead may need it whole.
			rows = append(rows, t.Label.Render(truncateLabel(f.label, width)))
		} else {
			rows = append(rows, label(f.label)+lines[0])
			lines = lines[1:]
		}
		for _, l := range lines {
			rows = append(rows, label("")+l)
		}
	}
	return strings.Join(rows, "\n")
}

// valueLines is a field's value wrapped to vw cells, each line styled on
// its own, with the tag after the last word when it fits there.
func valueLines(t *styles.Theme, style lipgloss.Style, f field, vw int) []string {
	lines := render.WrapStyled(style, f.value, vw)
	if f.cut {
		lines = []string{style.Render(truncateLabel(f.value, vw))}
	}
	if f.tag != "" {
		tag := t.Marker.Render(f.tag)
		if last := len(lines) - 1; render.Width(lines[last])+1+render.Width(tag) <= vw {
			lines[last] += " " + tag
		} else {
			lines = append(lines, tag)
		}
	}
	return lines
}

func truncateLabel(s string, w int) string { return strings.TrimRight(render.Fit(s, w), " ") }

// wholeRow lays out a value that must not break: beside its label with the
// hint when both fit, without the hint when only the value does, else on
// a line of its own across the panel, cut with "…" only if even that is
// too narrow.
func wholeRow(label, value, hint string, lw, vw, width int) []string {
	switch {
	case render.Width(value+hint) <= vw:
		return []string{label + value + hint}
	case render.Width(value) <= vw:
		return []string{label + value}
	case render.Width(value) <= width:
		return []string{label, value}
	}
	return []string{label, ansi.Truncate(value, width, "…")}
}
