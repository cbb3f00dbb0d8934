package detail

import (
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/render"
)

// PreviewBoxedHeight is the least height the preview draws its panels
// boxed in: the ticket line, status and sentiment (4 lines), contact (3)
// and the handoff summary (at least 2 lines of it). Below it the same
// panels go without their boxes, a label before each.
const PreviewBoxedHeight = 1 + 4 + 3 + 4

// previewLabel is the compact preview's label column: "Ticket  ", as the
// ticket line writes it.
const previewLabel = 8

// Preview is the four panels a lead reads first, as the detail pane draws
// them — the ticket line with its copy key, status, sentiment, contact and
// the handoff summary, with why the AI handed off when the handoff events
// said (why; nil when they did not) — for the row under the queue's cursor, in exactly
// width×height cells (fewer lines when the session says less). It renders
// only what the session holds: the queue's list items are whole sessions,
// so no request is made. The summary takes the height left and, cut,
// ends with a line saying how much more there is and the key that opens
// the session (openKey).
//
// The root, which composes the queue and this preview, is its only
// caller: views are leaves, and the panels are the detail pane's.
func Preview(theme *styles.Theme, copyKey, openKey string, s *api.Session, why *api.HandoffWhy, now time.Time, width, height int) string {
	if s == nil || width <= 0 || height <= 0 {
		return ""
	}
	c := content{theme: theme, now: now, copyKey: copyKey, extras: extras{why: why}}
	if height >= PreviewBoxedHeight && width >= 30 {
		return c.boxedPreview(s, openKey, width, height)
	}
	return c.compactPreview(s, openKey, width, height)
}

// boxedPreview is the panels in their boxes, status and sentiment side by
// side as the pane puts them, the handoff summary in the height left.
func (c content) boxedPreview(s *api.Session, openKey string, width, height int) string {
	t := c.theme
	top := []string{c.ticketLine(s, width)}
	first := (width - gap) * 2 / 3
	top = append(top, row(t, []panel{c.statusPanel(s), c.sentimentPanel(s)}, []int{first, width - gap - first}))
	top = append(top, renderPanel(t, c.contactPanel(s), width))
	head := strings.Join(top, "\n")
	used := strings.Count(head, "\n") + 1
	handoff := c.handoffPanel(s)
	frame := t.Panel.GetVerticalFrameSize()
	room := height - used - frame
	if room < 1 {
		return render.Fill(head, width, height)
	}
	body := handoff.body
	handoff.body = func(w int) string { return cutLines(t, body(w), room, w, openKey) }
	return head + "\n" + renderPanel(t, handoff, width)
}

// compactPreview is the same panels without their boxes, for a preview
// a few lines tall (below the queue on a 24-line terminal): a label
// before each, the summary in the lines left.
func (c content) compactPreview(s *api.Session, openKey string, width, height int) string {
	t := c.theme
	w := max(width-previewLabel, 1)
	label := func(s string) string { return render.Pad(t.Label.Render(s), previewLabel) }
	indent := strings.Repeat(" ", previewLabel)
	lines := []string{c.ticketLine(s, width)}
	add := func(name, body string) {
		for i, l := range strings.Split(body, "\n") {
			if i == 0 {
				lines = append(lines, label(name)+l)
			} else {
				lines = append(lines, indent+l)
			}
		}
	}
	// The sentiment joins the status's first line where it fits: on a
	// preview this short, every line is one less of the summary.
	status, mood := c.statusPanel(s).body(w), c.sentimentPanel(s).body(w)
	first, rest, _ := strings.Cut(status, "\n")
	if joined := first + t.Muted.Render(" · ") + mood; !strings.Contains(mood, "\n") && render.Width(joined) <= w {
		add("Status", strings.TrimSuffix(joined+"\n"+rest, "\n"))
	} else {
		add("Status", status)
		add("Mood", mood)
	}
	add("Contact", c.contactPanel(s).body(w))
	h := c.handoffPanel(s)
	room := height - len(lines) - 1
	if room < 1 {
		return render.Fill(strings.Join(lines, "\n"), width, height)
	}
	lines = append(lines, t.PanelTitle.Render(h.title)+h.note)
	add("", cutLines(t, h.body(w), room, w, openKey))
	return strings.Join(lines, "\n")
}

// cutLines keeps body to room lines of w cells; when lines are left out,
// the last kept line says how many, and the key that opens the session
// where they all are.
func cutLines(t *styles.Theme, body string, room, w int, openKey string) string {
	lines := strings.Split(body, "\n")
	if len(lines) <= room {
		return body
	}
	more := len(lines) - room + 1
	note := "… " + plural.CountAs(more, "more line", "more lines") + " · " + openKey + " opens the session"
	lines = append(lines[:room-1], t.Muted.Render(render.FitWords(note, w)))
	return strings.Join(lines, "\n")
}
