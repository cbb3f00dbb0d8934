//go:build prism

package queue

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/opencx-tools/cxi/api/filter"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/prism"
	"github.com/opencx-tools/cxi/ui/internal/screentest"
)

// TestAgainstPrism fills the queue with list pages of random sessions from
// Stoplight Prism serving the contract in dynamic mode (fixed seed, logged;
// a seed of its own for every request), through the real client, and
// renders each: every item must decode and the rows must draw no control
// character and no line wider than the screen.
//
//	go test -tags prism ./ui/queue/ -run Prism   (with CXI_PRISM=path/to/prism)
func TestAgainstPrism(t *testing.T) {
	const seed = 21
	client := prism.MockClient(t, seed, "/chat/sessions", nil)
	const pages = 50
	rows := 0
	for i := range pages {
		l := &onePage{t: t, client: client}
		for _, width := range []int{120, 60} {
			m := New(theme(), DefaultKeyMap(), l, filter.Filters{}, false, now).SetSize(width, 40)
			m, cmd := m.Reload()
			m = run(m, cmd)
			view := m.View()
			screentest.Check(t, fmt.Sprintf("page %d", i), view, width)
			// Prism's random IDs repeat (the nil UUID often), and the queue
			// keeps one row per ID.
			if m.Loaded() != l.distinct {
				t.Errorf("page %d: %d rows loaded of %d distinct sessions", i, m.Loaded(), l.distinct)
			}
		}
		rows += l.items
	}
	if rows == 0 {
		t.Error("no rows in any page")
	}
	t.Logf("%d list pages from prism, %d sessions, decoded and rendered", pages, rows)
}

// onePage lists through the real client, failing the test on an error or
// an item that does not decode, and serves one page: Prism's random cursors
// never end, so the page's next is dropped.
type onePage struct {
	t      *testing.T
	client *api.Client

	mu       sync.Mutex
	items    int
	distinct int // items with different IDs
	page     *api.SessionPage
}

func (o *onePage) ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.page == nil {
		pg, err := o.client.ListSessions(ctx, p)
		if err != nil {
			o.t.Errorf("ListSessions: %v", err)
			return nil, err
		}
		for _, s := range pg.Skipped {
			o.t.Errorf("list item %d did not decode: %s", s.Index, s.Reason)
		}
		pg.Next = ""
		ids := map[string]bool{}
		for _, s := range pg.Items {
			ids[s.ID] = true
		}
		o.page, o.items, o.distinct = pg, len(pg.Items), len(ids)
	}
	return o.page, nil
}
