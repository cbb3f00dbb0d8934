//go:build prism

package transcript

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/prism"
	"github.com/opencx-tools/cxi/ui/internal/screentest"
)

// TestAgainstPrism renders history pages of random events from Stoplight
// Prism serving the contract in dynamic mode (fixed seed, logged; a seed of
// its own for every request) through the real client: events with and
// without id, null senders and contents, attachments of any shape. Every
// event must decode and draw no control character and no line wider than
// the screen.
//
//	go test -tags prism ./ui/transcript/ -run Prism   (with CXI_PRISM=path/to/prism)
func TestAgainstPrism(t *testing.T) {
	const seed = 33
	client := prism.MockClient(t, seed, "/chat/sessions/x/history", nil)
	const pages = 50
	events := 0
	for i := range pages {
		pg, err := client.History(context.Background(), "3f9c2a71-8d4e-4b6a-9f13-5c2e7d8a1b04", "")
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		for _, s := range pg.Skipped {
			t.Errorf("page %d: event %d did not decode: %s", i, s.Index, s.Reason)
		}
		pg.Next = "" // Prism's random cursors never end
		events += len(pg.Items)
		for _, width := range []int{120, 60} {
			m := New(theme(), DefaultKeyMap(), onePage{pg}, "3f9c2a71-8d4e-4b6a-9f13-5c2e7d8a1b04", time.Now()).SetSize(width, 1000)
			m, cmd := m.Start()
			m = run(m, cmd)
			// Only a duplicate may go missing; whether two events that look
			// alike are one is the transcript's business.
			if d := distinctEvents(pg.Items); m.Loaded() < d || m.Loaded() > len(pg.Items) {
				t.Errorf("page %d: %d events shown of %d (%d distinct)", i, m.Loaded(), len(pg.Items), d)
			}
			view := m.View()
			screentest.Check(t, fmt.Sprintf("page %d", i), view, width)
		}
	}
	t.Logf("%d history pages from prism, %d events, decoded and rendered", pages, events)
}

// onePage serves one page already fetched, whatever the cursor.
type onePage struct{ page *api.HistoryPage }

func (o onePage) History(context.Context, string, string) (*api.HistoryPage, error) {
	return o.page, nil
}

// distinctEvents counts events that differ by ID where there is one, and
// by time, type, sender and text where there is not (Prism's random IDs
// can repeat, and its ID-less events can be alike).
func distinctEvents(events []api.Event) int {
	seen := map[string]bool{}
	for _, e := range events {
		k := "id|" + e.ID
		if e.ID == "" {
			k = strings.Join([]string{"", e.CreatedAt.Raw, e.Type, e.SenderType, e.SenderName, e.Text}, "|")
		}
		seen[k] = true
	}
	return len(seen)
}
