package queue

import (
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// row is a loaded session with what the list needs precomputed when it
// arrives: sanitized cell texts, the lower-cased text the local filter
// searches, and the sort keys. View then only pads and colours.
type row struct {
	session       *api.Session
	status        string
	sentiment     string
	channel       string
	contact       string
	team          string
	teamKey       string // what the team filter compares: the team's ID (its name if it has none); "" for no team
	ticket        string
	contactW      int // cells, for the column widths
	ticketW       int
	handedOff     bool
	needsHuman    bool
	sentimentRank int
	search        string
}

func newRow(s *api.Session) row {
	r := row{
		session:       s,
		status:        render.Status(s.Status),
		sentiment:     render.Ptr(s.Sentiment),
		channel:       render.Enum(s.Channel.Type),
		contact:       render.Contact(s.Contact),
		team:          render.Dash,
		ticket:        render.Ticket(s),
		handedOff:     s.HandedOff(),
		needsHuman:    needsHuman(s),
		sentimentRank: sentimentRank(s),
	}
	r.contactW, r.ticketW = render.Width(r.contact), render.Width(r.ticket)
	if s.Team != nil {
		r.team = render.Or(s.Team.Name)
		r.teamKey = "id:" + s.Team.ID
		if s.Team.ID == "" {
			r.teamKey = "name:" + s.Team.Name
		}
	}
	parts := []string{s.ID, r.status, string(s.Status), r.sentiment, r.channel, r.contact, r.team, r.ticket}
	if c := s.Contact; c != nil {
		parts = append(parts, render.Ptr(c.Email), render.Ptr(c.PhoneNumber), render.Ptr(c.Name))
	}
	if r.handedOff {
		parts = append(parts, "handed off", "handoff")
	}
	r.search = strings.ToLower(strings.Join(parts, " "))
	return r
}
