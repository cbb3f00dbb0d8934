package api_test

import (
	"context"
	"math"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// demoNow is the clock of the analytics tests against the demo.
var demoNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// demoAnalytics is what `cxi --demo` serves, at a fixed clock.
func demoAnalytics(t *testing.T, opts ...fake.Option) (*fake.Server, *api.Client) {
	t.Helper()
	all := append([]fake.Option{fake.WithClock(func() time.Time { return demoNow }), fake.WithCatalog(demo.Catalog(demo.WithRecentDates()))}, opts...)
	srv, base := startFake(t, fake.New(all...))
	return srv, newClientKey(t, base, fake.DemoKey)
}

// requests counts what the fake was asked since n requests.
func requestsSince(srv *fake.Server, n int) int { return len(srv.Requests()) - n }

// TestRequestCostOfTheAnalytics measures what the issue asks to be
// measured, through the real client against the demo: the reasons of a
// 7-day window (once, then per refresh with the start moved to the last
// walk), the rating of a session opened, and the pulse's calls.
func TestRequestCostOfTheAnalytics(t *testing.T) {
	srv, c := demoAnalytics(t)
	ctx := context.Background()

	w, err := c.WalkHandoffReasons(ctx, api.LastDays(demoNow, 7))
	if err != nil {
		t.Fatal(err)
	}
	wantPages := int(math.Ceil(*w.Total / fake.DefaultHandoffPageSize))
	if w.Requests != wantPages || requestsSince(srv, 0) != wantPages || len(w.BySession) != int(*w.Total) {
		t.Errorf("7 days: %d requests (fake saw %d) for %v handoffs, want %d pages", w.Requests, requestsSince(srv, 0), *w.Total, wantPages)
	}
	star := w.BySession[demo.IDAngryHandoff]
	if star.Explanation != demo.StarHandoffExplanation || len(star.Reasons) != 2 {
		t.Errorf("the star: %+v", star)
	}
	t.Logf("reasons for a 7-day window of %v handoffs: %d requests", *w.Total, w.Requests)

	// A refresh asks only for what happened since the last walk.
	before := len(srv.Requests())
	r, err := c.WalkHandoffReasons(ctx, api.Period{Start: demoNow.Add(-time.Minute), End: demoNow.Add(5 * time.Minute)})
	if err != nil || r.Requests != 1 || requestsSince(srv, before) != 1 {
		t.Errorf("refresh: %d requests, %v", r.Requests, err)
	}
	t.Logf("per refresh (start moved to the last walk): %d request", r.Requests)

	before = len(srv.Requests())
	if s, err := c.CSAT(ctx, demo.IDMessenger); err != nil || s == nil || *s.Score != 1 {
		t.Errorf("CSAT: %+v %v", s, err)
	}
	if s, err := c.CSAT(ctx, demo.IDAngryHandoff); err != nil || s != nil {
		t.Errorf("the star has no rating: %+v %v", s, err)
	}
	if n := requestsSince(srv, before); n != 2 {
		t.Errorf("CSAT of two sessions: %d requests", n)
	}

	// The pulse: the overview of the period, the SLA overview and one
	// breakdown, and the trend for the sparkline.
	before = len(srv.Requests())
	p := api.LastDays(demoNow, 7)
	a, err := c.HandoffAnalytics(ctx, p)
	if err != nil || *a.TotalHandoffs != *w.Total || len(a.Problems) != 0 {
		t.Fatalf("overview: %+v %v", a, err)
	}
	o, err := c.SLAAnalytics(ctx, api.SLAParams{})
	if err != nil || o.Compliance.FirstReply == nil || o.Percentiles.FirstReply.P50 == nil || len(o.Problems) != 0 {
		t.Fatalf("SLA: %+v %v", o, err)
	}
	b, err := c.SLABreakdown(ctx, api.SLAParams{}, api.GroupByTeam)
	if err != nil || len(b.Rows) == 0 || len(b.Problems) != 0 {
		t.Fatalf("breakdown: %+v %v", b, err)
	}
	tr, err := c.SLATrend(ctx, api.SLAParams{Timezone: demo.OfficeHoursTimezone}, api.GranularityDay)
	if err != nil || len(tr.Data) != 30 || len(tr.Problems) != 0 {
		t.Fatalf("trend: %+v %v", tr, err)
	}
	t.Logf("the pulse: %d requests (handoff overview, SLA overview, breakdown, trend)", requestsSince(srv, before))
}

// The demo's office hours drive an office-hours clock: a handoff on Friday
// at 16:00 in London waits one office hour by Monday 09:00.
func TestDemoOfficeHoursClock(t *testing.T) {
	_, c := demoAnalytics(t)
	list, err := c.OfficeHours(context.Background())
	if err != nil || len(list) != 1 {
		t.Fatalf("%v %v", list, err)
	}
	london, _ := time.LoadLocation("Europe/London")
	got, err := list[0].OpenBetween(time.Date(2026, 11, 27, 16, 0, 0, 0, london), time.Date(2026, 11, 30, 9, 0, 0, 0, london))
	if err != nil || got != time.Hour {
		t.Errorf("Friday 16:00 to Monday 09:00: %v %v", got, err)
	}
	one, err := c.OfficeHoursByID(context.Background(), demo.OfficeHoursID)
	if err != nil || one.Name != demo.OfficeHoursName {
		t.Errorf("by ID: %+v %v", one, err)
	}
}

// A key without the scopes: the UI's "the key lacks the scope X", from the
// fake as from the API; the calls that need no scope still answer.
func TestDemoMissingScopes(t *testing.T) {
	_, c := demoAnalytics(t, fake.WithoutScope(fake.ScopeHandoffAnalytics), fake.WithoutScope(fake.ScopeSLAAnalytics))
	ctx := context.Background()
	_, err := c.WalkHandoffReasons(ctx, api.LastDays(demoNow, 7))
	if scope, ok := api.MissingScope(err); !ok || scope != api.ScopeHandoffAnalytics || api.KindOf(err) != api.KindForbidden {
		t.Errorf("walk: %v", err)
	}
	_, err = c.SLAAnalytics(ctx, api.SLAParams{})
	if scope, ok := api.MissingScope(err); !ok || scope != api.ScopeSLAAnalytics {
		t.Errorf("SLA: %v", err)
	}
	if _, err := c.CSAT(ctx, demo.IDMessenger); err != nil {
		t.Errorf("CSAT needs no scope: %v", err)
	}
}

// A fault on one analytics endpoint (a gateway's HTML page) reaches the
// client as a not-JSON error, as for a session.
func TestDemoAnalyticsFault(t *testing.T) {
	_, c := demoAnalytics(t, fake.WithAnalyticsFault("/sla/analytics", fake.Fault{Status: 502, ContentType: "text/html", Body: nginx502}))
	if _, err := c.SLAAnalytics(context.Background(), api.SLAParams{}); api.KindOf(err) != api.KindNotJSON {
		t.Errorf("SLA: %v", err)
	}
	if _, err := c.SLATrend(context.Background(), api.SLAParams{}, ""); err != nil {
		t.Errorf("the trend has no fault: %v", err)
	}
}

// A walk with a Background context stands back like any background work:
// while the limiter has no slot it holds no place in it (the budget the UI
// shows is unchanged), and cancelled it has sent nothing.
func TestBackgroundWalkHoldsNoPlace(t *testing.T) {
	a := &arrivals{}
	srv := serve(t, a)
	c := newClient(t, srv.URL, api.WithLimiter(rate.NewLimiter(rate.Every(time.Hour), 1)))
	if _, err := c.GetSession(context.Background(), testID); err != nil {
		t.Fatal(err)
	}
	left, delay := c.Budget(), c.Delay()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := c.WalkHandoffReasons(api.Background(ctx), api.Period{})
		done <- err
	}()
	// The walk is waiting: nothing arrives, and nothing is reserved.
	if got := c.Budget(); got != left {
		t.Errorf("budget %d while a background walk waits, want %d", got, left)
	}
	cancel()
	if err := <-done; api.KindOf(err) != api.KindCanceled {
		t.Errorf("cancelled walk: %v", err)
	}
	if got := a.seen(); len(got) != 1 {
		t.Errorf("arrivals %q: the cancelled walk sent something", got)
	}
	if c.Delay() > delay {
		t.Errorf("the cancelled walk left a reservation: delay %v, was %v", c.Delay(), delay)
	}
}

// CheckScopes, for `cxi doctor`: one call of each family, and which scope
// the key lacks.
func TestCheckScopes(t *testing.T) {
	srv, c := demoAnalytics(t, fake.WithoutScope(fake.ScopeSLAAnalytics))
	got := c.CheckScopes(context.Background(), demoNow)
	if len(got) != 2 || !got[0].Has || got[0].Scope != api.ScopeHandoffAnalytics || got[1].Has {
		t.Fatalf("checks %+v", got)
	}
	if scope, ok := api.MissingScope(got[1].Err); !ok || scope != api.ScopeSLAAnalytics {
		t.Errorf("SLA: %v", got[1].Err)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests", n)
	}
}
