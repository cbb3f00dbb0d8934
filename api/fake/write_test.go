package fake_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// send sends a write to the handler in memory, with key as bearer token
// when it is not empty.
func send(h http.Handler, method, path, key, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if key != "" {
		r.Header.Set("Authorization", "Bearer "+key)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// patch sends PATCH /chat/sessions/{id} with the demo key.
func patch(h http.Handler, id, body string) *httptest.ResponseRecorder {
	return send(h, http.MethodPatch, "/chat/sessions/"+id, fake.DemoKey, body)
}

// listedIDs is the IDs of every session the list gives for q.
func listedIDs(t *testing.T, s *fake.Server, q url.Values) []string {
	t.Helper()
	items, _ := probe.Walk(t, s, "/chat/sessions", q)
	var ids []string
	for _, l := range probe.DecodeListed(t, items) {
		ids = append(ids, l.ID)
	}
	return ids
}

// sessionOf decodes GET /chat/sessions/{id}.
func sessionOf(t *testing.T, s *fake.Server, id string) probe.Listed {
	t.Helper()
	w := probe.Get(s, "/chat/sessions/"+id, fake.DemoKey)
	var l probe.Listed
	if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &l) != nil {
		t.Fatalf("GET %s: %d %s", id, w.Code, w.Body)
	}
	return l
}

// openSession is the first open session of the demo's list.
func openSession(t *testing.T, s *fake.Server) string {
	t.Helper()
	ids := listedIDs(t, s, url.Values{"status": {"open"}})
	if len(ids) == 0 {
		t.Fatal("the demo has no open session")
	}
	return ids[0]
}

// TestPatchStatusShows: after a PATCH the session's GET, its place in the
// list and the status filters, and its history show the change; the answer
// is 200 without a body; the request log keeps the body sent.
func TestPatchStatusShows(t *testing.T) {
	s := newTestServer()
	id := openSession(t, s)
	before := probe.History(t, s, id)

	body := `{"status":"closed_resolved","reflect_status_change_for_integration":true}`
	w := patch(s, id, body)
	probe.WantResponse(t, w, http.StatusOK, "", "")

	got := sessionOf(t, s, id)
	if got.Status != "closed_resolved" || !got.UpdatedAt.Equal(probe.Clock()) {
		t.Errorf("GET after PATCH: status %q, updated_at %v; want closed_resolved at %v", got.Status, got.UpdatedAt, probe.Clock())
	}
	if ids := listedIDs(t, s, url.Values{"status": {"open"}}); slices.Contains(ids, id) {
		t.Error("still listed as open")
	}
	closed := listedIDs(t, s, url.Values{"status": {"closed_resolved"}})
	if len(closed) == 0 || closed[0] != id {
		t.Errorf("closed_resolved list starts %v, want %s first: it was updated last", closed[:min(3, len(closed))], id)
	}
	pg, _ := probe.GetPage(t, s, "/chat/sessions", url.Values{"status": {"closed_resolved"}}, "")
	if l := probe.DecodeListed(t, pg.Items[:1])[0]; l.Status != "closed_resolved" || !l.UpdatedAt.Equal(probe.Clock()) {
		t.Errorf("list item: %+v", l)
	}

	after := probe.History(t, s, id)
	if len(after) != len(before)+1 {
		t.Fatalf("history has %d events, want %d", len(after), len(before)+1)
	}
	last := after[len(after)-1]
	if last.Event.Type != "status_change" || last.Event.Content.Text != "open → closed_resolved" ||
		last.Event.Sender.Type != "system" || !last.CreatedAt.Equal(probe.Clock()) || last.ID == "" {
		t.Errorf("last event %+v", last)
	}

	reqs := s.Requests()
	if r := reqs[len(reqs)-1]; r.Body != "" {
		t.Errorf("a GET recorded with body %q", r.Body)
	}
	if !slices.ContainsFunc(reqs, func(r fake.RecordedRequest) bool { return r.Method == http.MethodPatch && r.Body == body }) {
		t.Error("the PATCH and its body are not in the request log")
	}
}

// TestPatchWithoutStatus: the contract makes every key of the PATCH body
// optional and takes a session_closed_payload of any shape (the newer
// page); such a PATCH is 200 and changes nothing, where the fake used to
// answer 400 to what the API accepts.
func TestPatchWithoutStatus(t *testing.T) {
	s := newTestServer()
	id := openSession(t, s)
	before := probe.History(t, s, id)
	for _, body := range []string{`{}`, `{"session_closed_payload":{"note":"x"}}`, `{"reflect_status_change_for_integration":true}`} {
		probe.WantResponse(t, patch(s, id, body), http.StatusOK, "", "")
	}
	probe.WantResponse(t, patch(s, id, `{"status":"closed_resolved","session_closed_payload":[1]}`), http.StatusOK, "", "")
	if got := sessionOf(t, s, id); got.Status != "closed_resolved" {
		t.Errorf("status %q after a PATCH with a payload, want closed_resolved", got.Status)
	}
	if after := probe.History(t, s, id); len(after) != len(before)+1 {
		t.Errorf("%d events after, %d before: only the status change adds one", len(after), len(before))
	}
}

// TestPatchTouchesOnlyItsSession: other sessions' bodies and histories are
// the same bytes as before; a PATCH to the status a session has changes
// nothing at all.
func TestPatchTouchesOnlyItsSession(t *testing.T) {
	s := newTestServer()
	id := openSession(t, s)
	other := probe.Get(s, "/chat/sessions/"+demo.IDMinimal, fake.DemoKey).Body.String()
	otherHist := probe.Get(s, "/chat/sessions/"+demo.IDMinimal+"/history", fake.DemoKey).Body.String()
	self := probe.Get(s, "/chat/sessions/"+id, fake.DemoKey).Body.String()
	selfHist := probe.Get(s, "/chat/sessions/"+id+"/history", fake.DemoKey).Body.String()

	if w := patch(s, id, `{"status":"open"}`); w.Code != http.StatusOK {
		t.Fatalf("PATCH to the same status: %d", w.Code)
	}
	if probe.Get(s, "/chat/sessions/"+id, fake.DemoKey).Body.String() != self ||
		probe.Get(s, "/chat/sessions/"+id+"/history", fake.DemoKey).Body.String() != selfHist {
		t.Error("a PATCH to the same status changed the session")
	}

	patch(s, id, `{"status":"closed_unresolved"}`)
	if probe.Get(s, "/chat/sessions/"+demo.IDMinimal, fake.DemoKey).Body.String() != other ||
		probe.Get(s, "/chat/sessions/"+demo.IDMinimal+"/history", fake.DemoKey).Body.String() != otherHist {
		t.Error("a PATCH changed another session")
	}
	// Only status and updated_at differ, and the keys keep their order.
	var a, b map[string]any
	_ = json.Unmarshal([]byte(self), &a)
	after := probe.Get(s, "/chat/sessions/"+id, fake.DemoKey).Body.String()
	_ = json.Unmarshal([]byte(after), &b)
	for k := range a {
		if k != "status" && k != "updated_at" && mustMarshal(a[k]) != mustMarshal(b[k]) {
			t.Errorf("%s changed: %v → %v", k, a[k], b[k])
		}
	}
	if strings.Index(after, `"status"`) != strings.Index(self, `"status"`) {
		t.Error("the body's keys moved")
	}
}

func mustMarshal(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestWriteBadBodies: every body the contract refuses is 400 with an
// ErrorDto naming the problem, and changes nothing.
func TestWriteBadBodies(t *testing.T) {
	s := newTestServer()
	id := openSession(t, s)
	for _, c := range []struct {
		path, body, want string
	}{
		{"/chat/sessions/" + id, ``, "the request body must be a JSON object"},
		{"/chat/sessions/" + id, `[]`, "the request body must be a JSON object"},
		{"/chat/sessions/" + id, `null`, "the request body must be a JSON object"},
		{"/chat/sessions/" + id, `{"status":"closed"}`, "status must be one of the following values: open, closed_resolved, closed_unresolved"},
		{"/chat/sessions/" + id, `{"status":null}`, "status must be one of the following values: open, closed_resolved, closed_unresolved"},
		{"/chat/sessions/" + id, `{"status":"open","extra":1}`, "property extra should not exist"},
		{"/chat/sessions/" + id, `{"status":"open","reflect_status_change_for_integration":"yes"}`, "reflect_status_change_for_integration must be a boolean value"},
		{"/chat/sessions/" + id, `{"status":"open","generate_summary_and_sentiment_on_resolve":null}`, "generate_summary_and_sentiment_on_resolve must be a boolean value"},
		{"/chat/sessions/" + id, `{"b":1,"a":2}`, "property a should not exist; property b should not exist"},
		{"/redaction/session", `{}`, "sessionId must be a string"},
		{"/redaction/session", `{"sessionId":"abc"}`, "sessionId must be a UUID"},
		{"/redaction/session", `{"sessionId":"` + id + `","reason":5}`, "reason must be a string"},
		{"/redaction/session", `{"sessionId":"` + id + `","messageId":"x"}`, "property messageId should not exist"},
		{"/redaction/message", `{"messageId":""}`, "messageId should not be empty"},
		{"/redaction/message", `{"messageId":7}`, "messageId must be a string"},
		{"/redaction/message", `"x"`, "the request body must be a JSON object"},
	} {
		method := http.MethodPost
		if strings.HasPrefix(c.path, "/chat/") {
			method = http.MethodPatch
		}
		w := send(s, method, c.path, fake.DemoKey, c.body)
		if w.Code != http.StatusBadRequest {
			t.Errorf("%s %s: status %d, want 400", c.path, c.body, w.Code)
			continue
		}
		if e := errorBody(t, w.Body.Bytes()); e.Message != c.want || e.StatusCode != 400 || e.Error != "Bad Request" {
			t.Errorf("%s %s: %+v, want message %q", c.path, c.body, e, c.want)
		}
	}
	if got := sessionOf(t, s, id); got.Status != "open" {
		t.Errorf("a bad body changed the status to %q", got.Status)
	}
}

// TestWriteAuthAndRoutes: 401 without or with a wrong key, before anything
// is read; 404 for a session or message the server does not have; 405 for
// a method a route does not take.
func TestWriteAuthAndRoutes(t *testing.T) {
	s := newTestServer()
	id := openSession(t, s)
	for _, key := range []string{"", "wrong"} {
		for _, c := range [][3]string{
			{http.MethodPatch, "/chat/sessions/" + id, `{"status":"closed_resolved"}`},
			{http.MethodPost, "/redaction/session", `{"sessionId":"` + id + `"}`},
			{http.MethodPost, "/redaction/message", `{"messageId":"x"}`},
		} {
			probe.WantResponse(t, send(s, c[0], c[1], key, c[2]), http.StatusUnauthorized, probe.JSONContentType, unauthorizedBody)
		}
	}
	if got := sessionOf(t, s, id); got.Status != "open" {
		t.Error("an unauthorized PATCH changed the session")
	}

	const unknown = "00000000-0000-4000-8000-000000000000"
	probe.WantResponse(t, patch(s, unknown, `{"status":"open"}`), http.StatusNotFound, probe.JSONContentType, notFoundBody)
	probe.WantResponse(t, send(s, http.MethodPost, "/redaction/session", fake.DemoKey, `{"sessionId":"`+unknown+`"}`),
		http.StatusNotFound, probe.JSONContentType, notFoundBody)
	probe.WantResponse(t, send(s, http.MethodPost, "/redaction/message", fake.DemoKey, `{"messageId":"no-such-message"}`),
		http.StatusNotFound, probe.JSONContentType, `{"statusCode":404,"message":"Message not found","error":"Not Found"}`)

	w := send(s, http.MethodGet, "/redaction/session", fake.DemoKey, "")
	if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "POST" {
		t.Errorf("GET /redaction/session: %d, Allow %q", w.Code, w.Header().Get("Allow"))
	}
	w = send(s, http.MethodPost, "/chat/sessions/"+id, fake.DemoKey, `{}`)
	if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, PATCH" {
		t.Errorf("POST session: %d, Allow %q", w.Code, w.Header().Get("Allow"))
	}
}

// withAttachments is a demo session whose history has a message with an
// attachment, and its events.
func withAttachments(t *testing.T, s *fake.Server) (string, []probe.HistoryItem) {
	t.Helper()
	for _, id := range s.SessionIDs() {
		h := probe.History(t, s, id)
		if slices.ContainsFunc(h, func(e probe.HistoryItem) bool { return len(e.Event.Attachments) > 0 }) {
			return id, h
		}
	}
	t.Fatal("no demo session has an attachment")
	return "", nil
}

// redactionResult is the answer to a redaction.
type redactionResult struct {
	Success          bool     `json:"success"`
	Message          string   `json:"message"`
	ItemID           string   `json:"itemId"`
	RedactionType    string   `json:"redactionType"`
	AffectedCount    float64  `json:"affectedCount"`
	MessagesRedacted *float64 `json:"messagesRedacted"`
}

func redactionOf(t *testing.T, w *httptest.ResponseRecorder) redactionResult {
	t.Helper()
	var r redactionResult
	if w.Code != http.StatusCreated || w.Header().Get("Content-Type") != probe.JSONContentType || json.Unmarshal(w.Body.Bytes(), &r) != nil {
		t.Fatalf("redaction: %d %q %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	return r
}

// TestRedactSession: every message's text becomes [REDACTED] and its
// attachments go; other events stay; the counts are the messages changed;
// a second redaction changes nothing and says so; the search no longer
// finds the old text; the session's body is untouched.
func TestRedactSession(t *testing.T) {
	s := newTestServer()
	id, before := withAttachments(t, s)
	body := probe.Get(s, "/chat/sessions/"+id, fake.DemoKey).Body.String()
	messages := 0
	var word string
	for _, e := range before {
		if e.Event.Type == "message" {
			messages++
			if f := strings.Fields(e.Event.Content.Text); word == "" && len(f) > 0 && len(f[len(f)-1]) > 6 {
				word = f[len(f)-1]
			}
		}
	}

	r := redactionOf(t, send(s, http.MethodPost, "/redaction/session", fake.DemoKey, `{"sessionId":"`+id+`","reason":"GDPR"}`))
	if !r.Success || r.ItemID != id || r.RedactionType != "session" || r.AffectedCount != float64(messages) ||
		r.MessagesRedacted == nil || *r.MessagesRedacted != float64(messages) {
		t.Errorf("answer %+v, want %d messages", r, messages)
	}
	after := probe.History(t, s, id)
	if len(after) != len(before) {
		t.Fatalf("%d events, want %d", len(after), len(before))
	}
	for i, e := range after {
		switch {
		case e.Event.Type == "message" && (e.Event.Content.Text != "[REDACTED]" || len(e.Event.Attachments) > 0):
			t.Errorf("event %d not redacted: %+v", i, e.Event)
		case e.ID != before[i].ID || e.Event.Sender != before[i].Event.Sender:
			t.Errorf("event %d: id or sender changed", i)
		case e.Event.Type != "message" && e.Event.Content.Text != before[i].Event.Content.Text:
			t.Errorf("event %d (%s) changed", i, e.Event.Type)
		}
	}
	if got := probe.Get(s, "/chat/sessions/"+id, fake.DemoKey).Body.String(); got != body {
		t.Error("the session's body changed")
	}
	if word != "" {
		w := probe.Get(s, "/chat/sessions/search?q="+url.QueryEscape(word), fake.DemoKey)
		var res struct {
			Messages []struct {
				SessionID string `json:"session_id"`
			}
		}
		_ = json.Unmarshal(w.Body.Bytes(), &res)
		for _, m := range res.Messages {
			if m.SessionID == id {
				t.Errorf("search %q still finds the redacted session", word)
			}
		}
	}

	again := redactionOf(t, send(s, http.MethodPost, "/redaction/session", fake.DemoKey, `{"sessionId":"`+id+`"}`))
	if again.AffectedCount != 0 || *again.MessagesRedacted != 0 {
		t.Errorf("second redaction: %+v", again)
	}
}

// TestRedactMessage: only that message changes; the answer has no
// messagesRedacted; a second time counts 0; a non-message event is 404.
func TestRedactMessage(t *testing.T) {
	s := newTestServer()
	id, before := withAttachments(t, s)
	i := slices.IndexFunc(before, func(e probe.HistoryItem) bool { return len(e.Event.Attachments) > 0 })
	msg := before[i].ID

	r := redactionOf(t, send(s, http.MethodPost, "/redaction/message", fake.DemoKey, `{"messageId":"`+msg+`"}`))
	if !r.Success || r.ItemID != msg || r.RedactionType != "message" || r.AffectedCount != 1 || r.MessagesRedacted != nil {
		t.Errorf("answer %+v", r)
	}
	after := probe.History(t, s, id)
	for j, e := range after {
		if j == i {
			if e.Event.Content.Text != "[REDACTED]" || len(e.Event.Attachments) != 0 || e.ID != msg {
				t.Errorf("message not redacted: %+v", e)
			}
			continue
		}
		if mustMarshal(e) != mustMarshal(before[j]) {
			t.Errorf("event %d changed", j)
		}
	}
	if again := redactionOf(t, send(s, http.MethodPost, "/redaction/message", fake.DemoKey, `{"messageId":"`+msg+`"}`)); again.AffectedCount != 0 {
		t.Errorf("second time: %+v", again)
	}

	// A status change then keeps the redaction: writes build on each other.
	if w := patch(s, id, `{"status":"open"}`); w.Code != http.StatusOK {
		t.Fatal(w.Code)
	}
	if h := probe.History(t, s, id); h[i].Event.Content.Text != "[REDACTED]" {
		t.Error("a later write undid the redaction")
	}
	for _, e := range probe.History(t, s, id) {
		if e.Event.Type == "status_change" {
			w := send(s, http.MethodPost, "/redaction/message", fake.DemoKey, `{"messageId":"`+e.ID+`"}`)
			if w.Code != http.StatusNotFound {
				t.Errorf("redacting a status_change event: %d, want 404", w.Code)
			}
			break
		}
	}
}

// TestWriteFaults: each fault answers for its own session or message only,
// and a write answered with a fault changes nothing.
func TestWriteFaults(t *testing.T) {
	probeSrv := newTestServer()
	id := openSession(t, probeSrv)
	otherID := listedIDs(t, probeSrv, url.Values{"status": {"open"}})[1]
	_, hist := withAttachments(t, probeSrv)
	msg := hist[slices.IndexFunc(hist, func(e probe.HistoryItem) bool { return e.Event.Type == "message" })].ID

	faults := []struct {
		name   string
		fault  fake.Fault
		status int
	}{
		{"403", fake.ErrorFault(http.StatusForbidden, "Forbidden resource"), http.StatusForbidden},
		{"404", fake.ErrorFault(http.StatusNotFound, "Chat session not found"), http.StatusNotFound},
		{"500", fake.ErrorFault(http.StatusInternalServerError, "Internal server error"), http.StatusInternalServerError},
		{"429", fake.RateLimited(100, 17), http.StatusTooManyRequests},
	}
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			s := newTestServer(
				fake.WithStatusFault(id, f.fault),
				fake.WithRedactSessionFault(id, f.fault),
				fake.WithRedactMessageFault(msg, f.fault),
			)
			check := func(what string, w *httptest.ResponseRecorder) {
				t.Helper()
				if w.Code != f.status || w.Body.String() != f.fault.Body {
					t.Errorf("%s: %d %s", what, w.Code, w.Body)
				}
				if f.status == http.StatusTooManyRequests && w.Header().Get("Retry-After") != "17" {
					t.Errorf("%s: Retry-After %q", what, w.Header().Get("Retry-After"))
				}
			}
			check("PATCH", patch(s, id, `{"status":"closed_resolved"}`))
			check("redact session", send(s, http.MethodPost, "/redaction/session", fake.DemoKey, `{"sessionId":"`+id+`"}`))
			check("redact message", send(s, http.MethodPost, "/redaction/message", fake.DemoKey, `{"messageId":"`+msg+`"}`))
			if got := sessionOf(t, s, id); got.Status != "open" {
				t.Error("a faulty PATCH changed the session")
			}
			if h := probe.History(t, s, id); slices.ContainsFunc(h, func(e probe.HistoryItem) bool { return e.Event.Content.Text == "[REDACTED]" }) {
				t.Error("a faulty redaction redacted")
			}
			// Another session writes normally; its GET is not faulty.
			if w := patch(s, otherID, `{"status":"closed_resolved"}`); w.Code != http.StatusOK {
				t.Errorf("other session: %d", w.Code)
			}
			if w := probe.Get(s, "/chat/sessions/"+id, fake.DemoKey); w.Code != http.StatusOK {
				t.Errorf("GET of the session with a write fault: %d", w.Code)
			}
			// A bad body is still 400: the fault is for valid writes.
			if w := patch(s, id, `{"status":"closed"}`); w.Code != http.StatusBadRequest {
				t.Errorf("bad body with a fault: %d", w.Code)
			}
		})
	}

	t.Run("all writes, then cleared", func(t *testing.T) {
		s := newTestServer(fake.WithWritesFault(fake.ErrorFault(http.StatusBadGateway, "Bad gateway")))
		if w := patch(s, id, `{"status":"closed_resolved"}`); w.Code != http.StatusBadGateway {
			t.Errorf("PATCH: %d", w.Code)
		}
		s.ClearWriteFaults()
		if w := patch(s, id, `{"status":"closed_resolved"}`); w.Code != http.StatusOK {
			t.Errorf("PATCH after ClearWriteFaults: %d", w.Code)
		}
	})

	t.Run("WithoutFaults removes them", func(t *testing.T) {
		s := newTestServer(fake.WithStatusFault(id, fake.ErrorFault(500, "x")), fake.WithoutFaults())
		if w := patch(s, id, `{"status":"closed_resolved"}`); w.Code != http.StatusOK {
			t.Errorf("PATCH: %d", w.Code)
		}
	})

	t.Run("a header-only fault", func(t *testing.T) {
		s := newTestServer(fake.WithRedactMessageFault(msg, fake.Fault{Header: http.Header{"X-Request-Id": {"req_7"}}}))
		w := send(s, http.MethodPost, "/redaction/message", fake.DemoKey, `{"messageId":"`+msg+`"}`)
		if r := redactionOf(t, w); r.AffectedCount != 1 || w.Header().Get("X-Request-Id") != "req_7" {
			t.Errorf("%+v, header %q", r, w.Header().Get("X-Request-Id"))
		}
	})
}

