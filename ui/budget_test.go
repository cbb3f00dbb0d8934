package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/detail"
	"github.com/opencx-tools/cxi/ui/queue"
)

// pagedClient serves n stub sessions in pages of 2, and says the limiter
// makes a request wait delay.
type pagedClient struct {
	*stubClient
	delay time.Duration
}

func (c pagedClient) Delay() time.Duration { return c.delay }

func (c pagedClient) ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error) {
	all, err := c.stubClient.ListSessions(ctx, p)
	if err != nil {
		return nil, err
	}
	start := 0
	fmt.Sscan(p.Cursor, &start)
	end := min(start+2, len(all.Items))
	page := &api.SessionPage{Items: all.Items[start:end]}
	if end < len(all.Items) {
		page.Next = fmt.Sprint(end)
	}
	return page, nil
}

// TestHeldNextNeverStallsInSilence: n past the loaded rows says it is
// loading more, and how long the rate budget makes it wait.
func TestHeldNextNeverStallsInSilence(t *testing.T) {
	c := pagedClient{stubClient: &stubClient{sessions: stubSessions(60)}, delay: 12 * time.Second}
	m := newTestModel(t, c)
	next, cmd := m.Update(startMsg{})
	m = drain(next.(Model), cmd)
	if m.queue.Loaded() >= 60 {
		t.Fatalf("the test wants rows left to load, got %d loaded", m.queue.Loaded())
	}
	m = press(m, "enter")
	for m.queue.Neighbour(m.session().ID, 1) != nil {
		m = send(m, keyRunes("n"))
	}
	// Past the last loaded row: the next page is asked for, and said so.
	next, cmd = m.Update(keyRunes("n"))
	m = next.(Model)
	for _, msg := range collect(cmd) {
		if _, ok := msg.(queue.Msg); ok {
			continue // the page itself: left unanswered, as if it waited
		}
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	if v := m.View(); !strings.Contains(v, "Loading more sessions… waiting 12s for the rate budget.") {
		t.Errorf("n past the loaded rows says nothing of the wait:\n%s", v)
	}
}

// TestALateAnswerNeverChangesTheSessionInView: the answer of a lookup the
// user moved on from, and a queue page, leave the pane as it is.
func TestALateAnswerNeverChangesTheSessionInView(t *testing.T) {
	sessions := stubSessions(3)
	m := startedModel(t, &stubClient{sessions: sessions})
	m = send(m, enter) // row 0, with a quiet refresh left unanswered
	stale := m.detail.Current()
	m = press(m, "n") // on to row 1
	shown := m.session()
	older := *sessions[stubID(0)]
	older.Status = api.StatusClosedResolved
	m = send(m, detail.LoadedMsg{Req: stale, Session: &older, At: testNow})
	if m.session() != shown || m.session().ID != stubID(1) {
		t.Errorf("a late answer for row 0 replaced the session in view: %v", m.session())
	}
}
