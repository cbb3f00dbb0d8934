// Package summary writes a session as text for outside the TUI: a readable
// plain-text summary (for `cxi get`) and a Markdown one (for pasting into
// Slack or a ticket). Every value from the API is sanitized first.
package summary

import (
	"fmt"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// Text is a plain summary, one "label  value" line per field, the handoff
// summary under it. No line is wider than width as terminals count cells
// (render.Wrap: Chinese or Japanese text, which has no spaces to break at,
// wraps between its characters); a value too long for its line continues
// under itself.
func Text(s *api.Session, now time.Time, width int) string {
	const labelWidth = 12 // "%-11s "
	var b strings.Builder
	row := func(label, value string) {
		lines := render.Wrap(value, max(width-labelWidth, 20))
		fmt.Fprintf(&b, "%-11s %s\n", label, lines[0])
		for _, l := range lines[1:] {
			b.WriteString(strings.Repeat(" ", labelWidth) + l + "\n")
		}
	}
	row("Session", render.Or(s.ID))
	row("Status", statusText(s))
	row("Sentiment", render.Ptr(s.Sentiment))
	row("Channel", render.Enum(s.Channel.Type))
	row("Contact", contactText(s.Contact))
	row("Team", teamText(s))
	row("Assignee", render.Ptr(s.AssigneeID))
	row("Ticket", ticketText(s))
	row("Created", timeText(s.CreatedAt, now))
	row("Updated", timeText(s.UpdatedAt, now))
	if other := s.OtherFields(); len(other) > 0 {
		// Fields the API added before the contract named them: one line
		// each, cut at the width (--field prints one whole).
		b.WriteString("\nOther fields\n")
		lw := 0
		for _, f := range other {
			lw = max(lw, render.Width(render.Or(f.Path))+2)
		}
		lw = min(lw, max(width, 20)/2)
		for _, f := range other {
			v, _ := render.Value(f.Value)
			line := "  " + render.Fit(render.Or(f.Path), lw-2) + "  " + v
			b.WriteString(strings.TrimRight(render.Fit(line, max(width, 20)), " ") + "\n")
		}
	}
	if h := s.Handoff; h != nil {
		fmt.Fprintf(&b, "\nHandoff summary (sentiment: %s)\n", render.Ptr(h.Sentiment))
		text := strings.TrimSpace(render.Block(h.Summary))
		b.WriteString(indent(strings.Join(render.Wrap(text, max(width-2, 20)), "\n"), "  "))
		b.WriteString("\n")
	}
	return b.String()
}

// Markdown is a summary to paste into Slack or a ticket: status,
// sentiment, contact, ticket, then the handoff summary as a quote.
func Markdown(s *api.Session, now time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**Session** %s\n", code(s.ID))
	fmt.Fprintf(&b, "- **Status:** %s\n", md(statusText(s)))
	fmt.Fprintf(&b, "- **Sentiment:** %s\n", md(render.Ptr(s.Sentiment)))
	fmt.Fprintf(&b, "- **Channel:** %s\n", md(render.Enum(s.Channel.Type)))
	fmt.Fprintf(&b, "- **Contact:** %s\n", contactMarkdown(s.Contact))
	fmt.Fprintf(&b, "- **Ticket:** %s\n", md(ticketText(s)))
	fmt.Fprintf(&b, "- **Updated:** %s\n", md(timeText(s.UpdatedAt, now)))
	if other := s.OtherFields(); len(other) > 0 {
		b.WriteString("- **Other fields:**\n")
		for _, f := range other {
			v, _ := render.Value(f.Value)
			fmt.Fprintf(&b, "  - %s: %s\n", code(f.Path), md(v))
		}
	}
	if h := s.Handoff; h != nil {
		fmt.Fprintf(&b, "\n**Handoff summary** (sentiment: %s)\n", md(render.Ptr(h.Sentiment)))
		for _, line := range strings.Split(strings.TrimSpace(render.Block(h.Summary)), "\n") {
			b.WriteString(strings.TrimRight("> "+md(line), " ") + "\n")
		}
	}
	return b.String()
}

func statusText(s *api.Session) string {
	out := render.Status(s.Status)
	if s.AIClosureType != nil {
		out += " (AI closure: " + render.Enum(*s.AIClosureType) + ")"
	}
	return out
}

func contactText(c *api.Contact) string {
	if c == nil {
		return render.Dash
	}
	var parts []string
	for _, p := range []*string{c.Name, c.Email, c.PhoneNumber} {
		if v := render.Ptr(p); v != render.Dash {
			parts = append(parts, v)
		}
	}
	if len(parts) == 0 {
		return render.Dash + " (contact " + render.Or(c.ID) + ")"
	}
	return strings.Join(parts, " · ")
}

// contactMarkdown is contactText for Markdown: the email and the phone
// number as code spans, which no renderer links and every reader shows as
// typed (escaped as text, an address read "dana\@example.com" in Slack).
func contactMarkdown(c *api.Contact) string {
	if c == nil || (render.Ptr(c.Name) == render.Dash && render.Ptr(c.Email) == render.Dash && render.Ptr(c.PhoneNumber) == render.Dash) {
		return md(contactText(c))
	}
	var parts []string
	if v := render.Ptr(c.Name); v != render.Dash {
		parts = append(parts, md(v))
	}
	for _, p := range []*string{c.Email, c.PhoneNumber} {
		if v := render.Ptr(p); v != render.Dash {
			parts = append(parts, code(v))
		}
	}
	return strings.Join(parts, " · ")
}

func teamText(s *api.Session) string {
	if s.Team == nil {
		return render.Dash
	}
	return render.Or(s.Team.Name)
}

func ticketText(s *api.Session) string {
	var parts []string
	if t := s.TicketingSystem; t != nil {
		parts = append(parts, render.Enum(t.Name)+" "+render.Or(t.ExternalID)+" ("+render.Enum(t.IDType)+")")
	}
	if n := render.Number(s.TicketNumber); n != render.Dash {
		if tag := render.NotNumber(s.TicketNumber); tag != "" {
			n += " (" + tag + ")"
		}
		parts = append(parts, "#"+n)
	}
	if len(parts) == 0 {
		return render.Dash
	}
	return strings.Join(parts, " · ")
}

func timeText(t api.Timestamp, now time.Time) string {
	if t.Valid() {
		return render.Time(t.Time, now)
	}
	return render.Or(t.Raw)
}

// indent prefixes every non-empty line, leaving blank lines blank.
func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

// md escapes sanitized text for Markdown (render.MarkdownText, the one
// escaping every Markdown cxi writes goes through).
func md(s string) string { return render.MarkdownText(s) }

// code is a value as an inline code span, sanitized, a dash when blank.
func code(s string) string { return render.MarkdownCode(render.Or(s)) }
