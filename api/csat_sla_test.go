package api_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

func TestCSAT(t *testing.T) {
	tests := []struct {
		name, body string
		check      func(*testing.T, *api.CSATScore)
	}{
		{"null is no rating", "null", func(t *testing.T, s *api.CSATScore) {
			if s != nil {
				t.Errorf("got %+v", s)
			}
		}},
		{"a rating", `{"id":"3c90c3cc-0d44-4b50-8888-8dd25736052b","session_id":"` + testID + `","score":4,"comment":"quick","channel":"web","created_at":"2026-03-02T10:00:00Z","contact":{"email":"a@b.c","custom_data":{"tier":"gold"}},"mood":"new field"}`,
			func(t *testing.T, s *api.CSATScore) {
				if *s.Score != 4 || *s.Comment != "quick" || s.Channel != "web" || s.Contact.Email != "a@b.c" || !s.CreatedAt.Valid() || len(s.Problems) != 0 {
					t.Errorf("got %+v", s)
				}
			}},
		{"a float score, null comment, a wrong type", `{"score":4.5,"comment":null,"channel":7,"contact":null}`,
			func(t *testing.T, s *api.CSATScore) {
				if *s.Score != 4.5 || s.Comment != nil || s.Channel != "" || s.Contact != nil || !slices.Equal(s.Problems, []string{"channel: expected a string, got a number"}) {
					t.Errorf("got %+v", s)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/csat/scores/session/"+testID {
					t.Errorf("path %s", r.URL.Path)
				}
				respond(200, "application/json", tt.body)(w, r)
			}))
			s, err := newClient(t, srv.URL).CSAT(context.Background(), testID)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, s)
			if s != nil && string(s.Raw) != tt.body {
				t.Errorf("raw %s", s.Raw)
			}
		})
	}
	srv := serve(t, respond(200, "application/json", `[1,2]`))
	if _, err := newClient(t, srv.URL).CSAT(context.Background(), testID); api.KindOf(err) != api.KindDecode || !strings.Contains(err.Error(), "expected a JSON object, got an array") {
		t.Errorf("array: %v", err)
	}
}