// TestReadOnlyKey: the key reads, and every write is 403 and changes
// nothing, until SetReadOnly(false).
func TestReadOnlyKey(t *testing.T) {
	s := newTestServer(fake.WithReadOnlyKey())
	id := openSession(t, s)
	forbidden := `{"statusCode":403,"message":"This API key may not change data","error":"Forbidden"}`
	probe.WantResponse(t, patch(s, id, `{"status":"closed_resolved"}`), http.StatusForbidden, probe.JSONContentType, forbidden)
	probe.WantResponse(t, send(s, http.MethodPost, "/redaction/session", fake.DemoKey, `{"sessionId":"`+id+`"}`), http.StatusForbidden, probe.JSONContentType, forbidden)
	probe.WantResponse(t, send(s, http.MethodPost, "/redaction/message", fake.DemoKey, `{"messageId":"x"}`), http.StatusForbidden, probe.JSONContentType, forbidden)
	// The 403 comes before the body is looked at, as a guard runs before
	// validation.
	probe.WantResponse(t, patch(s, id, `{"status":"closed"}`), http.StatusForbidden, probe.JSONContentType, forbidden)
	if got := sessionOf(t, s, id); got.Status != "open" {
		t.Error("a read-only write changed the session")
	}
	// A wrong key is still 401, not 403.
	probe.WantResponse(t, send(s, http.MethodPatch, "/chat/sessions/"+id, "wrong", `{"status":"open"}`), http.StatusUnauthorized, probe.JSONContentType, unauthorizedBody)
	s.SetReadOnly(false)
	if w := patch(s, id, `{"status":"closed_resolved"}`); w.Code != http.StatusOK {
		t.Errorf("after SetReadOnly(false): %d", w.Code)
	}
}

