package summary

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/render"
)

// HandoverGroup is the sessions of one status in a handover.
type HandoverGroup struct {
	Status api.Status // "" for sessions marked but never kept
	Items  []store.HandoverItem
}

// GroupHandover groups items by status, open first, then unresolved, then
// resolved (what the next shift has left to do, most first), then any
// status the contract does not list yet, then sessions whose status is not
// known; each group keeps the store's order (latest mark first).
func GroupHandover(items []store.HandoverItem) []HandoverGroup {
	rank := func(s api.Status) int {
		switch s {
		case api.StatusOpen:
			return 0
		case api.StatusClosedUnresolved:
			return 1
		case api.StatusClosedResolved:
			return 2
		case "":
			return 4
		}
		return 3
	}
	var groups []HandoverGroup
	for _, it := range items {
		i := slices.IndexFunc(groups, func(g HandoverGroup) bool { return g.Status == it.Session.Status })
		if i < 0 {
			groups = append(groups, HandoverGroup{Status: it.Session.Status})
			i = len(groups) - 1
		}
		groups[i].Items = append(groups[i].Items, it)
	}
	slices.SortStableFunc(groups, func(a, b HandoverGroup) int {
		if d := rank(a.Status) - rank(b.Status); d != 0 {
			return d
		}
		return strings.Compare(string(a.Status), string(b.Status))
	})
	return groups
}

// HandoverMarkdown is the shift handover to paste into Slack or a ticket:
// the sessions reviewed or noted since since, grouped by status, each with
// its contact, ticket, the mark, what changed and the note. Every value
// from the API, and the note, is sanitized.
func HandoverMarkdown(items []store.HandoverItem, since, now time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Handover since %s (%s)\n\n", since.UTC().Format("2006-01-02 15:04 UTC"), render.Duration(now.Sub(since)))
	if len(items) == 0 {
		b.WriteString("No sessions reviewed or noted.\n")
		return b.String()
	}
	fmt.Fprintf(&b, "%s reviewed or noted.\n", plural.Count(len(items), "session"))
	for _, g := range GroupHandover(items) {
		status := render.Status(g.Status)
		if g.Status == "" {
			status = "status unknown (never fetched)"
		}
		fmt.Fprintf(&b, "\n### %s (%d)\n", md(status), len(g.Items))
		for _, it := range g.Items {
			handoverItem(&b, it, now)
		}
	}
	return b.String()
}

func handoverItem(b *strings.Builder, it store.HandoverItem, now time.Time) {
	s := &it.Session
	title := render.Contact(s.Contact)
	if title == render.Dash {
		title = "session " + api.ShortID(render.Line(s.ID))
	}
	if t := render.Ticket(s); t != render.Dash {
		title += " · " + t
	}
	fmt.Fprintf(b, "\n**%s**\n", md(title))
	fmt.Fprintf(b, "- **Session:** %s\n", code(s.ID))
	if s.Contact != nil {
		fmt.Fprintf(b, "- **Contact:** %s\n", contactMarkdown(s.Contact))
	}
	fmt.Fprintf(b, "- **Ticket:** %s\n", md(ticketText(s)))
	if !it.ReviewedAt.IsZero() {
		line := "- **Reviewed:** " + render.Time(it.ReviewedAt, now)
		if len(it.SinceReview) > 0 {
			line += "; changed since: " + md(changesText(it.SinceReview))
		}
		b.WriteString(line + "\n")
	}
	// Looked at and reviewed at once, the two lists are one: say it once.
	if len(it.Changes) > 0 && !slices.Equal(it.Changes, it.SinceReview) {
		fmt.Fprintf(b, "- **Changed since you looked** (%s): %s\n", render.Age(it.SeenAt, now), md(changesText(it.Changes)))
	}
	if note := strings.TrimSpace(render.Block(it.Note)); note != "" {
		fmt.Fprintf(b, "- **Note** (%s):\n", render.Age(it.NoteAt, now))
		for _, line := range strings.Split(note, "\n") {
			b.WriteString(strings.TrimRight("  > "+md(line), " ") + "\n")
		}
	}
}

// changesText says what changed, one field after the other: "status open →
// unresolved; sentiment neutral → angry". A handoff summary is long,
// so only its arrival, change or removal is said.
func changesText(changes []store.FieldChange) string {
	parts := make([]string, len(changes))
	for i, c := range changes {
		parts[i] = ChangeText(c)
	}
	return strings.Join(parts, "; ")
}

// ChangeText says one change in a line, sanitized, a status in the words
// of render.Status: "status open → unresolved", "handed off".
func ChangeText(c store.FieldChange) string {
	if c.Name == store.FieldHandoff {
		switch {
		case c.Before == "":
			return "handed off"
		case c.After == "":
			return "handoff removed"
		}
		return "handoff summary changed"
	}
	return render.Line(c.Name) + " " + render.FieldChange(c.Name, c.Before, c.After)
}
