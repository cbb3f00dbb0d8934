package api_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// The handoff events answer from a page's example only: nulls, a reason a
// newer API added, a float total, a field of the wrong type and an item
// that is no object must all come through without failing the page.
func TestHandoffEventsTraps(t *testing.T) {
	body := `{"items":[
	 {"session_id":"` + testID + `","summary":"Wants a refund","explanation":"Refunds need a human","reasons":["insufficient_tools","refund_policy_v2"],"sentiment":"angry","created_at":"2026-03-02T10:00:00Z","brand_new":1},
	 {"session_id":null,"summary":null,"explanation":null,"reasons":null,"created_at":null},
	 {"session_id":"3c90c3cc-0d44-4b50-8888-000000000001","explanation":42,"reasons":["prohibited_topic"]},
	 "not an object"
	],"next":null,"total":3.0}`
	var got url.Values
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.URL.Query()
		if r.URL.Path != "/handoff-analytics/events" {
			t.Errorf("path %s", r.URL.Path)
		}
		respond(http.StatusOK, "application/json", body)(w, r)
	}))
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	page, err := newClient(t, srv.URL).HandoffEvents(context.Background(), api.HandoffEventParams{
		Reason: api.ReasonInsufficientTools, Period: api.Period{Start: start, End: start.AddDate(0, 0, 7)}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Get("reason") != "insufficient_tools" || got.Get("start_date") != "2026-03-01T00:00:00Z" || got.Get("end_date") != "2026-03-08T00:00:00Z" || got.Has("cursor") {
		t.Errorf("query = %v", got)
	}
	if page.Next != "" || page.Total == nil || *page.Total != 3 {
		t.Errorf("next %q total %v", page.Next, page.Total)
	}
	if len(page.Items) != 3 || len(page.Skipped) != 1 || page.Skipped[0].Index != 3 {
		t.Fatalf("items %d skipped %+v", len(page.Items), page.Skipped)
	}
	first := page.Items[0]
	if first.Explanation != "Refunds need a human" || first.Sentiment != "angry" || !first.CreatedAt.Valid() {
		t.Errorf("first = %+v", first)
	}
	if unknown := first.Reasons[1]; unknown.Known() || unknown.Label() != "refund_policy_v2" {
		t.Errorf("unknown reason %q: known %v, label %q", unknown, unknown.Known(), unknown.Label())
	}
	if first.Reasons[0].Label() != "insufficient tools" {
		t.Errorf("label %q", first.Reasons[0].Label())
	}
	if !strings.Contains(string(first.Raw), "brand_new") {
		t.Errorf("raw lost the unknown field: %s", first.Raw)
	}
	if n := page.Items[1]; n.SessionID != "" || n.Reasons != nil || n.CreatedAt.Raw != "" || len(n.Problems) != 0 {
		t.Errorf("nulls = %+v", n)
	}
	if p := page.Items[2]; p.Explanation != "" || len(p.Reasons) != 1 || len(p.Problems) != 1 || p.Problems[0] != "explanation: expected a string, got a number" {
		t.Errorf("wrong type: %+v", p)
	}
}

func TestHandoffEventsRefusesBadInputBeforeSending(t *testing.T) {
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected request %s", r.URL)
	}))
	c := newClient(t, srv.URL)
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for name, p := range map[string]api.HandoffEventParams{
		"unknown handoff reason \"refunds\"": {Reason: "refunds"},
		"ends (2026-02-28T00:00:00Z) before": {Period: api.Period{Start: now, End: now.AddDate(0, 0, -1)}},
	} {
		if _, err := c.HandoffEvents(context.Background(), p); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestParseHandoffReason(t *testing.T) {
	for in, want := range map[string]api.HandoffReason{
		"insufficient knowledge":           api.ReasonInsufficientKnowledge,
		"INSUFFICIENT_KNOWLEDGE":           api.ReasonInsufficientKnowledge,
		" user requested human assistance": api.ReasonUserRequestedHuman,
		"prohibited-topic":                 api.ReasonProhibitedTopic,
	} {
		if got, err := api.ParseHandoffReason(in); err != nil || got != want {
			t.Errorf("%q = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "knowledge", "refund_policy_v2"} {
		if _, err := api.ParseHandoffReason(in); err == nil || !strings.Contains(err.Error(), "want one of user_requested_human_assistance") {
			t.Errorf("%q: %v", in, err)
		}
	}
}

// WalkHandoffReasons pages with the server's cursors, merges a session
// handed off twice, skips events without a session, and counts requests.
func TestWalkHandoffReasons(t *testing.T) {
	other := "3c90c3cc-0d44-4b50-8888-000000000002"
	pages := map[string]string{
		"": `{"items":[{"session_id":"` + strings.ToUpper(testID) + `","reasons":["insufficient_knowledge"],"explanation":"old","created_at":"2026-03-01T10:00:00Z"},
		              {"session_id":"nope","reasons":["prohibited_topic"]}],"next":"p2","total":4}`,
		"p2": `{"items":[{"session_id":"` + testID + `","reasons":["user_requested_human_assistance","insufficient_knowledge"],"explanation":"new","created_at":"2026-03-02T10:00:00Z"},
		               {"session_id":"` + other + `","reasons":[],"explanation":"no reason given"}],"next":null,"total":4}`,
	}
	var mu sync.Mutex
	var cursors []string
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		cursors = append(cursors, r.URL.Query().Get("cursor"))
		mu.Unlock()
		respond(http.StatusOK, "application/json", pages[r.URL.Query().Get("cursor")])(w, r)
	}))
	w, err := newClient(t, srv.URL).WalkHandoffReasons(context.Background(), api.Period{})
	if err != nil {
		t.Fatal(err)
	}
	if w.Requests != 2 || !slices.Equal(cursors, []string{"", "p2"}) || w.Events != 4 || w.Skipped != 1 || *w.Total != 4 {
		t.Errorf("requests %d cursors %q events %d skipped %d", w.Requests, cursors, w.Events, w.Skipped)
	}
	why := w.BySession[testID]
	if !slices.Equal(why.Reasons, []api.HandoffReason{"insufficient_knowledge", "user_requested_human_assistance"}) || why.Explanation != "new" {
		t.Errorf("merged = %+v", why)
	}
	if o, ok := w.BySession[other]; !ok || len(o.Reasons) != 0 || o.Explanation != "no reason given" {
		t.Errorf("other = %+v, %v", o, ok)
	}
}

