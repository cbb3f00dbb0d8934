package contract_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/contract"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// clock fixes the demo's dates, so every run checks the same answers.
func clock() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }

// demoServer is the demo's whole catalog with the fixed clock. The slow
// session answers at once: its delay is the point of the demo, not of the
// contract, and a test does not wait for it.
func demoServer(opts ...fake.Option) *fake.Server {
	return catalogServer(demo.Catalog(), opts...)
}

// catalogServer is demoServer with another catalog.
func catalogServer(c fake.Catalog, opts ...fake.Option) *fake.Server {
	all := append([]fake.Option{fake.WithClock(clock), fake.WithCatalog(c)}, opts...)
	s := fake.New(all...)
	s.SetFault(demo.IDSlow, fake.Fault{})
	return s
}

// TestFakeSessionsMatchContract: GET every session the demo has, showcase
// and generated, the odd ones included, and the errors of that route.
func TestFakeSessionsMatchContract(t *testing.T) {
	srv := demoServer()
	s := newSweep(t, srv)
	ids := srv.SessionIDs()
	for _, d := range demo.Sessions() {
		ids = append(ids, d.ID) // the faulty ones are not listed
	}
	ids = append(ids, demo.IDOddTicket)
	for _, id := range ids {
		s.do(http.MethodGet, "/chat/sessions/"+id, "")
	}
	s.do(http.MethodGet, "/chat/sessions/"+strings.ToUpper(demo.IDMinimal), "")
	if w := s.do(http.MethodGet, "/chat/sessions/00000000-0000-4000-8000-000000000000", ""); w.Code != http.StatusNotFound {
		t.Errorf("unknown session: %d", w.Code)
	}
	s.key = "wrong"
	if w := s.do(http.MethodGet, "/chat/sessions/"+demo.IDMinimal, ""); w.Code != http.StatusUnauthorized {
		t.Errorf("wrong key: %d", w.Code)
	}
	s.wantMet("unknown future enum values", "ticket_number as a string", "nginx's 502 HTML page")
	t.Logf("%d answers checked", s.checks)
}

// TestFakeListMatchesContract walks every page of the list under every
// filter the client can send (each status, handed_off either way, each
// channel, crossed with one another, and the four dates), and the list's
// errors.
func TestFakeListMatchesContract(t *testing.T) {
	s := newSweep(t, demoServer())
	statuses := []string{"", "open", "closed_resolved", "closed_unresolved"}
	handed := []string{"", "true", "false"}
	channels := []string{""}
	for _, c := range []string{"web", "email", "phone_voice", "slack", "sms", "whatsapp", "instagram", "messenger", "api", "web_voice"} {
		channels = append(channels, c)
	}
	total := 0
	for _, st := range statuses {
		for _, h := range handed {
			for _, ch := range channels {
				q := url.Values{}
				for k, v := range map[string]string{"status": st, "handed_off": h, "channel_type": ch} {
					if v != "" {
						q.Set(k, v)
					}
				}
				total += len(s.walk("/chat/sessions", q))
			}
		}
	}
	day := clock().Add(-72 * time.Hour).Format(time.RFC3339)
	for _, p := range []string{"created_after", "created_before", "updated_after", "updated_before"} {
		total += len(s.walk("/chat/sessions", url.Values{p: {day}}))
		total += len(s.walk("/chat/sessions", url.Values{p: {day}, "status": {"open"}, "handed_off": {"true"}}))
	}
	if total == 0 {
		t.Fatal("no sessions listed")
	}
	for _, bad := range []string{"status=closed", "handed_off=yes", "channel_type=telegram", "created_after=yesterday", "cursor=bogus"} {
		if w := s.do(http.MethodGet, "/chat/sessions?"+bad, ""); w.Code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", bad, w.Code)
		}
	}
	s.wantMet("unknown future enum values", "ticket_number as a string", "a list item that is no object")
	t.Logf("%d pages and answers checked, %d items", s.checks, total)
}

