package api

import (
	"sync"
	"time"
)

// budget counts the requests sent in the last minute, so the UI can show
// how much of the documented 100 requests per minute is left. The limiter
// keeps the program under the limit; this only makes the state visible.
type budget struct {
	mu    sync.Mutex
	sent  []time.Time // send times within the last minute, oldest first
	now   func() time.Time
	limit int
}

func newBudget(now func() time.Time) *budget {
	return &budget{now: now, limit: RequestsPerMinute}
}

func (b *budget) record() {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	b.trim(now)
	b.sent = append(b.sent, now)
}

// remaining is the number of requests left in the current sliding minute.
func (b *budget) remaining() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.trim(b.now())
	return max(b.limit-len(b.sent), 0)
}

func (b *budget) trim(now time.Time) {
	cut := 0
	for cut < len(b.sent) && now.Sub(b.sent[cut]) >= time.Minute {
		cut++
	}
	b.sent = b.sent[cut:]
}

// Budget returns how many of the documented 100 requests per minute are
// left in the last sliding minute, as this program counts them.
func (c *Client) Budget() int { return c.budget.remaining() }
