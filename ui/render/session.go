package render

import (
	"time"

	"github.com/opencx-tools/cxi/api"
)

// Contact names a session's contact in one short cell: the name, else the
// email, else the phone, else what the customer typed themselves.
func Contact(c *api.Contact) string {
	if c == nil {
		return Dash
	}
	for _, p := range []*string{c.Name, c.Email, c.PhoneNumber, c.NonVerifiedName, c.NonVerifiedEmail} {
		if v := Ptr(p); v != Dash {
			return v
		}
	}
	return Dash
}

// Ticket is the helpdesk's external_id, else "#<ticket number>".
func Ticket(s *api.Session) string {
	if t := s.TicketingSystem; t != nil {
		if v := Or(t.ExternalID); v != Dash {
			return v
		}
	}
	if n := Number(s.TicketNumber); n != Dash {
		return "#" + n
	}
	return Dash
}

// Since is the time from t to now in a list's compact form ("3h"), or a
// dash when the timestamp did not parse.
func Since(t api.Timestamp, now time.Time) string {
	if !t.Valid() {
		return Dash
	}
	return Span(now.Sub(t.Time))
}
