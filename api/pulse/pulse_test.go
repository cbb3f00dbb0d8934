package pulse_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
	"github.com/opencx-tools/cxi/api/pulse"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func demoServer(t *testing.T, opts ...fake.Option) (*fake.Server, *api.Client) {
	t.Helper()
	srv := fake.New(append([]fake.Option{fake.WithClock(func() time.Time { return now }), fake.WithCatalog(demo.Catalog(demo.WithRecentDates()))}, opts...)...)
	return srv, faketest.Client(t, srv)
}

func TestFetchReadsEveryPartInFourRequests(t *testing.T) {
	srv, c := demoServer(t)
	r := pulse.Fetch(context.Background(), c, pulse.Week, api.GroupByChannel, now)
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if got := len(srv.Requests()); got != pulse.Requests {
		t.Errorf("%d requests, want %d", got, pulse.Requests)
	}
	if r.Handoffs.TotalHandoffs == nil || *r.Handoffs.TotalHandoffs == 0 || len(r.Handoffs.Reasons) == 0 || len(r.Handoffs.Trends) == 0 {
		t.Errorf("handoffs: %+v", r.Handoffs)
	}
	if r.SLA.Compliance.Overall == nil || len(r.Breakdown.Rows) == 0 || len(r.Trend.Data) == 0 {
		t.Errorf("SLA: %+v, %+v, %+v", r.SLA, r.Breakdown, r.Trend)
	}
	if want := pulse.Week.Period(now); r.Period != want || !r.Period.End.Equal(now) {
		t.Errorf("period %+v, want %+v", r.Period, want)
	}
	if len(r.Missing()) != 0 {
		t.Errorf("missing %v", r.Missing())
	}
}

func TestFetchWithoutTheSLAScopeSparesItsOtherCalls(t *testing.T) {
	srv, c := demoServer(t, fake.WithoutScope(api.ScopeSLAAnalytics))
	r := pulse.Fetch(context.Background(), c, pulse.Today, api.GroupByTeam, now)
	if r.HandoffsErr != nil || r.Handoffs == nil {
		t.Fatalf("handoffs: %v", r.HandoffsErr)
	}
	if got := len(srv.Requests()); got != 2 {
		t.Errorf("%d requests, want 2 (the SLA's other calls need the same scope)", got)
	}
	if got := r.Missing(); len(got) != 1 || got[0] != api.ScopeSLAAnalytics {
		t.Errorf("missing %v", got)
	}
	if s, ok := api.MissingScope(r.Err()); !ok || s != api.ScopeSLAAnalytics {
		t.Errorf("Err %v names no scope", r.Err())
	}
}

func TestFetchWithoutTheHandoffScopeStillReadsTheSLA(t *testing.T) {
	_, c := demoServer(t, fake.WithoutScope(api.ScopeHandoffAnalytics))
	r := pulse.Fetch(context.Background(), c, pulse.Month, api.GroupByChannel, now)
	if s, ok := api.MissingScope(r.HandoffsErr); !ok || s != api.ScopeHandoffAnalytics {
		t.Fatalf("handoffs: %v", r.HandoffsErr)
	}
	if r.SLA == nil || r.Trend == nil || r.Breakdown == nil {
		t.Errorf("SLA not read: %v %v %v", r.SLAErr, r.BreakdownErr, r.TrendErr)
	}
}

func TestFetchStopsWhenTheAPIIsUnreachable(t *testing.T) {
	c, err := api.New("http://127.0.0.1:1", "k")
	if err != nil {
		t.Fatal(err)
	}
	r := pulse.Fetch(context.Background(), c, pulse.Week, api.GroupByChannel, now)
	if !api.Unreachable(r.HandoffsErr) || !errors.Is(r.SLAErr, r.HandoffsErr) || r.BreakdownErr != nil {
		t.Errorf("handoffs %v, SLA %v, breakdown %v", r.HandoffsErr, r.SLAErr, r.BreakdownErr)
	}
}

func TestSpans(t *testing.T) {
	local := time.FixedZone("X", 3*3600)
	at := time.Date(2026, 11, 25, 1, 30, 0, 0, local)
	if p := pulse.Today.Period(at); !p.Start.Equal(time.Date(2026, 11, 25, 0, 0, 0, 0, local)) || !p.End.Equal(at) {
		t.Errorf("today: %+v", p)
	}
	if p := pulse.Week.Period(at); !p.Start.Equal(at.AddDate(0, 0, -7)) {
		t.Errorf("week: %+v", p)
	}
	for s, want := range map[pulse.Span]pulse.Span{pulse.Today: pulse.Week, pulse.Week: pulse.Month, pulse.Month: pulse.Today, 12: pulse.Today} {
		if got := s.Next(); got != want {
			t.Errorf("%v.Next() = %v, want %v", s, got, want)
		}
	}
	for in, want := range map[string]pulse.Span{"today": pulse.Today, "7d": 7, " 30D ": 30, "2w": 14, "1": 1, "90d": 90} {
		got, err := pulse.ParseSpan(in)
		if err != nil || got != want {
			t.Errorf("ParseSpan(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"":     `"" is not a span: want today, or days such as 7d or 30d, or weeks such as 2w`,
		"8h":   `"8h" is not a span: want today, or days such as 7d or 30d, or weeks such as 2w`,
		"+7d":  `"+7d" is not a span: want today, or days such as 7d or 30d, or weeks such as 2w`,
		"0d":   `"0d" is out of range: want 1d to 90d`,
		"91d":  `"91d" is out of range: want 1d to 90d`,
		"-3d":  `"-3d" is out of range: want 1d to 90d`,
		"14w":  `"14w" is out of range: want 1d to 90d`,
		"week": `"week" is not a span: want today, or days such as 7d or 30d, or weeks such as 2w`,
	} {
		if _, err := pulse.ParseSpan(in); err == nil || err.Error() != want {
			t.Errorf("ParseSpan(%q): %v, want %s", in, err, want)
		}
	}
	if pulse.Today.Label() != "today" || pulse.Week.Label() != "7 days" || pulse.Span(1).Label() != "1 day" {
		t.Error("labels")
	}
}

func TestOverviewReadsTheTwoOverviews(t *testing.T) {
	srv, c := demoServer(t)
	r := pulse.Overview(context.Background(), c, pulse.Today, now)
	if r.Err() != nil || r.Handoffs == nil || r.SLA == nil || r.Breakdown != nil || r.Trend != nil {
		t.Fatalf("%+v", r)
	}
	if n := len(srv.Requests()); n != pulse.OverviewRequests {
		t.Errorf("%d requests, want %d", n, pulse.OverviewRequests)
	}
}
