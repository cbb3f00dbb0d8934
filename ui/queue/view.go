package queue

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
)

// View draws the filter bar, the column titles and the visible rows only,
// so its cost does not grow with the number of sessions loaded.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := make([]string, 0, m.height)
	lines = append(lines, m.filterBar()...)
	lines = append(lines, m.titles())
	h := m.listHeight()
	top := m.top
	end := min(top+h, len(m.view))
	tail := m.tailRow()
	// At the bottom of a full screen, the tail (loading, error, end) takes
	// the first row's place, unless that row holds the cursor.
	if tail != "" && end == len(m.view) && end-top >= h && top < m.sel {
		top++
	}
	for pos := top; pos < end; pos++ {
		r := m.rows[m.view[pos]]
		if line, ok := m.cachedRow(r); ok && pos != m.sel {
			lines = append(lines, line)
			continue
		}
		lines = append(lines, m.rowView(r, pos == m.sel))
	}
	if tail != "" && len(lines) < m.height {
		lines = append(lines, tail)
	}
	return strings.Join(lines, "\n")
}

// changedLabel is the changed-and-new filter in the filter bar, when on.
const changedLabel = "changed & new"

// statusName is the status filter in the words the STATUS column uses.
func statusName(s api.Status) string {
	if s == "" {
		return "any"
	}
	return render.Status(s)
}

// channelName is the channel filter as the CHANNEL column shows it.
func channelName(c api.ChannelType) string {
	if c == "" {
		return "any"
	}
	return render.Enum(c)
}

func (m Model) titles() string {
	cells := make([]string, 0, len(m.cols))
	for _, c := range m.cols {
		cells = append(cells, pad(allColumns()[c].title, m.widths[c]))
	}
	return m.theme.Label.Render(strings.Repeat(" ", gutter) + strings.Join(cells, " "))
}

func (m Model) rowView(r *row, selected bool) string {
	t := m.theme
	cells := make([]string, 0, len(m.cols))
	for _, c := range m.cols {
		w := m.widths[c]
		switch c {
		case colMark:
			cells = append(cells, t.Marker.Render(pad(m.markCell(r.id), w)))
		case colStatus:
			if s, ok := m.saving[r.id]; ok {
				cells = append(cells, t.Marker.Render(pad(render.Status(s)+"…", w)))
				break
			}
			cells = append(cells, badge(t.StatusStyle(string(r.rawStatus)), r.status, w))
		case colSentiment:
			if r.sentiment == render.Dash {
				cells = append(cells, t.Muted.Render(pad(r.sentiment, w)))
			} else {
				cells = append(cells, badge(t.SentimentStyle(r.sentiment), r.sentiment, w))
			}
		case colHandoff:
			cells = append(cells, t.Marker.Render(pad(m.handoffCell(r), w)))
		case colContact:
			cells = append(cells, t.Value.Render(pad(r.contact, w)))
		case colChannel:
			cells = append(cells, t.Muted.Render(pad(r.channel, w)))
		case colTeam:
			cells = append(cells, t.Muted.Render(pad(r.team, w)))
		case colTicket:
			cells = append(cells, t.Value.Render(pad(r.ticket, w)))
		case colAge:
			cells = append(cells, t.Muted.Render(pad(render.Since(r.updatedAt(), m.now), w)))
		case colFlags:
			cells = append(cells, t.Error.Render(pad(m.flagCell(r.id), w)))
		}
	}
	marker := "  "
	switch {
	case selected && m.picked[r.id]:
		marker = t.Selected.Render("›●")
	case selected:
		marker = t.Selected.Render("› ")
	case m.picked[r.id]:
		marker = t.Marker.Render(" ●")
	}
	line := marker + strings.Join(cells, " ")
	if selected {
		return t.Selected.Render(line)
	}
	return line
}

// badge draws a label in a badge style, padded to the column width.
func badge(style lipgloss.Style, label string, width int) string {
	inner := max(width-style.GetHorizontalFrameSize(), 1)
	return style.Render(strings.TrimRight(render.Fit(label, inner), " ")) + strings.Repeat(" ", max(inner-render.Width(label), 0))
}

// tailRow says what comes after the last row: more loading, an error, or
// the end of the data.
func (m Model) tailRow() string {
	t := m.theme
	var s string
	switch {
	case m.err != nil:
		s = t.Error.Render("Could not load more sessions: " + explain.Describe(m.err, "").Sentence + " · " + keys.Name(m.keys.Refresh) + " retries")
	case m.loading:
		s = t.Muted.Render("  ⋯ loading more sessions…")
	case m.halt != nil:
		s = t.Marker.Render(fmt.Sprintf("  — %s; %s loaded —", render.Line(m.halt.Error()), sessions(len(m.rows))))
	case m.end && len(m.rows) == 0:
		s = t.Muted.Render("  No sessions match these filters.")
	case m.changed && len(m.view) == 0 && m.text == "" && !m.team.on:
		s = t.Muted.Render("  Nothing changed or new among " + plural.CountAs(len(m.rows), "loaded session", "loaded sessions") +
			" since you last looked · " + keys.Name(m.keys.Changed) + " shows them all")
	case m.end && m.narrowed():
		s = t.Muted.Render("  — end of the list · " + m.matching() + " —")
	case m.end:
		s = t.Muted.Render("  — end of the list: " + sessions(len(m.rows)) + " —")
	case m.team.on || m.reason.on || m.changed || m.flag.on:
		// Only here does it matter that the team and changed filters are
		// local: pages not loaded yet may hold more of their sessions.
		s = t.Muted.Render("  " + m.matching() + " · local filter, " + keys.Name(m.keys.Down) + " at the end loads more")
	case m.text != "":
		s = t.Muted.Render("  " + m.matching())
	default:
		return ""
	}
	if m.skipped > 0 {
		s += t.Marker.Render("  (" + plural.CountAs(m.skipped, "unreadable item", "unreadable items") + " skipped)")
	}
	return render.FitWords(s, m.width)
}

// matching says how many loaded sessions the local filters keep, the verb
// agreeing with the count: "1 of 25 loaded sessions matches "ana"",
// "3 of 25 loaded sessions match team Billing".
func (m Model) matching() string {
	var what []string
	if m.text != "" {
		what = append(what, fmt.Sprintf("%q", render.Line(m.text)))
	}
	switch {
	case m.team.on && m.team.key == "":
		what = append(what, "no team")
	case m.team.on:
		what = append(what, "team "+m.team.name)
	}
	if m.reason.on {
		what = append(what, "handed off because "+m.reason.label())
	}
	if m.changed {
		what = append(what, "changed or new")
	}
	if m.flag.on {
		what = append(what, "flag "+m.flag.label())
	}
	return fmt.Sprintf("%d of %s %s %s", len(m.view), plural.CountAs(len(m.rows), "loaded session", "loaded sessions"),
		plural.Form(len(m.view), "matches", "match"), strings.Join(what, " and "))
}

func sessions(n int) string { return plural.CountAs(n, "session", "sessions") }

// pad fits a cell's plain text to its column, measuring the way terminals
// do (render.Width), so complex scripts never push a row past the edge.
func pad(s string, w int) string { return render.Fit(s, w) }
