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

// index is every session as the list, the history and the search see it.
// It is built once (Server.indexNow) and never changes afterwards, so
// handlers read it without the lock and cursors stay valid.
type index struct {
	listed []*entry          // listable sessions, newest activity first
	all    [][]byte          // the unfiltered list: listed items plus inserted ones
	byKey  map[string]*entry // every stored session, listed or not

	inserts []Insert // the catalog's, as put into all; a write puts them in again
}

// entry is one stored session.
type entry struct {
	key              string    // the ID it is stored under
	body             []byte    // as stored: what GET serves and the catalog's History reads
	item             []byte    // the body compacted, as a list item; nil if not a JSON object
	view             listView  // what the filters and the search need
	created, updated time.Time // zero when absent or not RFC 3339

	historyOnce sync.Once
	history     [][]byte // its events as JSON, asked of the catalog on first request
}

// events returns the session's history as JSON items, asking the catalog
// on first use: a client pages through it, and it need not be written
// again for every page. Without a catalog every history is empty.
func (e *entry) events(content Catalog) [][]byte {
	e.historyOnce.Do(func() {
		e.history = [][]byte{}
		if content == nil {
			return
		}
		for _, ev := range content.History(e.key, e.body) {
			e.history = append(e.history, ev)
		}
	})
	return e.history
}

// listView is the part of a session body the list filters and the search
// use. Decoding ignores everything else, so odd bodies decode.
type listView struct {
	ID      string `json:"id"`
	Status  string `json:"status"`
	Channel struct {
		Type string `json:"type"`
	} `json:"channel"`
	Handoff   *struct{} `json:"handoff"` // only whether there is one
	CreatedAt string    `json:"created_at"`
	UpdatedAt string    `json:"updated_at"`
}

// buildIndex stores the catalog's sessions and indexes everything stored.
// now is the server's clock, read once.
func (s *Server) buildIndex(now time.Time) *index {
	s.mu.Lock()
	defer s.mu.Unlock()
	var stored []Session
	if s.content != nil {
		stored = s.content.Sessions(now)
	}
	for _, cs := range stored {
		if _, taken := s.sessions[cs.ID]; !taken { // WithSession wins
			s.sessions[cs.ID] = cs.Body
		}
	}
	c := &index{byKey: make(map[string]*entry, len(s.sessions)+1)}
	for key, body := range s.sessions {
		c.byKey[key] = newEntry(key, body)
	}
	for _, e := range c.byKey {
		if e.item != nil {
			c.listed = append(c.listed, e)
		}
	}
	slices.SortFunc(c.listed, newestFirst) // before Inserts, which dates its items from the sorted list
	if s.content != nil {
		c.inserts = s.content.Inserts(now, c.listedTimes())
		c.storeInserted()
	}
	c.relist()
	return c
}

// listedTimes is the sorted list as Catalog.Inserts sees it.
func (c *index) listedTimes() []Listed {
	out := make([]Listed, len(c.listed))
	for i, e := range c.listed {
		out[i] = Listed{ID: e.key, Created: e.created, Updated: e.updated}
	}
	return out
}

// storeInserted stores the inserts that are sessions too, over any body of
// the same ID, so that GET and the history serve what the list shows. They
// are not put in c.listed: they are listed only where relist puts them.
func (c *index) storeInserted() {
	for _, in := range c.inserts {
		if in.ID != "" {
			c.byKey[in.ID] = newEntry(in.ID, in.Item)
		}
	}
}

// relist writes the unfiltered list: the items of c.listed, which the
// caller has sorted, with the catalog's inserts put in at their positions,
// in order, so that a later one counts the earlier ones.
func (c *index) relist() {
	c.all = make([][]byte, 0, len(c.listed)+len(c.inserts))
	for _, e := range c.listed {
		c.all = append(c.all, e.item)
	}
	for _, in := range c.inserts {
		c.all = slices.Insert(c.all, min(in.At, len(c.all)), in.Item)
	}
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
	e := &entry{key: key, body: body}
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
		e.view = listView{}
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

// find returns the entry for a session ID, matched by byID.
func (c *index) find(id string) (*entry, bool) { return byID(c.byKey, id) }

// SessionIDs returns the IDs of the listed sessions in list order (newest
// activity first), unfiltered and without the catalog's inserts: what paging
// through GET /chat/sessions yields, for tests to compare against.
func (s *Server) SessionIDs() []string {
	c := s.indexNow()
	ids := make([]string, len(c.listed))
	for i, e := range c.listed {
		ids[i] = e.key
	}
	return ids
}
