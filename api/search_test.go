package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// searchClock fixes the fake's clock, so its generated sessions, and with
// them the list's pages, are the same in every run.
func searchClock() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }

// starContactID decodes the star fixture for its contact's id.
func starContactID(t *testing.T) string {
	t.Helper()
	body, _ := demo.Fixture(demo.IDAngryHandoff)
	var s api.Session
	if err := json.Unmarshal(body, &s); err != nil || s.Contact == nil || s.Contact.ID == "" {
		t.Fatalf("the star fixture has no contact id (%v)", err)
	}
	return s.Contact.ID
}

func TestSearchDecode(t *testing.T) {
	const ctype = "application/json; charset=utf-8"
	tests := []struct {
		name     string
		body     string
		contacts []api.SearchContact
		messages []api.SearchMessage
		skipped  []api.Skipped
	}{
		{
			name: "both kinds",
			body: `{"contacts":[{"id":"c1","name":"Dana Whitfield","email":"dana@example.com","phone":"+1 415 555 0134"}],
				"messages":[{"id":"m1","session_id":"s1","message":"chargeback","type":"contact"}]}`,
			contacts: []api.SearchContact{{ID: "c1", Name: "Dana Whitfield", Email: "dana@example.com", Phone: "+1 415 555 0134"}},
			messages: []api.SearchMessage{{ID: "m1", SessionID: "s1", Message: "chargeback", Type: "contact"}},
		},
		{
			name:     "nulls and absent fields are empty",
			body:     `{"contacts":[{"id":"c1","name":null,"email":null},{"id":"c2","phone":null,"extra":{"new":true}}],"messages":[{"id":null,"session_id":"s1","message":null,"type":null}]}`,
			contacts: []api.SearchContact{{ID: "c1"}, {ID: "c2"}},
			messages: []api.SearchMessage{{SessionID: "s1"}},
		},
		{
			name: "odd items are skipped, the rest kept",
			body: `{"contacts":[null,"corrupted",{"name":"no id"},{"id":"c1","phone":4155550134},{"id":"c2","name":"Kept"}],
				"messages":[{"id":"m1","message":"no session"},[],{"id":"m2","session_id":"s2","message":"kept","type":"ai"},{"id":"m3","session_id":7}]}`,
			contacts: []api.SearchContact{{ID: "c2", Name: "Kept"}},
			messages: []api.SearchMessage{{ID: "m2", SessionID: "s2", Message: "kept", Type: "ai"}},
			skipped: []api.Skipped{
				{Index: 0, Reason: "contact: no contact id"},
				{Index: 1, Reason: "contact: expected an object, got a JSON string"},
				{Index: 2, Reason: "contact: no contact id"},
				{Index: 3, Reason: "contact: field phone: expected string, got a JSON number"},
				{Index: 0, Reason: "message: no session id"},
				{Index: 1, Reason: "message: expected an object, got a JSON array"},
				{Index: 3, Reason: "message: field session_id: expected string, got a JSON number"},
			},
		},
		{name: "empty arrays", body: `{"contacts":[],"messages":[]}`},
		{name: "null arrays", body: `{"contacts":null,"messages":null}`},
		{name: "absent arrays", body: `{}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := serve(t, respond(200, ctype, tc.body))
			got, err := newClient(t, srv.URL).Search(context.Background(), "dana")
			if err != nil {
				t.Fatal(err)
			}
			if got.Contacts == nil || got.Messages == nil {
				t.Errorf("nil slices: %+v", got)
			}
			if len(got.Contacts)+len(tc.contacts) > 0 && !reflect.DeepEqual(got.Contacts, tc.contacts) {
				t.Errorf("Contacts = %+v, want %+v", got.Contacts, tc.contacts)
			}
			if len(got.Messages)+len(tc.messages) > 0 && !reflect.DeepEqual(got.Messages, tc.messages) {
				t.Errorf("Messages = %+v, want %+v", got.Messages, tc.messages)
			}
			if !reflect.DeepEqual(got.Skipped, tc.skipped) {
				t.Errorf("Skipped = %+v, want %+v", got.Skipped, tc.skipped)
			}
		})
	}
}

// TestSearchBadEnvelope: items decode leniently, the envelope does not: a
// body that is not a search result at all is a decode error.
func TestSearchBadEnvelope(t *testing.T) {
	for _, body := range []string{`[]`, `{"contacts":{"id":"c1"}}`, `{"messages":"none"}`, `{"contacts":[`} {
		srv := serve(t, respond(200, "application/json", body))
		_, err := newClient(t, srv.URL).Search(context.Background(), "dana")
		if e := asError(t, err, srv.URL); e.Kind != api.KindDecode || e.Op != "search" {
			t.Errorf("%s: kind %s, op %q", body, kindName(e.Kind), e.Op)
		}
	}
}

func TestSearchQueryEscaping(t *testing.T) {
	type seen struct{ path, rawQuery, query string }
	var mu sync.Mutex
	var last seen
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		last = seen{r.URL.Path, r.URL.RawQuery, r.URL.Query().Get("q")}
		mu.Unlock()
		respond(200, "application/json", `{"contacts":[],"messages":[]}`)(w, r)
	}))
	c := newClient(t, srv.URL)
	for _, q := range []string{
		"dana whitfield",
		"+1 415 555 0134",
		"tom&jerry=friends",
		"50% off #1?/x",
		"山田 花子",
		"Анна Смирнова",
		"محمد العتيبي",
	} {
		if _, err := c.Search(context.Background(), q); err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		mu.Lock()
		got := last
		mu.Unlock()
		if got.path != "/chat/sessions/search" || got.query != q {
			t.Errorf("%q: the server saw path %q, query %q", q, got.path, got.query)
		}
		if want := "q=" + url.QueryEscape(q); got.rawQuery != want {
			t.Errorf("%q: raw query %q, want %q", q, got.rawQuery, want)
		}
		if strings.ContainsAny(got.rawQuery, " &#?") || strings.Count(got.rawQuery, "=") != 1 {
			t.Errorf("%q: raw query %q is not escaped", q, got.rawQuery)
		}
	}

	// A pasted address loses the whitespace it was pasted with.
	if _, err := c.Search(context.Background(), "\t dana@example.com\n"); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if last.query != "dana@example.com" {
		t.Errorf("query sent as %q", last.query)
	}
}

func TestSearchEmptyQuery(t *testing.T) {
	var mu sync.Mutex
	requests := 0
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests++
		mu.Unlock()
	}))
	c := newClient(t, srv.URL)
	for _, q := range []string{"", "  ", "\n\t"} {
		res, err := c.Search(context.Background(), q)
		if err == nil || res != nil || err.Error() != "empty search query" {
			t.Errorf("%q: got %v, %v", q, res, err)
		}
		var e *api.Error
		if errors.As(err, &e) {
			t.Errorf("%q: an *api.Error (%v); the mistake is the caller's, not the server's", q, e)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if requests != 0 {
		t.Errorf("%d requests sent for empty queries", requests)
	}
}

func TestSearchErrors(t *testing.T) {
	const errorDto = `{"statusCode":400,"message":"query should not be empty","error":"Bad Request"}`
	tests := []struct {
		name    string
		h       http.HandlerFunc
		kind    api.Kind
		status  int
		message string
		excerpt string
	}{
		{"401", respond(401, "application/json", `{"statusCode":401,"message":"Invalid API key","error":"Unauthorized"}`),
			api.KindUnauthorized, 401, "Invalid API key", ""},
		{"400 ErrorDto", respond(400, "application/json", errorDto), api.KindHTTP, 400, "query should not be empty", ""},
		{"500 HTML", respond(500, "text/html", "<html><body><h1>500 Internal Server Error</h1></body></html>"),
			api.KindNotJSON, 500, "", "500 Internal Server Error"},
		{"200 HTML", respond(200, "text/html", "<html><body>Sign in</body></html>"), api.KindNotJSON, 200, "", "Sign in"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := serve(t, tc.h)
			res, err := newClient(t, srv.URL).Search(context.Background(), "dana")
			e := asError(t, err, srv.URL)
			if res != nil {
				t.Errorf("a result next to an error: %+v", res)
			}
			if e.Kind != tc.kind || e.Status != tc.status || e.Op != "search" {
				t.Errorf("kind %s, status %d, op %q; want %s, %d, \"search\"", kindName(e.Kind), e.Status, e.Op, kindName(tc.kind), tc.status)
			}
			if e.Message != tc.message || !strings.Contains(e.Excerpt, tc.excerpt) {
				t.Errorf("message %q, excerpt %q", e.Message, e.Excerpt)
			}
		})
	}
}

// TestSearchFake: the client against the fake, from what a support lead
// pastes (an email, a phone number written otherwise, a name in its own
// script) to the contact, and from the contact to the star session.
func TestSearchFake(t *testing.T) {
	_, base := startFake(t, fake.New(fake.WithCatalog(demo.Catalog(demo.WithRecentDates())), fake.WithClock(searchClock)))
	c := newClientKey(t, base, fake.DemoKey)
	star := starContactID(t)
	for _, q := range []string{"dana.whitfield@example.com", "Whitfield", "(415) 555-0134"} {
		res, err := c.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		want := api.SearchContact{ID: star, Name: "Dana Whitfield", Email: "dana.whitfield@example.com", Phone: "+1 415 555 0134"}
		if len(res.Contacts) != 1 || res.Contacts[0] != want || len(res.Skipped) != 0 {
			t.Errorf("%q: %+v", q, res)
		}
	}

	res, err := c.Search(context.Background(), "山田 花子")
	if err != nil || len(res.Contacts) != 1 || res.Contacts[0].Name != "山田 花子" {
		t.Errorf("non-Latin name: %+v, %v", res, err)
	}

	res, err = c.Search(context.Background(), "filing a chargeback")
	if err != nil || len(res.Messages) != 1 || res.Messages[0].SessionID != demo.IDAngryHandoff || res.Messages[0].Type != "contact" {
		t.Errorf("message: %+v, %v", res, err)
	}

	res, err = c.Search(context.Background(), "zqxj-nothing")
	if err != nil || len(res.Contacts) != 0 || len(res.Messages) != 0 {
		t.Errorf("no match: %+v, %v", res, err)
	}
}

func TestSearchFakeErrors(t *testing.T) {
	srv, base := startFake(t, fake.New(fake.WithCatalog(demo.Catalog(demo.WithGenerated(10))), fake.WithClock(searchClock),
		fake.WithSearchFault(fake.Fault{Status: 500, ContentType: "text/html", Body: "<h1>Internal Server Error</h1>"})))

	_, err := newClientKey(t, base, "wrong-key").Search(context.Background(), "dana")
	if e := asError(t, err, base); e.Kind != api.KindUnauthorized || e.Status != 401 {
		t.Errorf("wrong key: kind %s, status %d", kindName(e.Kind), e.Status)
	}

	c := newClientKey(t, base, fake.DemoKey)
	_, err = c.Search(context.Background(), "dana")
	if e := asError(t, err, base); e.Kind != api.KindNotJSON || e.Status != 500 || e.Excerpt != "Internal Server Error" {
		t.Errorf("500 HTML: kind %s, status %d, excerpt %q", kindName(e.Kind), e.Status, e.Excerpt)
	}

	srv.ClearSearchFault()
	if _, err := c.Search(context.Background(), "dana"); err != nil {
		t.Errorf("after the fault: %v", err)
	}
}