// TestFakeDemoDaysMatchContract: what `cxi --demo` serves (recent dates,
// and the days after, when sessions have changed) — every session and
// every page of the unfiltered list.
func TestFakeDemoDaysMatchContract(t *testing.T) {
	for day := range 3 {
		srv := catalogServer(demo.Catalog(demo.WithRecentDates(), demo.WithDay(day)))
		s := newSweep(t, srv)
		s.walk("/chat/sessions", nil)
		for _, id := range srv.SessionIDs() {
			s.do(http.MethodGet, "/chat/sessions/"+id, "")
		}
		for _, id := range srv.SessionIDs()[:20] {
			s.walk("/chat/sessions/"+id+"/history", nil)
		}
	}
}

// TestFakeHistoryMatchesContract walks every page of every session's
// history, and the history's 404.
func TestFakeHistoryMatchesContract(t *testing.T) {
	srv := demoServer()
	s := newSweep(t, srv)
	events := 0
	for _, id := range append(srv.SessionIDs(), demo.IDOddTicket, demo.IDUnknownEnums, demo.IDHostile) {
		events += len(s.walk("/chat/sessions/"+id+"/history", nil))
	}
	if events == 0 {
		t.Fatal("no events")
	}
	if w := s.do(http.MethodGet, "/chat/sessions/00000000-0000-4000-8000-000000000000/history", ""); w.Code != http.StatusNotFound {
		t.Errorf("unknown session: %d", w.Code)
	}
	t.Logf("%d pages and answers checked, %d events", s.checks, events)
}

// TestFakeSearchMatchesContract: searches that find contacts, messages,
// both and nothing, and the search's refusals of a missing or empty q.
func TestFakeSearchMatchesContract(t *testing.T) {
	s := newSweep(t, demoServer())
	for _, q := range []string{"dana", "Dana Whitfield", "example.com", "+1 415 555 0134", "4155550134",
		"refund", "charged twice", "REDACTED", "   ", "zzzz-no-such-thing", "é", "\x1b[31m"} {
		if w := s.do(http.MethodGet, "/chat/sessions/search?"+url.Values{"q": {q}}.Encode(), ""); w.Code != http.StatusOK {
			t.Errorf("q=%q: %d", q, w.Code)
		}
	}
	for _, bad := range []string{"", "?query=dana", "?q="} {
		if w := s.do(http.MethodGet, "/chat/sessions/search"+bad, ""); w.Code != http.StatusBadRequest {
			t.Errorf("search%s: %d, want 400", bad, w.Code)
		}
	}
}

// TestFakeWritesMatchContract: the status change with each status and
// option (and the options the contract allows that the client does not
// send), both redactions, and the writes' errors.
func TestFakeWritesMatchContract(t *testing.T) {
	srv := demoServer()
	s := newSweep(t, srv)
	id := demo.IDInstagram
	patch := "/chat/sessions/" + id
	for _, body := range []string{
		`{"status":"closed_resolved","generate_summary_and_sentiment_on_resolve":true,"reflect_status_change_for_integration":true}`,
		`{"status":"open"}`,
		`{"status":"closed_unresolved","generate_summary_and_sentiment_on_resolve":false}`,
		`{"status":"open","reflect_status_change_for_integration":true}`,
		`{"status":"closed_resolved","session_closed_payload":{}}`,
		`{}`,
	} {
		if w := s.do(http.MethodPatch, patch, body); w.Code != http.StatusOK {
			t.Errorf("PATCH %s: %d %s", body, w.Code, w.Body)
		}
	}
	// The session, its list page and its history after the writes.
	s.do(http.MethodGet, patch, "")
	s.walk(patch+"/history", nil)

	// A message to redact: the first with an id (some demo histories have
	// none, as the newer reference page shows), and the session it is in.
	var msgID, owner string
	for _, sid := range append([]string{demo.IDAngryHandoff}, srv.SessionIDs()...) {
		for _, raw := range s.walk("/chat/sessions/"+sid+"/history", nil) {
			var ev struct {
				ID    string
				Event struct{ Type string }
			}
			if json.Unmarshal(raw, &ev) == nil && ev.ID != "" && ev.Event.Type == "message" {
				msgID, owner = ev.ID, sid
				break
			}
		}
		if msgID != "" {
			break
		}
	}
	if msgID == "" {
		t.Fatal("no message with an id in any demo history")
	}
	for _, w := range []struct {
		path, body string
	}{
		{"/redaction/message", `{"messageId":"` + msgID + `","reason":"card number"}`},
		{"/redaction/message", `{"messageId":"` + msgID + `"}`}, // already redacted
		{"/redaction/session", `{"sessionId":"` + owner + `","reason":"GDPR request"}`},
		{"/redaction/session", `{"sessionId":"` + owner + `"}`},
	} {
		if r := s.do(http.MethodPost, w.path, w.body); r.Code != http.StatusCreated && r.Code != http.StatusOK {
			t.Errorf("POST %s %s: %d %s", w.path, w.body, r.Code, r.Body)
		}
	}
	s.walk("/chat/sessions/"+owner+"/history", nil)

	for _, bad := range []struct {
		method, path, body string
		status             int
	}{
		{http.MethodPatch, patch, `{"status":"closed"}`, http.StatusBadRequest},
		{http.MethodPatch, patch, `[]`, http.StatusBadRequest},
		{http.MethodPatch, "/chat/sessions/00000000-0000-4000-8000-000000000000", `{"status":"open"}`, http.StatusNotFound},
		{http.MethodPost, "/redaction/session", `{"sessionId":"not-a-uuid"}`, http.StatusBadRequest},
		{http.MethodPost, "/redaction/session", `{"sessionId":"00000000-0000-4000-8000-000000000000"}`, http.StatusNotFound},
		{http.MethodPost, "/redaction/message", `{"reason":"no id"}`, http.StatusBadRequest},
		{http.MethodPost, "/redaction/message", `{"messageId":"no-such-message"}`, http.StatusNotFound},
		{http.MethodPost, "/redaction/message", strings.Repeat(" ", 2<<20) + `{}`, http.StatusRequestEntityTooLarge},
	} {
		if w := s.do(bad.method, bad.path, bad.body); w.Code != bad.status {
			t.Errorf("%s %s %.40s: %d, want %d", bad.method, bad.path, bad.body, w.Code, bad.status)
		}
	}
	srv.SetReadOnly(true)
	if w := s.do(http.MethodPatch, patch, `{"status":"open"}`); w.Code != http.StatusForbidden {
		t.Errorf("read-only key: %d", w.Code)
	}
}

