package api

import (
	"strconv"
	"strings"
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
	// What the server last said is left (X-RateLimit-Remaining), when, and
	// until when it holds: the server counts every program using the key,
	// this one counts itself.
	server      int
	serverAt    time.Time
	serverUntil time.Time
}

// observe records the server's own count of what is left, when it sends one.
func (b *budget) observe(remaining string) {
	n, err := strconv.Atoi(strings.TrimSpace(remaining))
	if err != nil || n < 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	b.server, b.serverAt, b.serverUntil = n, now, now.Add(time.Minute)
}

// exhaustedUntil records a 429 whose Retry-After says when the key may
// send again: nothing is left until then, and from then the server's
// count no longer holds, so the budget comes back when the wait is over,
// not a minute after the answer.
func (b *budget) exhaustedUntil(t time.Time) {
	if t.IsZero() {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.server, b.serverAt, b.serverUntil = 0, b.now(), t
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
	now := b.now()
	b.trim(now)
	left := max(b.limit-len(b.sent), 0)
	if now.Before(b.serverUntil) {
		// Requests sent since the server answered are not in its count.
		since := 0
		for _, t := range b.sent {
			if t.After(b.serverAt) {
				since++
			}
		}
		left = min(left, max(b.server-since, 0))
	}
	return left
}

func (b *budget) trim(now time.Time) {
	cut := 0
	for cut < len(b.sent) && now.Sub(b.sent[cut]) >= time.Minute {
		cut++
	}
	b.sent = b.sent[cut:]
}

// Budget returns how many of the documented 100 requests per minute are
// left: this program's own count over the last sliding minute, or the
// server's X-RateLimit-Remaining when it sent one lately and it is lower
// (other programs using the same key spend the same budget).
// Requests queued for the limiter are counted as spent: they will be.
func (c *Client) Budget() int { return max(c.budget.remaining()-int(c.queued.Load()), 0) }
