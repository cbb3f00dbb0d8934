package fake

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"
)

// catalog is every session as the list and the history endpoints see it. It
// is built once (Server.catalogNow) and never changes afterwards, so
// handlers read it without the lock and cursors stay valid.
type catalog struct {
	listed []*entry          // listable sessions, newest activity first
	all    [][]byte          // the unfiltered list: listed items plus odd ones
	byKey  map[string]*entry // every stored session, listed or not
}

// entry is one stored session.
type entry struct {
	key              string      // its key in Server.sessions
	item             []byte      // the body compacted, as a list item; nil if not a JSON object
	view             sessionView // what filters and transcripts need
	created, updated time.Time   // zero when absent or not RFC 3339

	historyOnce sync.Once
	history     [][]byte // its events as JSON, written on first request
}

// events returns the session's history as JSON items, writing it on first
// use: a client pages through it, and it need not be written again for
// every page.
func (e *entry) events() [][]byte {
	e.historyOnce.Do(func() {
		events := transcriptFor(e)
		e.history = make([][]byte, len(events))
		for i, ev := range events {
			b, err := json.Marshal(ev)
			if err != nil {
				panic(err) // events hold only strings, ints and raw JSON objects
			}
			e.history[i] = b
		}
	})
	return e.history
}

// sessionView is the part of a session body the list filters and the
// transcripts use. Decoding ignores everything else, so odd bodies decode.
type sessionView struct {
	ID              string         `json:"id"`
	Status          string         `json:"status"`
	AIClosureType   *string        `json:"ai_closure_type"`
	Sentiment       *string        `json:"sentiment"`
	Channel         channel        `json:"channel"`
	Contact         *viewContact   `json:"contact"`
	Language        string         `json:"language"`
	AssigneeID      *string        `json:"assignee_id"`
	CustomData      map[string]any `json:"custom_data"`
	Team            *team          `json:"team"`
	Handoff         *handoff       `json:"handoff"`
	TicketingSystem *ticketing     `json:"ticketing_system"`
	CreatedAt       string         `json:"created_at"`
	UpdatedAt       string         `json:"updated_at"`
}

// viewContact is the part of a contact the transcripts use.
type viewContact struct {
	Name            *string `json:"name"`
	Email           *string `json:"email"`
	NonVerifiedName *string `json:"non_verified_name"`
}

// buildCatalog generates the sessions, moves the demo ones if asked, and
// indexes everything stored. now is the server's clock, read once.
func (s *Server) buildCatalog(now time.Time) *catalog {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := &catalog{byKey: make(map[string]*entry, len(s.sessions)+s.generated+1)}
	for _, g := range generateSessions(s.generated, now) {
		if _, taken := s.sessions[g.ID]; !taken { // WithSession wins
			e := g.entry()
			s.sessions[g.ID] = e.item
			c.byKey[g.ID] = e
		}
	}
	if s.recentDemo {
		moveDemo(s.sessions, now)
	}
	for key, body := range s.sessions {
		if c.byKey[key] == nil {
			c.byKey[key] = newEntry(key, body)
		}
	}
	for _, e := range c.byKey {
		if e.item != nil {
			c.listed = append(c.listed, e)
		}
	}
	slices.SortFunc(c.listed, newestFirst)
	for _, e := range c.listed {
		c.all = append(c.all, e.item)
	}
	if s.oddItems {
		s.addOddItems(c, now)
	}
	return c
}

// newestFirst orders by updated_at, newest first; sessions without a
// usable updated_at go last, and ties are broken by key so the order is
// the same in every run.
func newestFirst(a, b *entry) int {
	if c := b.updated.Compare(a.updated); c != 0 {
		return c
	}
	return strings.Compare(a.key, b.key)
}

// newEntry indexes one stored body.
func newEntry(key string, body []byte) *entry {
	e := &entry{key: key}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' || !json.Valid(trimmed) {
		e.view.ID = key
		return e
	}
	var buf bytes.Buffer
	_ = json.Compact(&buf, trimmed) // valid JSON always compacts
	e.item = buf.Bytes()
	// A field of an unexpected type is left empty and the rest still
	// decodes; only a type error can occur here, the JSON being valid.
	var typeErr *json.UnmarshalTypeError
	if err := json.Unmarshal(trimmed, &e.view); err != nil && !errors.As(err, &typeErr) {
		e.view = sessionView{}
	}
	if e.view.ID == "" {
		e.view.ID = key
	}
	e.created = parseStamp(e.view.CreatedAt)
	e.updated = parseStamp(e.view.UpdatedAt)
	return e
}

// parseStamp parses an RFC 3339 time, or returns the zero time.
func parseStamp(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// find returns the entry for a session ID, matched like Server.lookup.
func (c *catalog) find(id string) (*entry, bool) {
	for _, key := range []string{id, strings.ToLower(id)} {
		if e, ok := c.byKey[key]; ok {
			return e, true
		}
	}
	return nil, false
}

// SessionIDs returns the IDs of the listed sessions in list order (newest
// activity first), unfiltered and without the odd items: what paging
// through GET /chat/sessions yields, for tests to compare against.
func (s *Server) SessionIDs() []string {
	c := s.catalogNow()
	ids := make([]string, len(c.listed))
	for i, e := range c.listed {
		ids[i] = e.key
	}
	return ids
}