func TestSLACalls(t *testing.T) {
	overview := `{"coverage_rate":0.8,"total_sessions":120,"sla_sessions":96.0,
	 "compliance":{"overall":0.9,"first_reply":{"fulfilled":80,"breached":10,"completed_after_breach":2,"active":4,"rate":0.88},"next_reply":null,"resolution":{"rate":"high"}},
	 "percentiles":{"first_reply":{"p50":60,"p90":300,"p95":null}}}`
	breakdown := `[{"grouping":{"type":"team","id":"t1","name":"Billing"},"sessions_count":12,"compliance":{"overall":1},"percentiles":{}},
	 {"grouping":{"type":"team","id":null,"name":null},"sessions_count":"3","compliance":{},"percentiles":{}}]`
	trend := `{"granularity":"week","data":[{"date":"2026-03-02","sessions_count":5,"compliance":null,"percentiles":null},{"date":"2026-03-09"}]}`
	var queries []url.Values
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.Query())
		body := map[string]string{"/sla/analytics": overview, "/sla/analytics/breakdown": breakdown, "/sla/analytics/trend": trend}[r.URL.Path]
		respond(200, "application/json", body)(w, r)
	}))
	c := newClient(t, srv.URL)
	ctx := context.Background()
	agent := int64(7)
	p := api.SLAParams{Timezone: "Europe/London", TeamID: testID, Channel: "web", AgentID: &agent}

	o, err := c.SLAAnalytics(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if q := queries[0]; q.Get("timezone") != "Europe/London" || q.Get("team_id") != testID || q.Get("channel") != "web" || q.Get("agent_id") != "7" || q.Has("policy_id") {
		t.Errorf("query %v", q)
	}
	if *o.SLASessions != 96 || *o.Compliance.FirstReply.Breached != 10 || o.Compliance.NextReply != nil || o.Compliance.Resolution.Rate != nil ||
		*o.Percentiles.FirstReply.P90 != 300 || o.Percentiles.FirstReply.P95 != nil || o.Percentiles.Resolution != nil {
		t.Errorf("overview %+v", o)
	}
	if !slices.Equal(o.Problems, []string{"compliance.resolution.rate: expected a number, got a string"}) {
		t.Errorf("problems %q", o.Problems)
	}

	b, err := c.SLABreakdown(ctx, api.SLAParams{}, api.GroupByTeam)
	if err != nil {
		t.Fatal(err)
	}
	if queries[1].Get("group_by") != "team" || len(b.Rows) != 2 || b.Rows[0].Grouping.Name != "Billing" || b.Rows[1].SessionsCount != nil {
		t.Errorf("breakdown %+v", b)
	}
	if !slices.Equal(b.Problems, []string{"[1].sessions_count: expected a number, got a string"}) {
		t.Errorf("problems %q", b.Problems)
	}

	tr, err := c.SLATrend(ctx, api.SLAParams{}, api.GranularityWeek)
	if err != nil {
		t.Fatal(err)
	}
	if queries[2].Get("granularity") != "week" || tr.Granularity != "week" || len(tr.Data) != 2 || tr.Data[0].Compliance != nil || *tr.Data[0].SessionsCount != 5 {
		t.Errorf("trend %+v", tr)
	}
	if _, err := c.SLATrend(ctx, api.SLAParams{}, ""); err != nil || queries[3].Has("granularity") {
		t.Errorf("default granularity: %v %v", err, queries[3])
	}
	if len(queries) != 4 {
		t.Fatalf("%d requests", len(queries))
	}

	// What the API would refuse is refused here, before a request.
	for want, call := range map[string]func() error{
		`timezone "Mars/Base"`:         func() error { _, err := c.SLAAnalytics(ctx, api.SLAParams{Timezone: "Mars/Base"}); return err },
		`policy_id "p1" is not a UUID`: func() error { _, err := c.SLAAnalytics(ctx, api.SLAParams{PolicyID: "p1"}); return err },
		`channel "fax" is not one of`:  func() error { _, err := c.SLAAnalytics(ctx, api.SLAParams{Channel: "fax"}); return err },
		`group by "day"`:               func() error { _, err := c.SLABreakdown(ctx, api.SLAParams{}, "day"); return err },
		`granularity "month"`:          func() error { _, err := c.SLATrend(ctx, api.SLAParams{}, "month"); return err },
	} {
		if err := call(); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v", want, err)
		}
	}
	if len(queries) != 4 {
		t.Errorf("bad input sent %d requests", len(queries)-4)
	}
}

func TestSLABreakdownWantsAnArray(t *testing.T) {
	srv := serve(t, respond(200, "application/json", `{"rows":[]}`))
	_, err := newClient(t, srv.URL).SLABreakdown(context.Background(), api.SLAParams{}, api.GroupByChannel)
	if api.KindOf(err) != api.KindDecode || !strings.Contains(err.Error(), "expected a JSON array, got an object") {
		t.Errorf("err = %v", err)
	}
}

