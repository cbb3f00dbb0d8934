package queue

import (
	"slices"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/resolve"
)

// loadedRows is the queue's rows as a search of them reads them, in the
// search's command: rows are never changed once made, so a copy of the
// slice is safe to read there while Update goes on.
type loadedRows []*row

// Sessions is the loaded sessions for a search that looks at them before
// asking the API (resolve.Loaded). Taking it copies the rows' pointers,
// not their sessions; the search decodes only those that match, in its
// command.
func (m Model) Sessions() resolve.Loaded { return loadedRows(slices.Clone(m.rows)) }

// Len is the number of sessions loaded.
func (l loadedRows) Len() int { return len(l) }

// Matching is the loaded sessions q matches, whole. Each row is first
// asked with a session that holds only what Query.Matches compares (IDs,
// the contact's emails, phone and names, the ticket's external ID and
// number), filled from the row's search fields in lower case, which the
// query compares in any case; only a row that passes (or one whose fields
// held a NUL, which the search fields cannot) is decoded, and the decoded
// session decides.
func (l loadedRows) Matching(q resolve.Query) []api.Session {
	var (
		s                                 api.Session
		c                                 api.Contact
		t                                 api.TicketingSystem
		email, phone, name, uEmail, uName string
		number                            api.Number
	)
	c.Email, c.PhoneNumber, c.Name, c.NonVerifiedEmail, c.NonVerifiedName = &email, &phone, &name, &uEmail, &uName
	var out []api.Session
	for _, r := range l {
		s = api.Session{Contact: &c, TicketingSystem: &t}
		var f [keyCount]string
		r.fields(&f)
		s.ID = f[keyID]
		email, phone, name, uEmail, uName = f[keyEmail], f[keyPhone], f[keyName], f[keyUnverifiedEmail], f[keyUnverifiedName]
		t.ExternalID = f[keyExternalID]
		if f[keyTicketNumber] != "" {
			number, _ = api.ParseNumber(f[keyTicketNumber])
			s.TicketNumber = &number
		}
		if !r.nul && !q.Matches(&s) {
			continue
		}
		whole, err := r.decode()
		if err == nil && q.Matches(whole) {
			out = append(out, *whole)
		}
	}
	return out
}
