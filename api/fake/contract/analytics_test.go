package contract_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

var handoffReasons = []string{"", "based_on_instructions", "instructions_not_clear", "insufficient_knowledge",
	"insufficient_tools", "prohibited_topic", "user_requested_human_assistance"}

// periods are the date ranges the client sends (date-times, UTC), a date
// alone, and the API's default.
var periods = []map[string]string{
	{},
	{"start_date": "2026-11-18T12:00:00Z", "end_date": "2026-11-25T12:00:00Z"},
	{"start_date": "2026-11-25T00:00:00Z"},
	{"end_date": "2026-11-01"},
	{"start_date": "2026-10-01", "end_date": "2026-11-25"},
}

// TestFakeHandoffAnalyticsMatchContract walks every page of the handoff
// events under every reason crossed with every period, asks the overview
// for every period, and the errors of both.
func TestFakeHandoffAnalyticsMatchContract(t *testing.T) {
	s := newSweep(t, demoServer(fake.WithHandoffPageSize(7)))
	events := 0
	for _, p := range periods {
		for _, r := range handoffReasons {
			q := url.Values{}
			for k, v := range p {
				q.Set(k, v)
			}
			if r != "" {
				q.Set("reason", r)
			}
			events += len(s.walk("/handoff-analytics/events", q))
		}
		q := url.Values{}
		for k, v := range p {
			q.Set(k, v)
		}
		if w := s.do(http.MethodGet, "/handoff-analytics?"+q.Encode(), ""); w.Code != http.StatusOK {
			t.Errorf("overview %v: %d %s", p, w.Code, w.Body)
		}
	}
	if events == 0 {
		t.Fatal("no handoff events at all")
	}
	for _, target := range []string{
		"/handoff-analytics/events?reason=refunds",
		"/handoff-analytics/events?reason=",
		"/handoff-analytics/events?cursor=bogus",
		"/handoff-analytics/events?start_date=yesterday",
		"/handoff-analytics?end_date=2026-13-45",
		"/handoff-analytics?start_date=2026-11-20&end_date=2026-11-10",
	} {
		if w := s.do(http.MethodGet, target, ""); w.Code != http.StatusBadRequest {
			t.Errorf("%s: %d", target, w.Code)
		}
	}
	t.Logf("%d answers checked, %d events", s.checks, events)
}

// TestFakeCSATMatchesContract asks the rating of every session: a score,
// null, or 404 for one the server does not have.
func TestFakeCSATMatchesContract(t *testing.T) {
	srv := demoServer()
	s := newSweep(t, srv)
	scored, null := 0, 0
	for _, id := range append(srv.SessionIDs(), demo.IDMinimal, "00000000-0000-4000-8000-000000000000") {
		w := s.do(http.MethodGet, "/csat/scores/session/"+id, "")
		switch {
		case w.Code == http.StatusNotFound:
		case w.Body.String() == "null":
			null++
		default:
			scored++
		}
	}
	if scored == 0 || null == 0 {
		t.Errorf("%d scored, %d null: the demo wants both", scored, null)
	}
	t.Logf("%d scored, %d null", scored, null)
}

// TestFakeSLAMatchesContract asks the three SLA endpoints under each
// filter, every group_by and granularity, and their errors.
func TestFakeSLAMatchesContract(t *testing.T) {
	s := newSweep(t, demoServer())
	filters := []string{"", "timezone=Europe/London", "timezone=America/New_York", "policy_id=" + fake.PolicyID,
		"policy_id=00000000-0000-0000-0000-000000000000", "team_id=00000000-0000-0000-0000-000000000000", "agent_id=42"}
	for _, c := range []string{"web", "email", "phone_voice", "slack", "sms", "whatsapp", "instagram", "messenger", "api", "web_voice"} {
		filters = append(filters, "channel="+c)
	}
	var teams []struct{ Grouping struct{ ID *string } }
	w := s.do(http.MethodGet, "/sla/analytics/breakdown?group_by=team", "")
	if err := json.Unmarshal(w.Body.Bytes(), &teams); err != nil || len(teams) == 0 {
		t.Fatalf("teams: %v %s", err, w.Body)
	}
	for _, tm := range teams {
		if tm.Grouping.ID != nil {
			filters = append(filters, "team_id="+*tm.Grouping.ID)
		}
	}
	for _, f := range filters {
		for _, target := range []string{"/sla/analytics", "/sla/analytics/trend", "/sla/analytics/trend?granularity=day", "/sla/analytics/trend?granularity=week",
			"/sla/analytics/breakdown?group_by=policy", "/sla/analytics/breakdown?group_by=team", "/sla/analytics/breakdown?group_by=agent", "/sla/analytics/breakdown?group_by=channel"} {
			if f != "" && strings.Contains(target, "?") {
				target += "&" + f
			} else if f != "" {
				target += "?" + f
			}
			if w := s.do(http.MethodGet, target, ""); w.Code != http.StatusOK {
				t.Errorf("%s: %d %s", target, w.Code, w.Body)
			}
		}
	}
	for _, target := range []string{
		"/sla/analytics/breakdown", "/sla/analytics/breakdown?group_by=day", "/sla/analytics/trend?granularity=month",
		"/sla/analytics?timezone=Mars/Base", "/sla/analytics?policy_id=p1", "/sla/analytics?team_id=3c90c3cc-0d44-0b50-8888-8dd25736052a",
		"/sla/analytics?channel=fax", "/sla/analytics?agent_id=seven", "/sla/analytics?agent_id=1.5",
	} {
		if w := s.do(http.MethodGet, target, ""); w.Code != http.StatusBadRequest {
			t.Errorf("%s: %d", target, w.Code)
		}
	}
	t.Logf("%d answers checked", s.checks)
}

// TestFakeOfficeHoursMatchContract: the list, the one schedule, an
// unknown one, and the scope and key errors of every new endpoint.
func TestFakeOfficeHoursMatchContract(t *testing.T) {
	s := newSweep(t, demoServer())
	s.do(http.MethodGet, "/office-hours", "")
	if w := s.do(http.MethodGet, "/office-hours/"+demo.OfficeHoursID, ""); w.Code != http.StatusOK {
		t.Errorf("schedule: %d", w.Code)
	}
	if w := s.do(http.MethodGet, "/office-hours/nope", ""); w.Code != http.StatusNotFound {
		t.Errorf("unknown schedule: %d", w.Code)
	}
	all := []string{"/handoff-analytics", "/handoff-analytics/events", "/csat/scores/session/" + demo.IDAngryHandoff,
		"/sla/analytics", "/sla/analytics/breakdown?group_by=team", "/sla/analytics/trend", "/office-hours", "/office-hours/" + demo.OfficeHoursID}
	scoped := newSweep(t, demoServer(fake.WithoutScope(fake.ScopeHandoffAnalytics), fake.WithoutScope(fake.ScopeSLAAnalytics)))
	for i, target := range all {
		want := http.StatusOK
		if i < 2 || i >= 3 && i < 6 {
			want = http.StatusForbidden
		}
		if w := scoped.do(http.MethodGet, target, ""); w.Code != want {
			t.Errorf("without scopes %s: %d, want %d", target, w.Code, want)
		}
	}
	s.key = "wrong"
	for _, target := range all {
		if w := s.do(http.MethodGet, target, ""); w.Code != http.StatusUnauthorized {
			t.Errorf("wrong key %s: %d", target, w.Code)
		}
	}
}
