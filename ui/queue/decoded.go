package queue

import (
	"sync"

	"github.com/opencx-tools/cxi/api"
)

// decodedLimit is how many whole sessions the queue keeps decoded: the row
// under the cursor, its neighbours that n and p prefetch, the preview's,
// and the last few left, for j and k back and forth.
const decodedLimit = 48

// decodedCache keeps the sessions last decoded from their rows, so that
// what asks for the row under the cursor on every key (the preview, the
// copy keys) decodes it once. It is keyed by the row: a fresher copy of a
// session is a new row, which misses by itself. The Model holds it by
// pointer, as it does drawnRows, and every copy of the Model shares it.
type decodedCache struct {
	mu    sync.Mutex
	byRow map[*row]*api.Session
	ring  [decodedLimit]*row // the oldest entry is the next to go
	next  int
}

func newDecodedCache() *decodedCache { return &decodedCache{byRow: map[*row]*api.Session{}} }

// session is r's whole session, decoded once while it stays among the
// last few asked for. A body that does not decode (it came from the API
// as JSON and was packed by cxi: only damage in memory could do it) gives
// the row's ID and status, so that the row still opens and the API's
// copy replaces it.
func (c *decodedCache) session(r *row) *api.Session {
	if c == nil {
		return decodeOrStub(r)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.byRow[r]; ok {
		return s
	}
	s := decodeOrStub(r)
	if old := c.ring[c.next]; old != nil {
		delete(c.byRow, old)
	}
	c.ring[c.next] = r
	c.next = (c.next + 1) % decodedLimit
	c.byRow[r] = s
	return s
}

func decodeOrStub(r *row) *api.Session {
	s, err := r.decode()
	if err != nil {
		return &api.Session{ID: r.id, Status: r.rawStatus}
	}
	return s
}