// TestSlowWrite: a delayed write is applied once the delay has passed; one
// given up during the delay is not applied at all.
func TestSlowWrite(t *testing.T) {
	s := newTestServer()
	id := openSession(t, s)
	s.SetStatusFault(id, fake.Fault{Delay: 50 * time.Millisecond})
	start := time.Now()
	if w := patch(s, id, `{"status":"closed_resolved"}`); w.Code != http.StatusOK || time.Since(start) < 50*time.Millisecond {
		t.Errorf("slow PATCH: %d after %v", w.Code, time.Since(start))
	}
	if got := sessionOf(t, s, id); got.Status != "closed_resolved" {
		t.Errorf("after the delay: %q", got.Status)
	}

	s.SetStatusFault(id, fake.Fault{Delay: time.Hour})
	base, stop, err := s.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPatch, base+"/chat/sessions/"+id, strings.NewReader(`{"status":"open"}`))
	req.Header.Set("Authorization", "Bearer "+fake.DemoKey)
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	if resp, err := (&http.Client{Transport: tr}).Do(req); err == nil {
		resp.Body.Close()
		t.Fatal("a PATCH delayed an hour answered")
	} else if !errors.Is(err, context.DeadlineExceeded) {
		t.Logf("error: %v", err)
	}
	stop() // waits for the handler, so the check below sees its outcome
	if got := sessionOf(t, s, id); got.Status != "closed_resolved" {
		t.Errorf("a PATCH given up during its delay was applied: %q", got.Status)
	}
}

