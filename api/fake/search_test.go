package fake_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// searchContactJSON and searchResult are the search answer as a client
// reads it; a null field decodes as nil.
type searchContactJSON struct {
	ID    string  `json:"id"`
	Name  *string `json:"name"`
	Email *string `json:"email"`
	Phone *string `json:"phone"`
}

type searchMessageJSON struct {
	ID        string `json:"id"`
	SessionID string `json:"session_id"`
	Message   string `json:"message"`
	Type      string `json:"type"`
}

type searchResult struct {
	Contacts []searchContactJSON `json:"contacts"`
	Messages []searchMessageJSON `json:"messages"`
}

// search sends GET /chat/sessions/search?q=… and decodes a 200 answer,
// failing the test on anything else.
func search(t *testing.T, s *fake.Server, q string) searchResult {
	t.Helper()
	path := "/chat/sessions/search?" + url.Values{"q": {q}}.Encode()
	w := probe.Get(s, path, fake.DemoKey)
	if w.Code != http.StatusOK {
		t.Fatalf("GET %s: status %d: %s", path, w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != probe.JSONContentType {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	var r searchResult
	if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil {
		t.Fatalf("GET %s: %v: %s", path, err, w.Body)
	}
	if r.Contacts == nil || r.Messages == nil {
		t.Fatalf("GET %s: contacts or messages missing or null: %s", path, w.Body)
	}
	return r
}

// fixtureContact decodes the contact of a demo fixture.
func fixtureContact(t *testing.T, id string) searchContactJSON {
	t.Helper()
	body, ok := demo.Fixture(id)
	if !ok {
		t.Fatalf("no fixture %s", id)
	}
	var v struct {
		Contact struct {
			ID          string  `json:"id"`
			Name        *string `json:"name"`
			Email       *string `json:"email"`
			PhoneNumber *string `json:"phone_number"`
		} `json:"contact"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatal(err)
	}
	c := v.Contact
	return searchContactJSON{ID: c.ID, Name: c.Name, Email: c.Email, Phone: c.PhoneNumber}
}

func str(p *string) string {
	if p == nil {
		return "<null>"
	}
	return *p
}

func sameContact(a, b searchContactJSON) bool {
	return a.ID == b.ID && str(a.Name) == str(b.Name) && str(a.Email) == str(b.Email) && str(a.Phone) == str(b.Phone)
}

func TestSearchContacts(t *testing.T) {
	t.Parallel()
	s := newTestServer()
	dana := fixtureContact(t, demo.IDAngryHandoff)
	hanako := fixtureContact(t, demo.IDNonLatin)
	for _, tc := range []struct {
		name, query string
		want        searchContactJSON
	}{
		{"email", "dana.whitfield@example.com", dana},
		{"email in capitals", "DANA.Whitfield@Example.COM", dana},
		{"email pasted with spaces", "  dana.whitfield@example.com\n", dana},
		{"name part", "whitf", dana},
		{"name part in capitals", "WHITFIELD", dana},
		{"phone as stored", "+1 415 555 0134", dana},
		{"phone digits", "4155550134", dana},
		{"phone formatted otherwise", "+1 (415) 555-0134", dana},
		{"phone tail", "555 0134", dana},
		{"non-Latin name", "山田", hanako},
		{"non-Latin full name", "山田 花子", hanako},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := search(t, s, tc.query)
			if !slices.ContainsFunc(got.Contacts, func(c searchContactJSON) bool { return sameContact(c, tc.want) }) {
				t.Errorf("query %q: contacts %+v lack %+v", tc.query, got.Contacts, tc.want)
			}
			ids := map[string]bool{}
			for _, c := range got.Contacts {
				if ids[c.ID] {
					t.Errorf("contact %s returned twice", c.ID)
				}
				ids[c.ID] = true
			}
		})
	}
}

// TestSearchFoldsCase: generated contacts in Cyrillic and Greek are found by
// their lower-case names, and every one returned really has that name.
func TestSearchFoldsCase(t *testing.T) {
	t.Parallel()
	s := newTestServer()
	for query, name := range map[string]string{"анна смирнова": "Анна Смирнова", "γιώργος": "Γιώργος Παπαδόπουλος"} {
		got := search(t, s, query)
		if len(got.Contacts) == 0 {
			t.Errorf("%q found no contact", query)
		}
		for _, c := range got.Contacts {
			if str(c.Name) != name {
				t.Errorf("%q found %q", query, str(c.Name))
			}
		}
	}
}

func TestSearchNoMatch(t *testing.T) {
	t.Parallel()
	w := probe.Get(probe.Server(demo.Catalog(demo.WithGenerated(10))), "/chat/sessions/search?q=zqxj-no-such-thing", fake.DemoKey)
	probe.WantResponse(t, w, http.StatusOK, probe.JSONContentType, `{"contacts":[],"messages":[]}`)
}

// TestSearchBadQuery: the contract's parameter is q, required, at least
// one character. Without it (a client still sending the old "query"
// among them) the fake refuses as a validating server does, naming q; a
// query of blanks is valid and finds nothing.
func TestSearchBadQuery(t *testing.T) {
	t.Parallel()
	s := probe.Server(demo.Catalog(demo.WithGenerated(10)))
	for path, want := range map[string]string{
		"/chat/sessions/search":              "querystring must have required property 'q'",
		"/chat/sessions/search?query=dana":   "querystring must have required property 'q'",
		"/chat/sessions/search?q=":           "querystring/q must NOT have fewer than 1 characters",
		"/chat/sessions/search?q=&query=dan": "querystring/q must NOT have fewer than 1 characters",
	} {
		w := probe.Get(s, path, fake.DemoKey)
		if w.Code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 400", path, w.Code)
			continue
		}
		if e := errorBody(t, w.Body.Bytes()); e.StatusCode != 400 || e.Error != "Bad Request" || e.Message != want {
			t.Errorf("GET %s: ErrorDto %+v, want the message %q", path, e, want)
		}
	}
	probe.WantResponse(t, probe.Get(s, "/chat/sessions/search?q=+++", fake.DemoKey), http.StatusOK, probe.JSONContentType, `{"contacts":[],"messages":[]}`)
}

func TestSearchAuthAndMethod(t *testing.T) {
	t.Parallel()
	s := probe.Server(demo.Catalog(demo.WithGenerated(10)), fake.WithSearchFault(fake.Fault{Status: http.StatusServiceUnavailable, Body: "down"}))
	probe.WantResponse(t, probe.Get(s, "/chat/sessions/search?q=dana", ""), http.StatusUnauthorized, probe.JSONContentType, unauthorizedBody)
	probe.WantResponse(t, probe.Get(s, "/chat/sessions/search?q=dana", "wrong"), http.StatusUnauthorized, probe.JSONContentType, unauthorizedBody)

	r := httptest.NewRequest(http.MethodPost, "/chat/sessions/search?q=dana", nil)
	r.Header.Set("Authorization", "Bearer "+fake.DemoKey)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != http.MethodGet {
		t.Errorf("POST: status %d, Allow %q", w.Code, w.Header().Get("Allow"))
	}
	// "search" is not a session: its history is not found.
	if w := probe.Get(s, "/chat/sessions/search/history", fake.DemoKey); w.Code != http.StatusNotFound {
		t.Errorf("GET /chat/sessions/search/history: status %d, want 404", w.Code)
	}
}

// TestSearchMessages: a phrase only the star's transcript has is found
// there, as the very event the history serves.
func TestSearchMessages(t *testing.T) {
	t.Parallel()
	s := newTestServer(fake.WithoutFaults())
	star := probe.History(t, s, demo.IDAngryHandoff)
	for _, tc := range []struct{ query, sender string }{
		{"1418 Alder Lane", "ai"},
		{"CHARGEBACK with my bank", "contact"},
		{"no more vouchers", ""}, // in a note, which is not a message
	} {
		got := search(t, s, tc.query)
		if tc.sender == "" {
			if len(got.Messages) != 0 {
				t.Errorf("%q: found %+v in a note", tc.query, got.Messages)
			}
			continue
		}
		if len(got.Messages) != 1 {
			t.Fatalf("%q: %d messages, want 1: %+v", tc.query, len(got.Messages), got.Messages)
		}
		m := got.Messages[0]
		if m.SessionID != demo.IDAngryHandoff || m.Type != tc.sender || !strings.Contains(strings.ToLower(m.Message), strings.ToLower(tc.query)) {
			t.Errorf("%q: got %+v", tc.query, m)
		}
		i := slices.IndexFunc(star, func(h probe.HistoryItem) bool { return h.ID == m.ID })
		if i < 0 {
			t.Fatalf("%q: message %s is not an event of the star's history", tc.query, m.ID)
		}
		if h := star[i]; h.Event.Type != "message" || h.Event.Content.Text != m.Message || h.Event.Sender.Type != m.Type {
			t.Errorf("%q: history has %+v, search %+v", tc.query, h.Event, m)
		}
	}
}

// TestSearchLimitsAndOrder: a query matching many gets SearchLimit of
// each; contacts by name then id, messages by list position of their
// session, then in event order.
func TestSearchLimitsAndOrder(t *testing.T) {
	t.Parallel()
	s := newTestServer()
	got := search(t, s, "e")
	if len(got.Contacts) != fake.SearchLimit || len(got.Messages) != fake.SearchLimit {
		t.Fatalf("%d contacts, %d messages; want %d each", len(got.Contacts), len(got.Messages), fake.SearchLimit)
	}
	if !slices.IsSortedFunc(got.Contacts, func(a, b searchContactJSON) int {
		return fake.CompareContacts(a.ID, a.Name, b.ID, b.Name)
	}) {
		t.Errorf("contacts not by name then id: %+v", got.Contacts)
	}

	position := map[string]int{}
	for i, id := range s.SessionIDs() {
		position[id] = i
	}
	events := map[string][]string{} // session → its event ids in order
	last, lastEvent := -1, -1
	for _, m := range got.Messages {
		p, ok := position[m.SessionID]
		if !ok {
			t.Fatalf("message %s of session %s, which is not listed", m.ID, m.SessionID)
		}
		if events[m.SessionID] == nil {
			for _, h := range probe.History(t, s, m.SessionID) {
				events[m.SessionID] = append(events[m.SessionID], h.ID)
			}
		}
		e := slices.Index(events[m.SessionID], m.ID)
		switch {
		case e < 0:
			t.Fatalf("message %s is not in the history of %s", m.ID, m.SessionID)
		case p < last, p == last && e <= lastEvent:
			t.Errorf("message %s (session #%d, event #%d) after session #%d, event #%d", m.ID, p, e, last, lastEvent)
		}
		last, lastEvent = p, e
	}
}

// TestSearchContactsAreListed: every contact the search returns is the
// contact of a session in the list, with the same fields, so a client can
// go from the contact to its sessions; the odd session, which a client
// cannot decode from the list, is not searched.
func TestSearchContactsAreListed(t *testing.T) {
	t.Parallel()
	s := newTestServer()
	items, _ := probe.Walk(t, s, "/chat/sessions", nil)
	listed := map[string]searchContactJSON{}
	var odd searchContactJSON
	for _, it := range items {
		var v struct {
			ID      string `json:"id"`
			Contact *struct {
				ID          string  `json:"id"`
				Name        *string `json:"name"`
				Email       *string `json:"email"`
				PhoneNumber *string `json:"phone_number"`
			} `json:"contact"`
		}
		if json.Unmarshal(it, &v) != nil || v.Contact == nil {
			continue
		}
		c := searchContactJSON{ID: v.Contact.ID, Name: v.Contact.Name, Email: v.Contact.Email, Phone: v.Contact.PhoneNumber}
		if v.ID == demo.IDOddTicket {
			odd = c
			continue
		}
		listed[c.ID] = c
	}
	if odd.ID == "" {
		t.Fatal("the odd session has no contact to check")
	}
	for _, q := range []string{"a", "e", "example", "+", "5", "@", "ا", str(odd.Email), str(odd.Name)} {
		for _, c := range search(t, s, q).Contacts {
			want, ok := listed[c.ID]
			switch {
			case c.ID == odd.ID:
				t.Errorf("%q: found the odd session's contact %s", q, c.ID)
			case !ok:
				t.Errorf("%q: contact %s is no listed session's contact", q, c.ID)
			case !sameContact(c, want):
				t.Errorf("%q: contact %+v, the list has %+v", q, c, want)
			}
		}
	}
}

func TestSearchDeterministic(t *testing.T) {
	t.Parallel()
	a := probe.Get(newTestServer(), "/chat/sessions/search?q=an", fake.DemoKey)
	b := probe.Get(newTestServer(), "/chat/sessions/search?q=an", fake.DemoKey)
	if a.Code != http.StatusOK || a.Body.String() != b.Body.String() {
		t.Errorf("two servers with one clock answer differently:\n%s\n%s", a.Body, b.Body)
	}
}

func TestSearchFault(t *testing.T) {
	t.Parallel()
	badGatewayHTML := demo.Catalog().Faults()[demo.IDBadGateway].Body // nginx's page
	s := probe.Server(demo.Catalog(demo.WithGenerated(10)), fake.WithSearchFault(fake.Fault{
		Status: http.StatusBadGateway, ContentType: "text/html", Body: badGatewayHTML,
	}))
	probe.WantResponse(t, probe.Get(s, "/chat/sessions/search?q=dana", fake.DemoKey), http.StatusBadGateway, "text/html", badGatewayHTML)
	// The fault is the search's alone.
	if w := probe.Get(s, "/chat/sessions", fake.DemoKey); w.Code != http.StatusOK {
		t.Errorf("list: status %d", w.Code)
	}

	// A fault with only a delay slows the normal answer, 400 included.
	s = probe.Server(demo.Catalog(demo.WithGenerated(10)), fake.WithSearchFault(fake.Fault{Delay: 5 * time.Millisecond}))
	if got := search(t, s, "dana"); len(got.Contacts) != 1 {
		t.Errorf("delayed search: %+v", got)
	}
	if w := probe.Get(s, "/chat/sessions/search", fake.DemoKey); w.Code != http.StatusBadRequest {
		t.Errorf("delayed search without a query: status %d", w.Code)
	}

	s.ClearSearchFault()
	if got := search(t, s, "dana"); len(got.Contacts) != 1 {
		t.Errorf("after ClearSearchFault: %+v", got)
	}
}

func TestPhoneLike(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]bool{
		"4155550134": true, "+1 (415) 555-0134": true, "415.555.0134": true, "0134": true,
		"": false, "+": false, "LK-2291834": false, "dana 0134": false, "١٢٣": false,
	} {
		if got := fake.PhoneLike(q); got != want {
			t.Errorf("phoneLike(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestSearchHitsWithoutEventIDsHaveNoID: a message found in a history
// that gave its events no id is answered without one too (never "id": ""),
// as the history itself serves it.
func TestSearchHitsWithoutEventIDsHaveNoID(t *testing.T) {
	t.Parallel()
	w := probe.Get(probe.Server(demo.Catalog(), fake.WithoutFaults()), "/chat/sessions/search?q=Larkspur", fake.DemoKey)
	var res struct{ Messages []map[string]json.RawMessage }
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	without := 0
	for _, m := range res.Messages {
		id, has := m["id"]
		switch {
		case !has:
			without++
		case string(id) == `""` || string(id) == "null":
			t.Errorf("a hit in %s has the id %s, not none", m["session_id"], id)
		}
	}
	if without == 0 {
		t.Errorf("no hit without an id among %d: the demo's histories without event IDs are not searched", len(res.Messages))
	}
}
