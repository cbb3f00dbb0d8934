package fake

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestListPagesEverySessionOnce(t *testing.T) {
	s := newTestServer(WithoutOddItems())
	items, sizes := walk(t, s, "/chat/sessions", nil)
	sessions := decodeListed(t, items)

	if want := len(Demo()) + DefaultGenerated; len(sessions) != want {
		t.Fatalf("%d sessions, want %d", len(sessions), want)
	}
	for i, n := range sizes {
		if last := i == len(sizes)-1; !last && n != DefaultPageSize || last && (n < 1 || n > DefaultPageSize) {
			t.Errorf("page %d has %d items (pages %v)", i+1, n, sizes)
		}
	}
	seen := map[string]bool{}
	var ids []string
	for i, sess := range sessions {
		if seen[sess.ID] {
			t.Errorf("%s listed twice", sess.ID)
		}
		seen[sess.ID] = true
		ids = append(ids, sess.ID)
		if i > 0 && sess.UpdatedAt.After(sessions[i-1].UpdatedAt) {
			t.Errorf("item %d updated %v after item %d's %v: not newest first", i, sess.UpdatedAt, i-1, sessions[i-1].UpdatedAt)
		}
	}
	if !slices.Equal(ids, s.SessionIDs()) {
		t.Error("paging order differs from SessionIDs")
	}
	for _, d := range Demo() {
		if !seen[d.ID] {
			t.Errorf("demo session %s (%s) not listed", d.ID, d.Title)
		}
	}
}

func TestListOddItems(t *testing.T) {
	s := newTestServer()
	items, _ := walk(t, s, "/chat/sessions", nil)
	if want := len(Demo()) + DefaultGenerated + 2; len(items) != want {
		t.Fatalf("%d items, want %d", len(items), want)
	}
	if OddTicketIndex/DefaultPageSize > 2 || CorruptedIndex/DefaultPageSize > 2 {
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
	for _, sess := range decodeListed(t, rest) {
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
	w := get(s, "/chat/sessions/"+IDOddTicket, DemoKey)
	if w.Code != http.StatusOK || !bytes.Equal(w.Body.Bytes(), items[OddTicketIndex]) {
		t.Errorf("GET odd session: %d %.80s", w.Code, w.Body)
	}
	filtered, _ := walk(t, s, "/chat/sessions", url.Values{"updated_before": {"2100-01-01T00:00:00Z"}})
	if len(filtered) != len(items)-2 {
		t.Errorf("filtered list has %d items, want %d: odd items only in the unfiltered list", len(filtered), len(items)-2)
	}

	cleanServer := newTestServer(WithoutOddItems())
	clean, _ := walk(t, cleanServer, "/chat/sessions", nil)
	if len(clean) != len(items)-2 {
		t.Errorf("WithoutOddItems: %d items, want %d", len(clean), len(items)-2)
	}
	if w := get(cleanServer, "/chat/sessions/"+IDOddTicket, DemoKey); w.Code != http.StatusNotFound {
		t.Errorf("WithoutOddItems: GET odd session %d, want 404", w.Code)
	}
}

func TestListFilters(t *testing.T) {
	t.Parallel()
	now := testClock()
	s := newTestServer(WithoutOddItems(), WithPageSize(7))
	all, _ := walk(t, s, "/chat/sessions", nil)
	sessions := decodeListed(t, all)

	type check func(l listed) bool
	at := func(d time.Duration) time.Time { return now.Add(-d) }
	day := 24 * time.Hour
	cases := []struct {
		query string
		want  check
	}{
		{"status=open", func(l listed) bool { return l.Status == "open" }},
		{"status=closed_resolved", func(l listed) bool { return l.Status == "closed_resolved" }},
		{"status=closed_unresolved", func(l listed) bool { return l.Status == "closed_unresolved" }},
		{"handed_off=true", func(l listed) bool { return l.Handoff != nil }},
		{"handed_off=false", func(l listed) bool { return l.Handoff == nil }},
		{"created_after=" + at(3*day).Format(time.RFC3339), func(l listed) bool { return !l.CreatedAt.Before(at(3 * day)) }},
		{"created_before=" + at(20*day).Format(time.RFC3339), func(l listed) bool { return l.CreatedAt.Before(at(20 * day)) }},
		{"updated_after=" + at(6*time.Hour).Format(time.RFC3339), func(l listed) bool { return !l.UpdatedAt.Before(at(6 * time.Hour)) }},
		{"updated_before=" + at(2*day).Format(time.RFC3339), func(l listed) bool { return l.UpdatedAt.Before(at(2 * day)) }},
		// Another zone, and a plain date, name the same instants.
		{"updated_after=" + url.QueryEscape(at(6*time.Hour).In(time.FixedZone("", 3600)).Format(time.RFC3339Nano)),
			func(l listed) bool { return !l.UpdatedAt.Before(at(6 * time.Hour)) }},
		{"created_before=2026-11-01", func(l listed) bool { return l.CreatedAt.Before(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) }},
		{"status=open&handed_off=true&updated_after=" + at(7*day).Format(time.RFC3339), func(l listed) bool {
			return l.Status == "open" && l.Handoff != nil && !l.UpdatedAt.Before(at(7*day))
		}},
		{"created_after=" + at(10*day).Format(time.RFC3339) + "&created_before=" + at(5*day).Format(time.RFC3339), func(l listed) bool {
			return !l.CreatedAt.Before(at(10*day)) && l.CreatedAt.Before(at(5*day))
		}},
		// The demo fixtures are dated March 2026, before every generated session.
		{"updated_before=2026-04-01T00:00:00Z", func(l listed) bool { return l.UpdatedAt.Before(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)) }},
	}
	for _, ch := range listChannels() {
		cases = append(cases, struct {
			query string
			want  check
		}{"channel_type=" + ch, func(l listed) bool { return l.Channel.Type == ch }})
	}

	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			q, err := url.ParseQuery(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			items, sizes := walk(t, s, "/chat/sessions", q)
			got := decodeListed(t, items)
			var want []string
			for _, l := range sessions {
				if tc.want(l) {
					want = append(want, l.ID)
				}
			}
			var ids []string
			for _, l := range got {
				ids = append(ids, l.ID)
			}
			if len(want) == 0 || len(want) == len(sessions) {
				t.Fatalf("%d of %d sessions match: the filter tests nothing", len(want), len(sessions))
			}
			if !slices.Equal(ids, want) {
				t.Errorf("got %d sessions, want %d (in list order)", len(ids), len(want))
			}
			for i, n := range sizes[:len(sizes)-1] {
				if n != 7 {
					t.Errorf("page %d has %d items, want 7", i+1, n)
				}
			}
		})
	}
	if n := len(sessions); n != len(Demo())+DefaultGenerated {
		t.Errorf("%d sessions", n)
	}
}

