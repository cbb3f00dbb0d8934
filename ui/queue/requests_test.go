package queue

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/filter"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/store"
)

// countingLister is the real client, counting the sessions its answers
// carry, readable or not (the fake's log counts the requests).
type countingLister struct {
	l     Lister
	mu    sync.Mutex
	items int
}

func (c *countingLister) ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error) {
	page, err := c.l.ListSessions(ctx, p)
	if err == nil {
		c.mu.Lock()
		c.items += len(page.Items) + len(page.Skipped) // an unreadable item was carried too
		c.mu.Unlock()
	}
	return page, err
}

func (c *countingLister) carried() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.items
}

// tally is what one step cost: list requests sent, sessions carried back,
// and the requests themselves.
type tally struct {
	requests, sessions int
	log                []fake.RecordedRequest
}

// meter counts what happens between two of its calls.
type meter struct {
	srv      *fake.Server
	counter  *countingLister
	requests int
	sessions int
}

func (mt *meter) step(t *testing.T) tally {
	t.Helper()
	log := mt.srv.Requests()
	var lists []fake.RecordedRequest
	for _, r := range log[mt.requests:] {
		if r.Path == "/chat/sessions" {
			lists = append(lists, r)
		}
	}
	if len(lists) != len(log)-mt.requests {
		t.Errorf("a request other than the list: %v", log[mt.requests:])
	}
	items := mt.counter.carried()
	out := tally{requests: len(lists), sessions: items - mt.sessions, log: lists}
	mt.requests, mt.sessions = len(log), items
	return out
}

// TestRequestsOfAStartAndARefreshWithNothingChanged counts, against the
// fake server's request log, what a start (the first screen at 120×40)
// and then r with nothing changed cost: without the store, with a store on
// a first visit, and with the store on the next start. Without it r asks
// for the first page again; with it, for what changed since the last sync
// (updated_after), and nothing did.
func TestRequestsOfAStartAndARefreshWithNothingChanged(t *testing.T) {
	srv := demo.NewServer(fake.WithClock(func() time.Time { return now }))
	base, stop, err := srv.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	client, err := api.New(base, fake.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	counter := &countingLister{l: client}
	mt := &meter{srv: srv, counter: counter}
	st := openStoreAt(t, t.TempDir())
	defer st.Close()
	ctx := context.Background()

	type run struct {
		name           string
		start, refresh tally
		loaded         int
	}
	var runs []run
	measure := func(name string, m Model, start func(Model) Model) {
		t.Helper()
		mt.step(t)
		r := run{name: name}
		m = start(m)
		r.start, r.loaded = mt.step(t), m.Loaded()
		m, cmd := press(m, "r")
		runAll(m, cmd)
		r.refresh = mt.step(t)
		runs = append(runs, r)
	}
	fresh := func(mem Memory, cached []api.Session, last time.Time) Model {
		m := New(theme(), DefaultKeyMap(), counter, filter.Filters{}, false, now)
		if mem != nil {
			m = m.WithMemory(mem, cached, last)
		}
		return m.SetSize(120, 40)
	}
	reload := func(m Model) Model { m, cmd := m.Reload(); return runAll(m, cmd) }
	begin := func(m Model) Model { m, cmd := m.Start(); return runAll(m, cmd) }

	measure("no store", fresh(nil, nil, time.Time{}), reload)
	measure("store, first visit", fresh(st, nil, time.Time{}), begin)
	cached, err := st.Sessions(ctx, store.Query{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	last, err := st.Sync(ctx, filter.SyncKey)
	if err != nil || last.IsZero() {
		t.Fatalf("no sync kept: %v", err)
	}
	measure("store, next start", fresh(st, cached, last), begin)

	for _, r := range runs {
		t.Logf("%-20s start: requests %d, sessions carried %d (rows loaded %d) · r with nothing changed: requests %d, sessions carried %d",
			r.name, r.start.requests, r.start.sessions, r.loaded, r.refresh.requests, r.refresh.sessions)
		for _, q := range append(r.start.log, r.refresh.log...) {
			t.Logf("    GET %s?%s", q.Path, q.RawQuery)
		}
	}

	none, first, next := runs[0], runs[1], runs[2]
	// A start costs the same with or without the store: the first screen
	// is the API's, the store only shows its rows sooner.
	if first.start.requests != none.start.requests || first.start.sessions != none.start.sessions {
		t.Errorf("first visit with the store: start %+v, without %+v", first.start, none.start)
	}
	// Without the store, r asks for the first page again, whole.
	if none.refresh.requests != 1 || none.refresh.sessions != fake.DefaultPageSize ||
		strings.Contains(none.refresh.log[0].RawQuery, "updated_after") {
		t.Errorf("refresh without the store: %d requests, %d sessions, %v", none.refresh.requests, none.refresh.sessions, none.refresh.log)
	}
	// With it, r asks once for what changed since the sync, and nothing did.
	for _, r := range []run{first, next} {
		if r.refresh.requests != 1 || r.refresh.sessions != 0 || !strings.Contains(r.refresh.log[0].RawQuery, "updated_after=") {
			t.Errorf("%s: refresh %d requests, %d sessions, %v", r.name, r.refresh.requests, r.refresh.sessions, r.refresh.log)
		}
	}
	// The next start draws the store's rows and asks for the first page
	// only: the rows beyond it are the store's until the user pages on.
	if next.start.requests != 1 || next.start.sessions != fake.DefaultPageSize || next.loaded != none.loaded {
		t.Errorf("next start: %+v, %d rows loaded (without the store %d)", next.start, next.loaded, none.loaded)
	}
}
