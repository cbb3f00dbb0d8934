package fake_test

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

func TestListPagesEverySessionOnce(t *testing.T) {
	s := probe.Server(demo.Catalog(demo.WithoutOddItems()))
	items, sizes := probe.Walk(t, s, "/chat/sessions", nil)
	sessions := probe.DecodeListed(t, items)

	if want := len(demo.Sessions()) + demo.DefaultGenerated; len(sessions) != want {
		t.Fatalf("%d sessions, want %d", len(sessions), want)
	}
	for i, n := range sizes {
		if last := i == len(sizes)-1; !last && n != fake.DefaultPageSize || last && (n < 1 || n > fake.DefaultPageSize) {
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
	for _, d := range demo.Sessions() {
		if !seen[d.ID] {
			t.Errorf("demo session %s (%s) not listed", d.ID, d.Title)
		}
	}
}

func TestListFilters(t *testing.T) {
	t.Parallel()
	now := probe.Clock()
	s := probe.Server(demo.Catalog(demo.WithoutOddItems()), fake.WithPageSize(7))
	all, _ := probe.Walk(t, s, "/chat/sessions", nil)
	sessions := probe.DecodeListed(t, all)

	type check func(l probe.Listed) bool
	at := func(d time.Duration) time.Time { return now.Add(-d) }
	day := 24 * time.Hour
	cases := []struct {
		query string
		want  check
	}{
		{"status=open", func(l probe.Listed) bool { return l.Status == "open" }},
		{"status=closed_resolved", func(l probe.Listed) bool { return l.Status == "closed_resolved" }},
		{"status=closed_unresolved", func(l probe.Listed) bool { return l.Status == "closed_unresolved" }},
		{"handed_off=true", func(l probe.Listed) bool { return l.Handoff != nil }},
		{"handed_off=false", func(l probe.Listed) bool { return l.Handoff == nil }},
		{"created_after=" + at(3*day).Format(time.RFC3339), func(l probe.Listed) bool { return !l.CreatedAt.Before(at(3 * day)) }},
		{"created_before=" + at(20*day).Format(time.RFC3339), func(l probe.Listed) bool { return l.CreatedAt.Before(at(20 * day)) }},
		{"updated_after=" + at(6*time.Hour).Format(time.RFC3339), func(l probe.Listed) bool { return !l.UpdatedAt.Before(at(6 * time.Hour)) }},
		{"updated_before=" + at(2*day).Format(time.RFC3339), func(l probe.Listed) bool { return l.UpdatedAt.Before(at(2 * day)) }},
		// Another zone, and a plain date, name the same instants.
		{"updated_after=" + url.QueryEscape(at(6*time.Hour).In(time.FixedZone("", 3600)).Format(time.RFC3339Nano)),
			func(l probe.Listed) bool { return !l.UpdatedAt.Before(at(6 * time.Hour)) }},
		{"created_before=2026-11-01", func(l probe.Listed) bool { return l.CreatedAt.Before(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) }},
		{"status=open&handed_off=true&updated_after=" + at(7*day).Format(time.RFC3339), func(l probe.Listed) bool {
			return l.Status == "open" && l.Handoff != nil && !l.UpdatedAt.Before(at(7*day))
		}},
		{"created_after=" + at(10*day).Format(time.RFC3339) + "&created_before=" + at(5*day).Format(time.RFC3339), func(l probe.Listed) bool {
			return !l.CreatedAt.Before(at(10*day)) && l.CreatedAt.Before(at(5*day))
		}},
		// The demo fixtures are dated March 2026, before every generated session.
		{"updated_before=2026-04-01T00:00:00Z", func(l probe.Listed) bool { return l.UpdatedAt.Before(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)) }},
	}
	for _, ch := range fake.ListChannels() {
		cases = append(cases, struct {
			query string
			want  check
		}{"channel_type=" + ch, func(l probe.Listed) bool { return l.Channel.Type == ch }})
	}

	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			q, err := url.ParseQuery(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			items, sizes := probe.Walk(t, s, "/chat/sessions", q)
			got := probe.DecodeListed(t, items)
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
	if n := len(sessions); n != len(demo.Sessions())+demo.DefaultGenerated {
		t.Errorf("%d sessions", n)
	}
}

func TestListBadQueries(t *testing.T) {
	s := newTestServer(fake.WithPageSize(10))
	first, _ := probe.GetPage(t, s, "/chat/sessions", url.Values{"status": {"open"}}, "")
	if first.Next == nil {
		t.Fatal("open sessions fit one page of 10")
	}
	forged := base64.RawURLEncoding.EncodeToString([]byte("v1.100000.0000000000000000"))
	pastEnd := fake.ListCursor(100000)

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
			w := probe.Get(s, "/chat/sessions?"+tc.query, fake.DemoKey)
			if w.Code != http.StatusBadRequest || w.Header().Get("Content-Type") != probe.JSONContentType {
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
	if w := probe.Get(s, "/chat/sessions?cursor="+*first.Next+"&status=open", fake.DemoKey); w.Code != http.StatusOK {
		t.Errorf("own cursor: %d %s", w.Code, w.Body)
	}
}

func TestListAuth(t *testing.T) {
	s := demo.NewServer(fake.WithKey("s3cret"), fake.WithListFault(fake.Fault{Status: 502}))
	for _, key := range []string{"", fake.DemoKey} {
		probe.WantResponse(t, probe.Get(s, "/chat/sessions", key), http.StatusUnauthorized, probe.JSONContentType, unauthorizedBody)
		probe.WantResponse(t, probe.Get(s, "/chat/sessions/"+demo.IDMinimal+"/history", key), http.StatusUnauthorized, probe.JSONContentType, unauthorizedBody)
	}
}

func TestListWithoutDemo(t *testing.T) {
	s := fake.New(fake.WithClock(probe.Clock))
	p, body := probe.GetPage(t, s, "/chat/sessions", nil, "")
	if string(body) != `{"items":[],"next":null}` || len(p.Items) != 0 {
		t.Errorf("empty server lists %s", body)
	}

	// Sessions given with WithSession are listed when they are objects.
	s = fake.New(fake.WithClock(probe.Clock),
		fake.WithSession("a", []byte(`{"id":"a","updated_at":"2026-01-01T00:00:00Z"}`)),
		fake.WithSession("b", []byte(`{"id":"b","updated_at":"2026-02-01T00:00:00Z"}`)),
		fake.WithSession("c", []byte(`not json`)),
		fake.WithSession("d", []byte(`["an","array"]`)))
	if got := s.SessionIDs(); !slices.Equal(got, []string{"b", "a"}) {
		t.Errorf("listed %v, want [b a]", got)
	}
	if w := probe.Get(s, "/chat/sessions/c", fake.DemoKey); w.Code != http.StatusOK || w.Body.String() != "not json" {
		t.Errorf("unlisted session not served: %d %q", w.Code, w.Body)
	}
}

func TestListFault(t *testing.T) {
	s := demo.NewServer(fake.WithListFault(fake.Fault{Status: http.StatusServiceUnavailable, ContentType: "text/plain", Body: "maintenance"}))
	probe.WantResponse(t, probe.Get(s, "/chat/sessions", fake.DemoKey), http.StatusServiceUnavailable, "text/plain", "maintenance")
	probe.WantResponse(t, probe.Get(s, "/chat/sessions?status=nope", fake.DemoKey), http.StatusServiceUnavailable, "text/plain", "maintenance")
	if w := probe.Get(s, "/chat/sessions/"+demo.IDMinimal, fake.DemoKey); w.Code != http.StatusOK {
		t.Errorf("session GET under a list fault: %d", w.Code)
	}

	const delay = 30 * time.Millisecond
	s = demo.NewServer(fake.WithListFault(fake.Fault{Delay: delay}))
	start := time.Now()
	w := probe.Get(s, "/chat/sessions", fake.DemoKey)
	if time.Since(start) < delay || w.Code != http.StatusOK || !strings.HasPrefix(w.Body.String(), `{"items":[`) {
		t.Errorf("delayed list: %d after %v", w.Code, time.Since(start))
	}
	if w := probe.Get(s, "/chat/sessions?status=nope", fake.DemoKey); w.Code != http.StatusBadRequest {
		t.Errorf("delayed bad query: %d, want 400", w.Code)
	}

	if w := probe.Get(demo.NewServer(fake.WithListFault(fake.Fault{Status: 500}), fake.WithoutFaults()), "/chat/sessions", fake.DemoKey); w.Code != http.StatusOK {
		t.Errorf("WithoutFaults left the list fault: %d", w.Code)
	}
}
