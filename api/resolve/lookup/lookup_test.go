package lookup

import (
	"context"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/api/store"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

var ctx = context.Background()

const jake = "jake.morrison@example.com"

func client(t *testing.T, opts ...fake.Option) *api.Client {
	t.Helper()
	return faketest.Client(t, fake.New(append([]fake.Option{fake.WithClock(func() time.Time { return now }), fake.WithCatalog(demo.Catalog(demo.WithRecentDates()))}, opts...)...))
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, notices, err := store.Open(store.Options{Dir: filepath.Join(t.TempDir(), "state"), BaseURL: "https://api.example", Key: "k1", Now: func() time.Time { return now }})
	if err != nil || st == nil || len(notices) > 0 {
		t.Fatalf("open store: %v %q", err, notices)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// listAll reads every page of the list.
func listAll(t *testing.T, c *api.Client, p api.ListParams) []api.Session {
	t.Helper()
	var all []api.Session
	for {
		page, err := c.ListSessions(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page.Items...)
		if page.Next == "" {
			return all
		}
		p.Cursor = page.Next
	}
}

func theirs(all []api.Session, text string) []api.Session {
	q, _ := resolve.Classify(text)
	var out []api.Session
	for i := range all {
		if q.Matches(&all[i]) {
			out = append(out, all[i])
		}
	}
	return out
}

func ids(ss []api.Session) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.ID
	}
	slices.Sort(out)
	return out
}

// scene is the lead's morning of issue 18 §7: the queue holds the newest
// 60 sessions, the store kept two of Jake Morrison's older ones (one of
// them as it was before it changed), and the API knows all of them.
type scene struct {
	client *api.Client
	store  *store.Store
	loaded []api.Session
	all    []api.Session // every session of the list
	jakes  []api.Session // Jake's sessions, as the list has them now
	// onlyKept is an old resolved session of Jake's that the API's lookup
	// does not reach, kept in the store.
	onlyKept string
}

func newScene(t *testing.T) scene {
	c := client(t)
	sc := scene{client: c, store: openStore(t), all: listAll(t, c, api.ListParams{})}
	sc.loaded = sc.all[:60]
	sc.jakes = theirs(sc.all, jake)
	// Kept: two of Jake's open or unresolved sessions beyond the queue
	// (the second as it was before it changed), and an old resolved one
	// beyond the newest pages, which only the store knows.
	var active, old []api.Session
	for i, s := range sc.jakes {
		switch at := slices.IndexFunc(sc.all, func(a api.Session) bool { return a.ID == s.ID }); {
		case at < 60:
		case s.Status != api.StatusClosedResolved:
			active = append(active, sc.jakes[i])
		case at >= 100:
			old = append(old, sc.jakes[i])
		}
	}
	if len(active) < 2 || len(old) < 1 || len(theirs(sc.loaded, jake)) == 0 {
		t.Fatalf("the demo changed: Jake has %d active and %d old sessions beyond the queue, %d in it", len(active), len(old), len(theirs(sc.loaded, jake)))
	}
	sc.onlyKept = old[0].ID
	stale := active[1]
	stale.Status = "open" // as it was before it changed
	stale.UpdatedAt = api.Timestamp{Raw: "2020-01-01T00:00:00Z", Time: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	stale.Raw = nil
	if err := sc.store.SaveSessions(ctx, []api.Session{active[0], stale, old[0]}, now.Add(-2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestFindMergesEverySource: an email finds every session of the person
// that the queue, the store or the API knows, each once, the freshest copy,
// each saying where it came from, and the open and unresolved ones first.
func TestFindMergesEverySource(t *testing.T) {
	sc := newScene(t)
	res, err := Find(ctx, Sources{API: sc.client, Store: sc.store, Loaded: resolve.Sessions(sc.loaded)}, jake)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Match{}
	for _, m := range res.Matches {
		byID[m.Session.ID] = m
	}
	if got := ids(res.Sessions()); len(got) != len(byID) || len(got) < 5 {
		t.Fatalf("found %v (%s)", got, res.Looked)
	}
	for _, s := range sc.jakes {
		// The budget may leave out an old resolved session nobody local
		// knows, never an open or unresolved one (nor the newest 99).
		if _, ok := byID[s.ID]; !ok && s.Status != api.StatusClosedResolved {
			t.Errorf("%s session %s missing (%s)", s.Status, s.ID, res.Looked)
		}
	}
	for id := range byID {
		if !slices.Contains(ids(sc.jakes), id) {
			t.Errorf("%s is not Jake's", id)
		}
	}
	for _, s := range theirs(sc.loaded, jake) {
		if m := byID[s.ID]; !slices.Contains(m.Sources, Queue) {
			t.Errorf("%s is in the queue; sources %v", s.ID, m.Sources)
		}
	}
	// A kept copy the API also answered gives way to the API's (the stale
	// one too), and says it was kept; the one only the store knows is there.
	var keptBoth int
	age := func(time.Time) string { return "2h ago" }
	for _, m := range res.Matches {
		switch {
		case m.Session.ID == sc.onlyKept:
			if m.From != Kept || m.Where(age) != "kept 2h ago" {
				t.Errorf("only kept: from %v, where %q", m.From, m.Where(age))
			}
		case slices.Contains(m.Sources, Kept):
			keptBoth++
			if m.From != API || m.Session.UpdatedAt.Time.Year() == 2020 || m.Where(age) != "API · kept 2h ago" {
				t.Errorf("%s: from %v, where %q, updated %v", m.Session.ID, m.From, m.Where(age), m.Session.UpdatedAt.Raw)
			}
		case slices.Contains(m.Sources, Queue):
			if m.Where(age) != "API · queue" {
				t.Errorf("%s: where %q", m.Session.ID, m.Where(age))
			}
		}
	}
	if _, ok := byID[sc.onlyKept]; !ok || keptBoth != 2 {
		t.Errorf("only kept found: %v; %d kept and answered, want 2", ok, keptBoth)
	}
	// Open and unresolved first, then the resolved ones, newest first in each.
	seenDone := false
	for i, m := range res.Matches {
		if done(m.Session) {
			seenDone = true
		} else if seenDone {
			t.Errorf("%s (%s) comes after a resolved session", m.Session.ID, m.Session.Status)
		}
		if i > 0 && done(res.Matches[i-1].Session) == done(m.Session) && m.Session.UpdatedAt.Time.After(res.Matches[i-1].Session.UpdatedAt.Time) {
			t.Errorf("%s is newer than the one before it", m.Session.ID)
		}
	}
	for _, part := range []string{"queue: 2 of 60 loaded sessions", "kept: 3", "API: searched contacts"} {
		if !strings.Contains(res.Looked, part) {
			t.Errorf("looked %q lacks %q", res.Looked, part)
		}
	}
}

// TestFindWithoutTheAPI: when the API fails, what the queue and the store
// found stands, and the result says the API did not answer; with nothing
// local the API's error is the answer.
func TestFindWithoutTheAPI(t *testing.T) {
	sc := newScene(t)
	down := client(t, fake.WithSearchFault(fake.Fault{Status: http.StatusBadGateway, ContentType: "text/html", Body: "<h1>502</h1>"}))
	res, err := Find(ctx, Sources{API: down, Store: sc.store, Loaded: resolve.Sessions(sc.loaded)}, jake)
	if err != nil {
		t.Fatal(err)
	}
	if api.KindOf(res.APIErr) != api.KindNotJSON || len(res.Matches) != len(theirs(sc.loaded, jake))+3 || !strings.Contains(res.Looked, "API: no answer") {
		t.Errorf("%d matches, API error %v, looked %q", len(res.Matches), res.APIErr, res.Looked)
	}
	if _, err := Find(ctx, Sources{API: down}, jake); api.KindOf(err) != api.KindNotJSON {
		t.Errorf("nothing local: err %v", err)
	}
}

// TestFindTicketStoreFirst: a ticket the store kept is read again from the
// API (one GET, no walk through the list); one nobody local knows is
// walked for, and an open one beyond the newest pages is found (#99720).
func TestFindTicketStoreFirst(t *testing.T) {
	c := client(t)
	all := listAll(t, c, api.ListParams{})
	target := theirs(all, "#99720")
	if len(target) != 1 {
		t.Fatalf("the demo has %d sessions with ticket 99720", len(target))
	}
	st := openStore(t)
	if err := st.SaveSessions(ctx, target, now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	strict := client(t, fake.Strict(t, fake.Expect(http.MethodGet, "/chat/sessions/"+target[0].ID)))
	res, err := Find(ctx, Sources{API: strict, Store: st}, "#99720")
	if err != nil || len(res.Matches) != 1 || res.Matches[0].From != API || !slices.Equal(res.Matches[0].Sources, []Source{Kept, API}) {
		t.Fatalf("kept: %+v, %v", res, err)
	}
	res, err = Find(ctx, Sources{API: c, Store: openStore(t)}, "#99720")
	if err != nil || len(res.Matches) != 1 || res.Matches[0].Session.ID != target[0].ID || !strings.Contains(res.Looked, "open") {
		t.Fatalf("walked: %+v, %v", res, err)
	}
}