// A server that sends the same cursor again ends the walk with what was
// read and a paging error, not an endless loop spending the budget.
func TestWalkHandoffReasonsStopsOnARepeatedCursor(t *testing.T) {
	srv := serve(t, respond(http.StatusOK, "application/json",
		`{"items":[{"session_id":"`+testID+`","reasons":["insufficient_tools"]}],"next":"same","total":1}`))
	w, err := newClient(t, srv.URL).WalkHandoffReasons(context.Background(), api.Period{})
	if err == nil || !strings.Contains(err.Error(), "repeated a page cursor") {
		t.Fatalf("err = %v", err)
	}
	if w.Requests != 2 || len(w.BySession) != 1 {
		t.Errorf("requests %d sessions %d", w.Requests, len(w.BySession))
	}
}

func TestHandoffAnalyticsLenient(t *testing.T) {
	body := `{"summary":"12 handoffs","total_handoffs":12,"total_sessions":40.0,"start_date":"2026-03-01","end_date":"2026-03-08",
	 "reasons":[{"reason":"insufficient_knowledge","count":7,"percentage":58.3},{"reason":"brand_new_reason","count":"5","percentage":null}],
	 "reason_combinations":[{"reasons":["insufficient_knowledge","insufficient_tools"],"session_count":2,"percentage":16.7}],
	 "sentiments":[{"sentiment":"angry","count":5,"percentage":41.7}],"trends":[{"date":"2026-03-01","count":3}],
	 "knowledge_references":[],"tool_references":[{"type":"ai_profile","id":"x","count":1}],"instruction_references":null,"prohibited_topic_references":[]}`
	var q url.Values
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q = r.URL.Query()
		respond(http.StatusOK, "application/json", body)(w, r)
	}))
	a, err := newClient(t, srv.URL).HandoffAnalytics(context.Background(), api.Period{})
	if err != nil {
		t.Fatal(err)
	}
	if len(q) != 0 {
		t.Errorf("a zero period sent %v", q)
	}
	if *a.TotalHandoffs != 12 || *a.TotalSessions != 40 || len(a.Reasons) != 2 || len(a.Trends) != 1 || len(a.ToolRefs) != 1 {
		t.Errorf("decoded %+v", a)
	}
	r := a.Reasons[1]
	if r.Reason.Known() || r.Count != nil || r.Percentage != nil {
		t.Errorf("second reason = %+v", r)
	}
	if !slices.Equal(a.Problems, []string{"reasons[1].count: expected a number, got a string"}) {
		t.Errorf("problems = %q", a.Problems)
	}
	if string(a.Raw) != body {
		t.Errorf("raw changed")
	}
}

// A page whose next is not a cursor ends the walk with an error, not with
// a window silently cut short.
func TestWalkHandoffReasonsStopsOnAnUnreadableNext(t *testing.T) {
	srv := serve(t, respond(http.StatusOK, "application/json",
		`{"items":[{"session_id":"`+testID+`","reasons":["insufficient_tools"]}],"next":7,"total":2}`))
	w, err := newClient(t, srv.URL).WalkHandoffReasons(context.Background(), api.Period{})
	if api.KindOf(err) != api.KindDecode || !strings.Contains(err.Error(), "next: expected a string, got a number") {
		t.Fatalf("err = %v", err)
	}
	if w.Requests != 1 || len(w.BySession) != 1 {
		t.Errorf("requests %d sessions %d", w.Requests, len(w.BySession))
	}
}