func TestOfficeHours(t *testing.T) {
	schedule := `{"id":"oh_1","name":"Weekday Support","iana_timezone":"Europe/London","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z",
	 "shifts":[{"day_of_week":"monday_to_friday","start_time":"09:00:00","end_time":"17:00:00","id":"s1"},{"day_of_week":null,"start_time":9}]}`
	for name, body := range map[string]string{"array": "[" + schedule + "]", "items": `{"items":[` + schedule + `]}`, "data": `{"data":[` + schedule + `]}`} {
		srv := serve(t, respond(200, "application/json", body))
		list, err := newClient(t, srv.URL).OfficeHours(context.Background())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(list) != 1 || list[0].Timezone != "Europe/London" || len(list[0].Shifts) != 2 ||
			!slices.Equal(list[0].Problems, []string{"shifts[1].start_time: expected a string, got a number"}) {
			t.Errorf("%s: %+v", name, list)
		}
	}
	srv := serve(t, respond(200, "application/json", `{"schedules":[]}`))
	if _, err := newClient(t, srv.URL).OfficeHours(context.Background()); api.KindOf(err) != api.KindDecode {
		t.Errorf("no array: %v", err)
	}
	one := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/office-hours/oh_1" {
			t.Errorf("path %s", r.URL.Path)
		}
		respond(200, "application/json", schedule)(w, r)
	}))
	oh, err := newClient(t, one.URL).OfficeHoursByID(context.Background(), "oh_1")
	if err != nil || oh.Name != "Weekday Support" {
		t.Fatalf("%+v %v", oh, err)
	}
	if _, err := newClient(t, one.URL).OfficeHoursByID(context.Background(), ""); err == nil || !strings.Contains(err.Error(), "no schedule ID") {
		t.Errorf("empty id: %v", err)
	}
}

// OpenBetween counts only the time inside the shifts, in the schedule's
// own zone (London is on BST in June: 09:00 there is 08:00 UTC).
func TestOfficeHoursOpenBetween(t *testing.T) {
	oh := api.OfficeHours{Name: "Weekday Support", Timezone: "Europe/London", Shifts: []api.Shift{
		{DayOfWeek: "monday_to_friday", StartTime: "09:00:00", EndTime: "17:00:00"},
		{DayOfWeek: "friday", StartTime: "16:00", EndTime: "18:00"}, // overlaps the first: counted once
	}}
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		from, to string
		want     time.Duration
	}{
		{"2026-06-05T07:00:00Z", "2026-06-05T09:00:00Z", time.Hour},               // Friday, opens 08:00 UTC
		{"2026-06-05T15:00:00Z", "2026-06-08T09:00:00Z", 2*time.Hour + time.Hour}, // Friday 16–19 BST is 15–17 UTC, then Monday 08–09 UTC
		{"2026-06-06T00:00:00Z", "2026-06-07T23:00:00Z", 0},                       // the weekend
		{"2026-06-01T00:00:00Z", "2026-06-08T00:00:00Z", 5*8*time.Hour + time.Hour},
		{"2026-06-05T10:00:00Z", "2026-06-05T09:00:00Z", 0},
	}
	for _, tt := range tests {
		got, err := oh.OpenBetween(at(tt.from), at(tt.to))
		if err != nil || got != tt.want {
			t.Errorf("%s → %s: %v, %v; want %v", tt.from, tt.to, got, err, tt.want)
		}
	}
	for want, bad := range map[string]api.OfficeHours{
		`iana_timezone "Mars/Base"`:  {Timezone: "Mars/Base"},
		`day_of_week "weekdays-ish"`: {Timezone: "UTC", Shifts: []api.Shift{{DayOfWeek: "weekdays-ish", StartTime: "09:00", EndTime: "10:00"}}},
		`start_time "9am"`:           {Timezone: "UTC", Shifts: []api.Shift{{DayOfWeek: "monday", StartTime: "9am", EndTime: "10:00"}}},
	} {
		if _, err := bad.OpenBetween(at("2026-06-01T00:00:00Z"), at("2026-06-02T00:00:00Z")); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v", want, err)
		}
	}
	overnight := api.OfficeHours{Timezone: "UTC", Shifts: []api.Shift{{DayOfWeek: "everyday", StartTime: "22:00", EndTime: "06:00"}}}
	if got, _ := overnight.OpenBetween(at("2026-06-01T00:00:00Z"), at("2026-06-02T00:00:00Z")); got != 8*time.Hour {
		t.Errorf("overnight: %v", got)
	}
	wrap, err := (api.Shift{DayOfWeek: "friday_to_monday"}).Days()
	if err != nil || !slices.Equal(wrap, []time.Weekday{time.Friday, time.Saturday, time.Sunday, time.Monday}) {
		t.Errorf("wrap: %v %v", wrap, err)
	}
}