// TestStrictWrites: a strict server plans writes like reads.
func TestStrictWrites(t *testing.T) {
	id := demo.IDMinimal
	rec := &recorder{}
	s := newTestServer(fake.Strict(rec,
		fake.Expect(http.MethodPatch, "/chat/sessions/"+id),
		fake.Expect(http.MethodPost, "/redaction/session"),
	))
	patch(s, id, `{"status":"closed_resolved"}`)
	send(s, http.MethodPost, "/redaction/session", fake.DemoKey, `{"sessionId":"`+id+`"}`)
	send(s, http.MethodPost, "/redaction/message", fake.DemoKey, `{"messageId":"x"}`)
	want := []string{"fake: unplanned request POST /redaction/message"}
	if got := rec.reported(); !slices.Equal(got, want) {
		t.Errorf("reported %q, want %q", got, want)
	}
	rec.end()
	if got := rec.reported(); len(got) != 1 {
		t.Errorf("at cleanup: %q", got[1:])
	}

	rec = &recorder{}
	newTestServer(fake.Strict(rec, fake.Expect(http.MethodPatch, "/chat/sessions/"+id)))
	rec.end()
	if got := rec.reported(); len(got) != 1 || !strings.Contains(got[0], "PATCH /chat/sessions/"+id+" (0 of 1") {
		t.Errorf("unused PATCH stub: %q", got)
	}
}

// TestConcurrentWrites: writes and reads at once, for the race detector;
// every PATCH lands, each adding its event.
func TestConcurrentWrites(t *testing.T) {
	s := newTestServer()
	ids := listedIDs(t, s, url.Values{"status": {"open"}})[:8]
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(2)
		go func() {
			defer wg.Done()
			patch(s, id, `{"status":"closed_unresolved"}`)
			send(s, http.MethodPost, "/redaction/session", fake.DemoKey, `{"sessionId":"`+id+`"}`)
		}()
		go func() {
			defer wg.Done()
			probe.Get(s, "/chat/sessions?status=open", fake.DemoKey)
			probe.Get(s, "/chat/sessions/"+id+"/history", fake.DemoKey)
			probe.Get(s, "/chat/sessions/search?q=order", fake.DemoKey)
		}()
	}
	wg.Wait()
	unresolved := listedIDs(t, s, url.Values{"status": {"closed_unresolved"}})
	for _, id := range ids {
		if !slices.Contains(unresolved, id) {
			t.Errorf("%s not closed", id)
		}
	}
}
