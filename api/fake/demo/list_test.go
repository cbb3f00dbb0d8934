package demo

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

func TestListOddItems(t *testing.T) {
	s := newTestServer()
	items, _ := probe.Walk(t, s, "/chat/sessions", nil)
	if want := len(Sessions()) + DefaultGenerated + 2; len(items) != want {
		t.Fatalf("%d items, want %d", len(items), want)
	}
	if OddTicketIndex/fake.DefaultPageSize > 2 || CorruptedIndex/fake.DefaultPageSize > 2 {
		t.Error("odd items must sit in the first three pages")
	}

	var odd struct {
		ID           string          `json:"id"`
		TicketNumber json.RawMessage `json:"ticket_number"`
	}
	if err := json.Unmarshal(items[OddTicketIndex], &odd); err != nil {
		t.Fatal(err)
	}
	if odd.ID != IDOddTicket || string(odd.TicketNumber) != `"4471"` {
		t.Errorf("item %d: id %s, ticket_number %s; want %s with the string \"4471\"", OddTicketIndex, odd.ID, odd.TicketNumber, IDOddTicket)
	}
	if got := string(items[CorruptedIndex]); got != `"corrupted"` {
		t.Errorf("item %d is %.60s, want the JSON string \"corrupted\"", CorruptedIndex, got)
	}

	// Everything else is the clean list, in the same order.
	var rest []json.RawMessage
	for i, it := range items {
		if i != OddTicketIndex && i != CorruptedIndex {
			rest = append(rest, it)
		}
	}
	var ids []string
	for _, sess := range probe.DecodeListed(t, rest) {
		ids = append(ids, sess.ID)
	}
	if !slices.Equal(ids, s.SessionIDs()) {
		t.Error("with the odd items taken out, the list differs from SessionIDs")
	}

	// The odd session is dated like its neighbour, so the order holds.
	var prev, this struct {
		UpdatedAt string `json:"updated_at"`
	}
	_ = json.Unmarshal(items[OddTicketIndex-1], &prev)
	_ = json.Unmarshal(items[OddTicketIndex], &this)
	if prev.UpdatedAt == "" || prev.UpdatedAt != this.UpdatedAt {
		t.Errorf("odd session updated %q, its predecessor %q", this.UpdatedAt, prev.UpdatedAt)
	}

	// GET serves it like any other session; filtered lists leave it out.
	w := probe.Get(s, "/chat/sessions/"+IDOddTicket, fake.DemoKey)
	if w.Code != http.StatusOK || !bytes.Equal(w.Body.Bytes(), items[OddTicketIndex]) {
		t.Errorf("GET odd session: %d %.80s", w.Code, w.Body)
	}
	filtered, _ := probe.Walk(t, s, "/chat/sessions", url.Values{"updated_before": {"2100-01-01T00:00:00Z"}})
	if len(filtered) != len(items)-2 {
		t.Errorf("filtered list has %d items, want %d: odd items only in the unfiltered list", len(filtered), len(items)-2)
	}

	cleanServer := probe.Server(Catalog(WithoutOddItems()))
	clean, _ := probe.Walk(t, cleanServer, "/chat/sessions", nil)
	if len(clean) != len(items)-2 {
		t.Errorf("WithoutOddItems: %d items, want %d", len(clean), len(items)-2)
	}
	if w := probe.Get(cleanServer, "/chat/sessions/"+IDOddTicket, fake.DemoKey); w.Code != http.StatusNotFound {
		t.Errorf("WithoutOddItems: GET odd session %d, want 404", w.Code)
	}
}

func TestListDeterministic(t *testing.T) {
	pages := func(s *fake.Server) [][]byte {
		var out [][]byte
		cursor := ""
		for {
			p, body := probe.GetPage(t, s, "/chat/sessions", nil, cursor)
			out = append(out, body)
			if p.Next == nil {
				return out
			}
			cursor = *p.Next
		}
	}
	a, b := pages(newTestServer()), pages(newTestServer())
	if len(a) != len(b) {
		t.Fatalf("%d pages and %d pages", len(a), len(b))
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Fatalf("page %d differs between two servers with the same clock", i+1)
		}
	}

	// A later clock dates the same sessions later.
	later := NewServer(fake.WithClock(func() time.Time { return probe.Clock().Add(time.Hour) }))
	ids := newTestServer().SessionIDs()
	if !slices.Equal(later.SessionIDs(), ids) {
		t.Error("the clock changed which sessions are generated, or their order")
	}

	// The first n generated sessions do not depend on how many follow.
	few := probe.Server(Catalog(WithoutShowcase(), WithGenerated(20), WithoutOddItems()))
	for _, id := range few.SessionIDs() {
		if !slices.Contains(ids, id) {
			t.Errorf("WithGenerated(20) made %s, which the default run does not have", id)
		}
	}
	if n := len(few.SessionIDs()); n != 20 {
		t.Errorf("WithoutShowcase, WithGenerated(20): %d sessions", n)
	}
}

// TestListItemIsTheSession: what the list shows is what opening the session
// gets, byte for byte once compacted, and the misbehaving demo sessions
// stay listed and still misbehave when opened.
func TestListItemIsTheSession(t *testing.T) {
	t.Parallel()
	for name, cat := range map[string]fake.Catalog{
		"fixed demo dates":  Catalog(WithoutOddItems()),
		"recent demo dates": Catalog(WithoutOddItems(), WithRecentDates()),
	} {
		t.Run(name, func(t *testing.T) {
			s := probe.Server(cat, fake.WithoutFaults())
			items, _ := probe.Walk(t, s, "/chat/sessions", nil)
			for i, sess := range probe.DecodeListed(t, items) {
				w := probe.Get(s, "/chat/sessions/"+sess.ID, fake.DemoKey)
				var compact bytes.Buffer
				if err := json.Compact(&compact, w.Body.Bytes()); err != nil || w.Code != http.StatusOK {
					t.Fatalf("GET %s: %d %v", sess.ID, w.Code, err)
				}
				if !bytes.Equal(compact.Bytes(), items[i]) {
					t.Errorf("GET %s differs from its list item", sess.ID)
				}
			}
		})
	}

	s := newTestServer()
	ids := s.SessionIDs()
	for _, id := range []string{IDSlow, IDBadGateway, IDRateLimited} {
		if !slices.Contains(ids, id) {
			t.Errorf("%s not listed", id)
		}
	}
	if w := probe.Get(s, "/chat/sessions/"+IDBadGateway, fake.DemoKey); w.Code != http.StatusBadGateway {
		t.Errorf("opening the listed bad-gateway session: %d, want 502", w.Code)
	}
	if w := probe.Get(s, "/chat/sessions/"+IDRateLimited, fake.DemoKey); w.Code != http.StatusTooManyRequests {
		t.Errorf("opening the listed rate-limited session: %d, want 429", w.Code)
	}
}
