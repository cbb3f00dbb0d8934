package filter_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/store"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var now = time.Date(2026, 3, 11, 14, 0, 0, 0, time.UTC)

// list is every session the client lists for p, page after page.
func list(t *testing.T, c *api.Client, p api.ListParams) []api.Session {
	t.Helper()
	var out []api.Session
	for range 1000 {
		page, err := c.ListSessions(context.Background(), p)
		if err != nil {
			t.Fatalf("list %v: %v", p.Query(), err)
		}
		out = append(out, page.Items...)
		if p.Cursor = page.Next; p.Cursor == "" {
			return out
		}
	}
	t.Fatal("the list did not end")
	return nil
}

func ids(sessions []api.Session) []string {
	out := make([]string, len(sessions))
	for i, s := range sessions {
		out[i] = s.ID
	}
	slices.Sort(out)
	return out
}

// minus is what of a is not in b, both sorted.
func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if _, found := slices.BinarySearch(b, s); !found {
			out = append(out, s)
		}
	}
	return out
}

// everyFilter is each value of each filter alone, and a few together.
func everyFilter() []filter.Filters {
	var out []filter.Filters
	for _, s := range filter.Statuses() {
		out = append(out, filter.Filters{Status: s})
	}
	for _, w := range filter.Windows() {
		out = append(out, filter.Filters{Window: w})
	}
	for _, ch := range api.Channels() {
		out = append(out, filter.Filters{Channel: ch})
	}
	return append(out,
		filter.Filters{HandedOff: true},
		filter.Filters{Status: api.StatusOpen, HandedOff: true, Window: 7 * 24 * time.Hour},
		filter.Filters{Status: api.StatusClosedResolved, Channel: api.ChannelWeb, Window: 30 * 24 * time.Hour},
	)
}

// TestTheStoreAndTheListAgree: for every filter value, the local store's
// query (Query) selects exactly the sessions the fake's list endpoint
// answers for the same filters' parameters (Params), and Match passes
// exactly those: the three forms of the queue's filters say the same.
// (The demo's two odd items, which its filtered lists leave out on
// purpose, are left out: they would test the fake, not the filters.)
func TestTheStoreAndTheListAgree(t *testing.T) {
	c := faketest.Client(t, fake.New(fake.WithClock(func() time.Time { return now }), fake.WithCatalog(demo.Catalog(demo.WithRecentDates(), demo.WithoutOddItems())), fake.WithoutFaults()))
	all := list(t, c, api.ListParams{})
	st, _, err := store.Open(store.Options{Dir: t.TempDir(), BaseURL: "https://api.example", Key: "k1", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveSessions(context.Background(), all, now); err != nil {
		t.Fatal(err)
	}
	narrowed := 0
	for _, f := range everyFilter() {
		listed := ids(list(t, c, f.Params(now)))
		kept, err := st.Sessions(context.Background(), f.Query(now, 0))
		if err != nil {
			t.Fatal(err)
		}
		var matched []api.Session
		for i := range all {
			if f.Match(&all[i], now) {
				matched = append(matched, all[i])
			}
		}
		if got := ids(kept); !slices.Equal(got, listed) {
			t.Errorf("%+v: the store keeps %d sessions, the list answers %d: only kept %v, only listed %v", f, len(got), len(listed), minus(got, listed), minus(listed, got))
		}
		if got := ids(matched); !slices.Equal(got, listed) {
			t.Errorf("%+v: Match passes %d sessions, the list answers %d: only passed %v, only listed %v", f, len(got), len(listed), minus(got, listed), minus(listed, got))
		}
		if len(listed) > 0 && len(listed) < len(all) {
			narrowed++
		}
	}
	if len(all) == 0 || narrowed < 5 {
		t.Errorf("%d sessions, %d filters that select some but not all: the test shows nothing", len(all), narrowed)
	}
}

// TestQueryIsBuiltFromParams: a value set once is the same in the list
// call's parameters and in the store's query, with the limit asked.
func TestQueryIsBuiltFromParams(t *testing.T) {
	f := filter.Filters{Status: api.StatusClosedUnresolved, Channel: api.ChannelWeb, Window: 24 * time.Hour}.ToggleHandedOff()
	p, q := f.Params(now), f.Query(now, 500)
	want := store.Query{Status: api.StatusClosedUnresolved, HandedOff: true, Channel: api.ChannelWeb, UpdatedAfter: now.Add(-24 * time.Hour), Limit: 500}
	if q != want || p.Status != q.Status || p.HandedOff == nil || !*p.HandedOff || p.ChannelType != q.Channel || !p.UpdatedAfter.Equal(q.UpdatedAfter) {
		t.Errorf("params %+v\nquery %+v\nwant  %+v", p, q, want)
	}
	if q := (filter.Filters{}).Query(now, 0); q != (store.Query{}) {
		t.Errorf("no filter: %+v", q)
	}
}
