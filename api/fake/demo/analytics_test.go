package demo

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// handoffEvent is an item of GET /handoff-analytics/events.
type handoffEvent struct {
	SessionID   string   `json:"session_id"`
	Explanation *string  `json:"explanation"`
	Reasons     []string `json:"reasons"`
	CreatedAt   string   `json:"created_at"`
}

func getJSON(t *testing.T, s http.Handler, path string, out any) {
	t.Helper()
	w := probe.Get(s, path, fake.DemoKey)
	if w.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, w.Code, w.Body)
	}
	if err := json.Unmarshal(w.Body.Bytes(), out); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

func events(t *testing.T, s http.Handler, q url.Values) []handoffEvent {
	t.Helper()
	items, _ := probe.Walk(t, s, "/handoff-analytics/events", q)
	out := make([]handoffEvent, len(items))
	for i, it := range items {
		if err := json.Unmarshal(it, &out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// Every handoff event names a session of the demo that was handed off,
// each such session once; the star's has its reasons and explanation.
func TestHandoffEventsAreTheDemosHandoffs(t *testing.T) {
	s := newTestServer(fake.WithHandoffPageSize(10), fake.WithoutFaults())
	all := events(t, s, url.Values{"start_date": {"2020-01-01"}})
	seen := map[string]bool{}
	for _, ev := range all {
		if seen[ev.SessionID] {
			t.Errorf("%s has two events", ev.SessionID)
		}
		seen[ev.SessionID] = true
		var sess struct {
			AIClosureType *string         `json:"ai_closure_type"`
			Handoff       json.RawMessage `json:"handoff"`
		}
		getJSON(t, s, "/chat/sessions/"+ev.SessionID, &sess)
		if len(sess.Handoff) == 0 && (sess.AIClosureType == nil || *sess.AIClosureType != "handed_off") {
			t.Errorf("%s has a handoff event but was not handed off", ev.SessionID)
		}
	}
	handedOff := 0
	for _, id := range s.SessionIDs() {
		var sess struct {
			Handoff json.RawMessage `json:"handoff"`
		}
		getJSON(t, s, "/chat/sessions/"+id, &sess)
		if len(sess.Handoff) > 0 && string(sess.Handoff) != "null" {
			handedOff++
			if !seen[id] {
				t.Errorf("%s was handed off but has no event", id)
			}
		}
	}
	if handedOff < 50 {
		t.Errorf("only %d handed-off sessions", handedOff)
	}
	i := slices.IndexFunc(all, func(ev handoffEvent) bool { return ev.SessionID == IDAngryHandoff })
	if i < 0 {
		t.Fatal("no event for the star")
	}
	star := all[i]
	if star.Explanation == nil || *star.Explanation != StarHandoffExplanation || !slices.Equal(star.Reasons, []string{"based_on_instructions", "user_requested_human_assistance"}) {
		t.Errorf("star = %+v", star)
	}
}

// The overview counts the same events the events endpoint lists, for the
// same period; a reason filter keeps exactly the events with that reason.
func TestHandoffAnalyticsCountsTheEvents(t *testing.T) {
	s := newTestServer()
	for _, period := range []url.Values{
		{},
		{"start_date": {"2026-11-18T12:00:00Z"}, "end_date": {"2026-11-25T12:00:00Z"}},
		{"start_date": {"2026-11-25"}},
	} {
		all := events(t, s, period)
		var overview struct {
			TotalHandoffs int `json:"total_handoffs"`
			Reasons       []struct {
				Reason string
				Count  int
			}
			Trends []struct{ Count int }
		}
		getJSON(t, s, "/handoff-analytics?"+period.Encode(), &overview)
		if overview.TotalHandoffs != len(all) {
			t.Errorf("%v: total %d, events %d", period, overview.TotalHandoffs, len(all))
		}
		trendSum := 0
		for _, d := range overview.Trends {
			trendSum += d.Count
		}
		if trendSum != len(all) {
			t.Errorf("%v: trend sums to %d, events %d", period, trendSum, len(all))
		}
		for _, r := range overview.Reasons {
			q := url.Values{"reason": {r.Reason}}
			for k, v := range period {
				q[k] = v
			}
			filtered := events(t, s, q)
			if len(filtered) != r.Count {
				t.Errorf("%v %s: overview %d, filtered events %d", period, r.Reason, r.Count, len(filtered))
			}
			for _, ev := range filtered {
				if !slices.Contains(ev.Reasons, r.Reason) {
					t.Errorf("%s listed under %s with %v", ev.SessionID, r.Reason, ev.Reasons)
				}
			}
		}
	}
}

// Ratings: scores 1–5 with comments, null for a session without one (the
// star, still open), 404 for a session the demo does not have.
func TestCSATOfTheDemo(t *testing.T) {
	s := newTestServer()
	if w := probe.Get(s, "/csat/scores/session/"+IDAngryHandoff, fake.DemoKey); w.Body.String() != "null" {
		t.Errorf("star: %s", w.Body)
	}
	if w := probe.Get(s, "/csat/scores/session/00000000-0000-4000-8000-000000000000", fake.DemoKey); w.Code != http.StatusNotFound {
		t.Errorf("unknown: %d", w.Code)
	}
	var m struct {
		Score     int
		Comment   string
		SessionID string `json:"session_id"`
	}
	getJSON(t, s, "/csat/scores/session/"+IDMessenger, &m)
	if m.Score != 1 || m.Comment == "" || m.SessionID != IDMessenger {
		t.Errorf("messenger: %+v", m)
	}
	low, high := 0, 0
	for _, id := range s.SessionIDs() {
		var r *struct{ Score int }
		getJSON(t, s, "/csat/scores/session/"+id, &r)
		switch {
		case r == nil:
		case r.Score < 1 || r.Score > 5:
			t.Errorf("%s: score %d", id, r.Score)
		case r.Score <= 2:
			low++
		default:
			high++
		}
	}
	if low == 0 || high == 0 {
		t.Errorf("%d low and %d high ratings: the demo wants both", low, high)
	}
}

// The SLA figures cover the handed-off sessions, the breakdowns add up to
// the overview, and the demo's office hours are a weekday schedule.
func TestSLAAndOfficeHoursOfTheDemo(t *testing.T) {
	s := newTestServer()
	var o struct {
		SLASessions   int `json:"sla_sessions"`
		TotalSessions int `json:"total_sessions"`
	}
	getJSON(t, s, "/sla/analytics", &o)
	if n := len(events(t, s, url.Values{"start_date": {"2020-01-01"}})); o.SLASessions != n || o.TotalSessions != len(s.SessionIDs()) {
		t.Errorf("sla %d of %d, handoffs %d of %d", o.SLASessions, o.TotalSessions, n, len(s.SessionIDs()))
	}
	for _, by := range []string{"policy", "team", "agent", "channel"} {
		var rows []struct {
			SessionsCount int `json:"sessions_count"`
		}
		getJSON(t, s, "/sla/analytics/breakdown?group_by="+by, &rows)
		sum := 0
		for _, r := range rows {
			sum += r.SessionsCount
		}
		if sum != o.SLASessions {
			t.Errorf("by %s: rows add up to %d, want %d", by, sum, o.SLASessions)
		}
	}
	var hours []fake.OfficeHours
	getJSON(t, s, "/office-hours", &hours)
	if len(hours) != 1 || hours[0].Timezone != "Europe/London" || hours[0].Shifts[0].DayOfWeek != "monday_to_friday" {
		t.Errorf("office hours %+v", hours)
	}
}

// A key without a scope is told which one it lacks, on the endpoints that
// need it only.
func TestScopesOfTheDemo(t *testing.T) {
	s := newTestServer(fake.WithoutScope(fake.ScopeSLAAnalytics))
	w := probe.Get(s, "/sla/analytics/trend", fake.DemoKey)
	probe.WantResponse(t, w, http.StatusForbidden, probe.JSONContentType,
		`{"statusCode":403,"message":"Missing required scope: sla-analytics:read","error":"Forbidden"}`)
	if w := probe.Get(s, "/handoff-analytics", fake.DemoKey); w.Code != http.StatusOK {
		t.Errorf("handoff analytics: %d", w.Code)
	}
}
