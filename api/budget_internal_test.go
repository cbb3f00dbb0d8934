package api

import (
	"testing"
	"time"
)

// TestABudgetSpentByA429ComesBackWhenTheWaitIsOver: a 429's Retry-After
// says when the key may send again; the budget is nothing until then, and
// back from then, not a minute after the answer (the status line showed
// "API budget 0/100" long after the retry had gone through).
func TestABudgetSpentByA429ComesBackWhenTheWaitIsOver(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	b := newBudget(func() time.Time { return now })
	b.record()
	b.observe("0")
	b.exhaustedUntil(now.Add(20 * time.Second))
	if got := b.remaining(); got != 0 {
		t.Fatalf("right after the 429: %d left, want 0", got)
	}
	now = now.Add(21 * time.Second)
	if got := b.remaining(); got != RequestsPerMinute-1 {
		t.Errorf("after the Retry-After: %d left, want %d (this program's own count)", got, RequestsPerMinute-1)
	}
	// Without a Retry-After, the server's count holds for a minute.
	b.observe("5")
	now = now.Add(30 * time.Second)
	if got := b.remaining(); got != 5 {
		t.Errorf("half a minute after the server said 5: %d", got)
	}
}
