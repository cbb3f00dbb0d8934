package fake

import (
	"encoding/json"
	"time"
)

// Catalog is the content a Server serves: its sessions, what each
// session's history says, and the faults that belong to particular sessions.
// The server owns the routes and how they answer; a catalog owns what there
// is to answer with, so that the demo's data can change without touching the
// contract, and a test can serve a handful of bodies without any of it.
//
// The server calls Sessions and Inserts once, on the first request that
// needs the list (or SessionIDs), and History at most once per session; it
// never changes what they return, and may call them from any goroutine.
type Catalog interface {
	// Sessions returns the sessions to store, dated from now: the server's
	// clock, read once in New. They are stored in order; an ID already
	// stored (by WithSession, or earlier in the slice) keeps its body.
	Sessions(now time.Time) []Session
	// Inserts returns items the unfiltered list carries at fixed positions
	// outside its newest-first order, such as malformed ones a client must
	// skip. listed is the list as sorted before they go in, so that what is
	// inserted can be dated like its neighbours.
	Inserts(now time.Time, listed []Listed) []Insert
	// History returns the events of the session stored under id, oldest
	// first, each a JSON object as GET /chat/sessions/{id}/history sends it.
	// body is the session as stored, which need not be valid JSON.
	History(id string, body []byte) []json.RawMessage
	// Faults returns the faults WithCatalog installs, by session ID, as
	// WithFault would.
	Faults() map[string]Fault
}

// Session is a session body a catalog stores under its ID.
type Session struct {
	ID   string
	Body []byte
}

// Listed is a session of the sorted list, as Catalog.Inserts sees it; a
// time is zero when the body has none the server can read.
type Listed struct {
	ID               string
	Created, Updated time.Time
}

// Insert is an item of the unfiltered list at a fixed position.
type Insert struct {
	// At is the item's 0-based position in the unfiltered list; one past the
	// end or more puts it last. Inserts go in in order, so a later one
	// counts the earlier ones.
	At int
	// Item is the list item, as sent.
	Item []byte
	// ID, when not empty, stores Item as the session ID as well, replacing
	// any body there, so that GET and history serve what the list shows. Such
	// a session stays out of filtered lists, SessionIDs and the search.
	ID string
}

// WithCatalog makes c the server's content and installs c's faults,
// replacing any fault already set for the same session; a later WithFault or
// WithoutFaults changes them like any other. Only one catalog serves: a later
// WithCatalog replaces the content, though not the faults already installed.
func WithCatalog(c Catalog) Option {
	return func(s *Server) {
		s.content = c
		for id, f := range c.Faults() {
			s.SetFault(id, f)
		}
	}
}