func TestListBadQueries(t *testing.T) {
	s := newTestServer(WithPageSize(10))
	first, _ := getPage(t, s, "/chat/sessions", url.Values{"status": {"open"}}, "")
	if first.Next == nil {
		t.Fatal("open sessions fit one page of 10")
	}
	forged := base64.RawURLEncoding.EncodeToString([]byte("v1.100000.0000000000000000"))
	pastEnd := encodeCursor(100000, listFilter{}.scope())

	cases := []struct {
		query, param string
	}{
		{"cursor=not-a-cursor!", "cursor"},
		{"cursor=" + base64.RawURLEncoding.EncodeToString([]byte("hello")), "cursor"},
		{"cursor=" + forged, "cursor"},
		{"cursor=" + pastEnd, "cursor"},
		{"cursor=" + *first.Next, "cursor"},                        // the open list's cursor on the unfiltered list
		{"status=closed_resolved&cursor=" + *first.Next, "cursor"}, // …or on another filter
		{"status=pending_review", "status"},                        // a value from the future
		{"status=OPEN", "status"},                                  // enums are case-sensitive
		{"channel_type=telegram", "channel_type"},                  // not in today's SessionChannel
		{"handed_off=yes", "handed_off"},
		{"created_after=yesterday", "created_after"},
		{"created_before=2026-13-01T00:00:00Z", "created_before"},
		{"updated_after=2026-03-01T00:00:00", "updated_after"},         // no zone
		{"updated_before=2026-03-01T00:00:00+01:00", "updated_before"}, // a '+' sent unescaped reads as a space
		{"status=open&updated_before=1710000000", "updated_before"},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			w := get(s, "/chat/sessions?"+tc.query, DemoKey)
			if w.Code != http.StatusBadRequest || w.Header().Get("Content-Type") != jsonContentType {
				t.Fatalf("status %d, Content-Type %q; want 400 JSON", w.Code, w.Header().Get("Content-Type"))
			}
			e := errorBody(t, w.Body.Bytes())
			if e.StatusCode != 400 || e.Error != "Bad Request" || !strings.HasPrefix(e.Message, tc.param+" ") {
				t.Errorf("got %+v, want a 400 ErrorDto whose message starts with %q", e, tc.param)
			}
		})
	}

	// The open list's cursor works where it belongs, whatever the other
	// parameters' order.
	if w := get(s, "/chat/sessions?cursor="+*first.Next+"&status=open", DemoKey); w.Code != http.StatusOK {
		t.Errorf("own cursor: %d %s", w.Code, w.Body)
	}
}

func TestListAuth(t *testing.T) {
	s := New(WithKey("s3cret"), WithListFault(Fault{Status: 502}))
	for _, key := range []string{"", DemoKey} {
		wantResponse(t, get(s, "/chat/sessions", key), http.StatusUnauthorized, jsonContentType, unauthorizedBody)
		wantResponse(t, get(s, "/chat/sessions/"+IDMinimal+"/history", key), http.StatusUnauthorized, jsonContentType, unauthorizedBody)
	}
}

