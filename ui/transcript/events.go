package transcript

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/dustin/go-humanize"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/render"
)

// who names the sender the way a support lead thinks of them.
func who(e *api.Event) string {
	name := render.Line(e.SenderName)
	role := render.Line(e.SenderType)
	switch e.SenderType {
	case "contact":
		role = "customer"
	case "ai":
		role = "AI agent"
	case "agent":
		role = "human agent"
	case "system":
		role = "system"
	}
	switch {
	case strings.TrimSpace(name) == "" && role == "":
		return render.Dash
	case strings.TrimSpace(name) == "":
		return role
	case role == "":
		return name
	}
	return name + " (" + role + ")"
}

// isMessage reports whether e is drawn as a message, and so is what X on
// "the message at the top" takes: the contract lets an event's type be
// absent or null, and such an event reads as a message.
func isMessage(e *api.Event) bool { return e.Type == "message" || e.Type == "" }

// renderEvent draws one event for a width: a header with who and when,
// then the word-wrapped text and the attachments; a short message ("hi",
// "ok thanks") on one line, who, text and, at the right, when. Handoffs
// and status changes are set apart so they stand out while scrolling.
func renderEvent(t *styles.Theme, e *api.Event, width int, now time.Time) string {
	when := render.Dash
	if e.CreatedAt.Valid() {
		when = e.CreatedAt.Time.UTC().Format("Jan 2 15:04") + " · " + render.Age(e.CreatedAt.Time, now)
	} else if e.CreatedAt.Raw != "" {
		when = render.Line(e.CreatedAt.Raw)
	}
	text := strings.TrimSpace(render.Block(e.Text))
	// Wrapped by render.Width, the measure the screen is clipped by: a
	// message in Hindi wrapped by lipgloss's narrower count would lose its
	// line ends at the edge.
	body := func(style lipgloss.Style) string {
		return strings.Join(render.WrapStyled(style, text, max(width-2, 8)), "\n")
	}

	switch {
	case isMessage(e):
		short := when // on one line the time of day is enough: the session's day is in its other headers
		if e.CreatedAt.Valid() {
			short = e.CreatedAt.Time.UTC().Format("15:04")
		}
		if line, ok := oneLine(t, e, text, short, width); ok {
			return line
		}
		head := t.PanelTitle.Render(who(e)) + "  " + t.Muted.Render(when)
		lines := []string{head}
		if text != "" {
			lines = append(lines, indent(body(t.Value)))
		}
		for _, a := range e.Attachments {
			lines = append(lines, indent(t.Marker.Render(attachmentLine(a))))
		}
		return strings.Join(lines, "\n")
	case e.Type == "handoff", e.Type == "status_change":
		title := "Handed off to a human"
		if e.Type == "status_change" {
			title = "Status changed"
		}
		banner := t.Marker.Bold(true).Render("── "+title) + "  " + t.Muted.Render(when+" · "+who(e))
		if text == "" {
			return banner
		}
		return banner + "\n" + indent(body(t.Marker))
	}
	// A type this version does not know: shown as sent, never dropped.
	head := t.Muted.Render(fmt.Sprintf("[%s] ", render.Or(e.Type))) + t.PanelTitle.Render(who(e)) + "  " + t.Muted.Render(when)
	if text == "" {
		return head
	}
	return head + "\n" + indent(body(t.Value))
}

func attachmentLine(a api.Attachment) string {
	size := render.Dash
	if a.Size > 0 {
		size = humanize.Bytes(uint64(a.Size))
	}
	kind := ""
	if a.Type != "" {
		kind = ", " + render.Line(a.Type)
	}
	return "📎 " + render.Or(a.Name) + " (" + size + kind + ")"
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// oneLine is a short message as one line, who and text on the left and
// when at the right, if it fits in width; ok is false for a message of
// several lines, with attachments, or too long.
func oneLine(t *styles.Theme, e *api.Event, text, when string, width int) (string, bool) {
	if text == "" || strings.Contains(text, "\n") || len(e.Attachments) > 0 {
		return "", false
	}
	left := t.PanelTitle.Render(who(e)) + "  " + t.Value.Render(text)
	space := width - render.Width(left) - render.Width(when)
	if space < 2 {
		return "", false
	}
	return left + strings.Repeat(" ", space) + t.Muted.Render(when), true
}

// separator is what stands between two rendered events: a blank line,
// but between two one-line messages, which read as a chat does.
func separator(prev, cur string) string {
	if !strings.Contains(prev, "\n") && !strings.Contains(cur, "\n") {
		return "\n"
	}
	return "\n\n"
}
