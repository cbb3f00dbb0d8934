package pulseline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
)

var now = time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)

func session(status api.Status, handedOff bool, sentiment api.Sentiment, created time.Time) api.Session {
	s := api.Session{Status: status, CreatedAt: api.Timestamp{Time: created}}
	if handedOff {
		s.Handoff = &api.Handoff{}
	}
	if sentiment != "" {
		s.Sentiment = &sentiment
	}
	return s
}

func TestCount(t *testing.T) {
	yesterday := now.Add(-20 * time.Hour)
	c := Count(FactsOf([]api.Session{
		session(api.StatusOpen, true, api.SentimentAngry, now.Add(-time.Hour)),
		session(api.StatusOpen, true, "", yesterday),                     // the oldest open handoff, not today
		session(api.StatusClosedResolved, true, api.SentimentAngry, now), // handed off today, not open
		session(api.StatusOpen, false, api.SentimentHappy, now),
		session(api.StatusOpen, true, api.SentimentAngry, time.Time{}), // no created_at: open, not today, no age
	}), now)
	want := Counts{Sessions: 5, OpenHandoffs: 3, Oldest: yesterday, Today: 3, TodayAngry: 2, TodayHandoffs: 2}
	if c != want {
		t.Errorf("Count = %+v\nwant    %+v", c, want)
	}
}

type fakeSource struct {
	calls int
	week  *api.HandoffAnalytics
	err   error
}

func (f *fakeSource) HandoffAnalytics(ctx context.Context, p api.Period) (*api.HandoffAnalytics, error) {
	f.calls++
	if !api.IsBackground(ctx) {
		panic("the line's request must stand back for the user's")
	}
	return f.week, f.err
}

func num(v float64) *float64 { return &v }

func TestPartsAndTheirRequests(t *testing.T) {
	src := &fakeSource{week: &api.HandoffAnalytics{TotalHandoffs: num(35), TotalSessions: num(100)}}
	m := New(styles.Plain(), src, true)
	sessions := []api.Session{
		session(api.StatusOpen, true, api.SentimentAngry, now.Add(-5*time.Hour)),
		session(api.StatusOpen, false, api.SentimentNeutral, now.Add(-time.Hour)),
	}
	m, cmd := m.Loaded(FactsOf(sessions), false, now)
	m = m.Update(cmd().(LoadedMsg))
	got := strings.Join(m.Parts(now), " | ")
	if want := "1 open handoff | oldest 5h | 50% angry today | handoffs 50% today vs 35% 7d"; got != want {
		t.Errorf("Parts = %q\nwant    %q", got, want)
	}
	if m, cmd = m.Loaded(FactsOf(sessions), false, now.Add(30*time.Second)); cmd != nil || src.calls != 1 {
		t.Errorf("a second load within the minute asked again (%d calls)", src.calls)
	}
	if _, cmd = m.Loaded(FactsOf(sessions), false, now.Add(MinInterval)); cmd == nil {
		t.Error("a load a minute later did not ask")
	}
	hidden := m.Show(false)
	if _, cmd := hidden.Loaded(FactsOf(sessions), false, now.Add(time.Hour)); cmd != nil || hidden.Parts(now) != nil {
		t.Error("a hidden line asked, or drew")
	}
}

func TestAMissingScopeAndAnOldAnswer(t *testing.T) {
	src := &fakeSource{err: &api.Error{Kind: api.KindForbidden, Err: &api.ScopeError{Scope: api.ScopeHandoffAnalytics}}}
	m := New(styles.Plain(), src, true)
	sessions := []api.Session{session(api.StatusOpen, true, "", now.Add(-time.Minute))}
	m, first := m.Loaded(FactsOf(sessions), false, now)
	old := first().(LoadedMsg)
	m, second := m.Loaded(FactsOf(sessions), false, now.Add(2*time.Minute))
	m = m.Update(old) // the first answer, late: dropped
	if strings.Contains(strings.Join(m.Parts(now), " "), "no scope") {
		t.Error("an older answer was taken")
	}
	m = m.Update(second().(LoadedMsg))
	if got := strings.Join(m.Parts(now), " | "); got != "1 open handoff | oldest 1m | 0% angry today | handoffs 100% today (7d: no scope)" {
		t.Errorf("Parts = %q", got)
	}
}

func TestAPartialQueueSaysAtLeast(t *testing.T) {
	m := New(styles.Plain(), nil, true)
	m, _ = m.Loaded(FactsOf([]api.Session{session(api.StatusOpen, true, "", now)}), true, now)
	if got := m.Parts(now)[0]; got != "1+ open handoffs" {
		t.Errorf("%q", got)
	}
}

// TestTheKeptRowsAreCountedAtStart: the rows the queue starts with are
// counted as at least that many, with no request (the first load asks);
// no rows, or a hidden line, count nothing.
func TestTheKeptRowsAreCountedAtStart(t *testing.T) {
	src := &fakeSource{}
	kept := FactsOf([]api.Session{session(api.StatusOpen, true, "", now.Add(-2*time.Hour)), session(api.StatusOpen, true, "", now)})
	m := New(styles.Plain(), src, true).Counted(kept, now)
	if got := m.Parts(now)[0]; got != "2+ open handoffs" || src.calls != 0 {
		t.Errorf("%q, %d requests", got, src.calls)
	}
	if _, cmd := m.Loaded(kept, false, now); cmd == nil {
		t.Error("counting the kept rows kept the first load from asking for the overview")
	}
	if got := New(styles.Plain(), src, true).Counted(FactsOf(nil), now).Parts(now)[0]; got != "0 open handoffs" {
		t.Errorf("no kept rows: %q", got)
	}
	if hidden := New(styles.Plain(), src, false).Counted(kept, now); hidden.Counts() != (Counts{}) {
		t.Errorf("a hidden line counted %+v", hidden.Counts())
	}
}