func TestListDeterministic(t *testing.T) {
	pages := func(s *Server) [][]byte {
		var out [][]byte
		cursor := ""
		for {
			p, body := getPage(t, s, "/chat/sessions", nil, cursor)
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
	later := New(WithClock(func() time.Time { return testClock().Add(time.Hour) }))
	ids := newTestServer().SessionIDs()
	if !slices.Equal(later.SessionIDs(), ids) {
		t.Error("the clock changed which sessions are generated, or their order")
	}

	// The first n generated sessions do not depend on how many follow.
	few := newTestServer(WithoutDemo(), WithGenerated(20), WithoutOddItems())
	for _, id := range few.SessionIDs() {
		if !slices.Contains(ids, id) {
			t.Errorf("WithGenerated(20) made %s, which the default run does not have", id)
		}
	}
	if n := len(few.SessionIDs()); n != 20 {
		t.Errorf("WithoutDemo, WithGenerated(20): %d sessions", n)
	}
}

func TestListWithoutDemo(t *testing.T) {
	s := newTestServer(WithoutDemo())
	p, body := getPage(t, s, "/chat/sessions", nil, "")
	if string(body) != `{"items":[],"next":null}` || len(p.Items) != 0 {
		t.Errorf("empty server lists %s", body)
	}

	// Sessions given with WithSession are listed when they are objects.
	s = newTestServer(WithoutDemo(),
		WithSession("a", []byte(`{"id":"a","updated_at":"2026-01-01T00:00:00Z"}`)),
		WithSession("b", []byte(`{"id":"b","updated_at":"2026-02-01T00:00:00Z"}`)),
		WithSession("c", []byte(`not json`)),
		WithSession("d", []byte(`["an","array"]`)))
	if got := s.SessionIDs(); !slices.Equal(got, []string{"b", "a"}) {
		t.Errorf("listed %v, want [b a]", got)
	}
	if w := get(s, "/chat/sessions/c", DemoKey); w.Code != http.StatusOK || w.Body.String() != "not json" {
		t.Errorf("unlisted session not served: %d %q", w.Code, w.Body)
	}
}

// TestListItemIsTheSession: what the list shows is what opening the session
// gets, byte for byte once compacted, and the misbehaving demo sessions
// stay listed and still misbehave when opened.
func TestListItemIsTheSession(t *testing.T) {
	t.Parallel()
	for name, opts := range map[string][]Option{
		"fixed demo dates":  {WithoutOddItems()},
		"recent demo dates": {WithoutOddItems(), WithRecentDemo()},
	} {
		t.Run(name, func(t *testing.T) {
			s := newTestServer(append(opts, WithoutFaults())...)
			items, _ := walk(t, s, "/chat/sessions", nil)
			for i, sess := range decodeListed(t, items) {
				w := get(s, "/chat/sessions/"+sess.ID, DemoKey)
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
	if w := get(s, "/chat/sessions/"+IDBadGateway, DemoKey); w.Code != http.StatusBadGateway {
		t.Errorf("opening the listed bad-gateway session: %d, want 502", w.Code)
	}
	if w := get(s, "/chat/sessions/"+IDRateLimited, DemoKey); w.Code != http.StatusTooManyRequests {
		t.Errorf("opening the listed rate-limited session: %d, want 429", w.Code)
	}
}

func TestListFault(t *testing.T) {
	s := New(WithListFault(Fault{Status: http.StatusServiceUnavailable, ContentType: "text/plain", Body: "maintenance"}))
	wantResponse(t, get(s, "/chat/sessions", DemoKey), http.StatusServiceUnavailable, "text/plain", "maintenance")
	wantResponse(t, get(s, "/chat/sessions?status=nope", DemoKey), http.StatusServiceUnavailable, "text/plain", "maintenance")
	if w := get(s, "/chat/sessions/"+IDMinimal, DemoKey); w.Code != http.StatusOK {
		t.Errorf("session GET under a list fault: %d", w.Code)
	}

	const delay = 30 * time.Millisecond
	s.SetListFault(Fault{Delay: delay})
	start := time.Now()
	w := get(s, "/chat/sessions", DemoKey)
	if time.Since(start) < delay || w.Code != http.StatusOK || !strings.HasPrefix(w.Body.String(), `{"items":[`) {
		t.Errorf("delayed list: %d after %v", w.Code, time.Since(start))
	}
	if w := get(s, "/chat/sessions?status=nope", DemoKey); w.Code != http.StatusBadRequest {
		t.Errorf("delayed bad query: %d, want 400", w.Code)
	}

	s.ClearListFault()
	start = time.Now()
	if w := get(s, "/chat/sessions", DemoKey); w.Code != http.StatusOK || time.Since(start) >= delay {
		t.Errorf("after ClearListFault: %d after %v", w.Code, time.Since(start))
	}
	s.SetListFault(Fault{Status: 500})
	New(WithoutFaults()) // a fresh server is unaffected
	if w := get(New(WithListFault(Fault{Status: 500}), WithoutFaults()), "/chat/sessions", DemoKey); w.Code != http.StatusOK {
		t.Errorf("WithoutFaults left the list fault: %d", w.Code)
	}
}