// TestFakeRoutingErrorsAreErrorDtos: a path or method the contract does not
// have has no operation to check against; the fake's 404 and 405 are still
// the API's ErrorDto, as JSON.
func TestFakeRoutingErrorsAreErrorDtos(t *testing.T) {
	doc, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	srv := demoServer()
	for _, c := range []struct{ method, path string }{
		{http.MethodGet, "/chat/threads"},
		{http.MethodGet, "/chat/sessions/"},
		{http.MethodGet, "/redaction/session"},
		{http.MethodPost, "/chat/sessions/" + demo.IDMinimal},
		{http.MethodDelete, "/chat/sessions/" + demo.IDMinimal},
	} {
		r := httptest.NewRequest(c.method, c.path, nil)
		r.Header.Set("Authorization", "Bearer "+fake.DemoKey)
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, r)
		if w.Code != http.StatusNotFound && w.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s %s: %d", c.method, c.path, w.Code)
		}
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%s %s: Content-Type %q", c.method, c.path, ct)
		}
		if err := doc.Validate("/components/schemas/ErrorDto", w.Body.Bytes()); err != nil {
			t.Errorf("%s %s: %v", c.method, c.path, err)
		}
	}
}

// TestFakeRateLimitMatchesContract: the 429 the fake sends when its rate
// limit is spent, and the demo's rate-limited session.
func TestFakeRateLimitMatchesContract(t *testing.T) {
	s := newSweep(t, demoServer(fake.WithRateLimit(1)))
	s.do(http.MethodGet, "/chat/sessions/"+demo.IDMinimal, "")
	if w := s.do(http.MethodGet, "/chat/sessions/"+demo.IDMinimal, ""); w.Code != http.StatusTooManyRequests {
		t.Errorf("second request: %d, want 429", w.Code)
	}
}

// TestOdditiesAreAllMet: every oddity the demo lists is one the contract
// refuses, somewhere the tests above look.
func TestOdditiesAreAllMet(t *testing.T) {
	srv := demoServer()
	s := newSweep(t, srv)
	s.walk("/chat/sessions", nil)
	for _, o := range demo.Oddities() {
		if o.SessionID != "" {
			s.do(http.MethodGet, "/chat/sessions/"+o.SessionID, "")
		}
	}
	s.wantMet(oddityNames()...)
}
