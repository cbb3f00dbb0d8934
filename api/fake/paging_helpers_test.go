package fake

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"
)

// testClock is the clock of the list and history tests: generated data is
// dated from it, so every run sees the same sessions.
func testClock() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }

// newTestServer is New with the fixed clock, then opts.
func newTestServer(opts ...Option) *Server {
	return New(append([]Option{WithClock(testClock)}, opts...)...)
}

// rawPage is a page of either endpoint, items left undecoded.
type rawPage struct {
	Items []json.RawMessage `json:"items"`
	Next  *string           `json:"next"`
}

// getPage fetches path with query q (and cursor, if not empty) and decodes
// the page, failing the test on anything but 200.
func getPage(t *testing.T, s *Server, path string, q url.Values, cursor string) (rawPage, []byte) {
	t.Helper()
	q2 := url.Values{}
	for k, v := range q {
		q2[k] = v
	}
	if cursor != "" {
		q2.Set("cursor", cursor)
	}
	if len(q2) > 0 {
		path += "?" + q2.Encode()
	}
	w := get(s, path, DemoKey)
	if w.Code != http.StatusOK {
		t.Fatalf("GET %s: status %d: %s", path, w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != jsonContentType {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	var p rawPage
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	if p.Items == nil {
		t.Fatalf("GET %s: items missing or null: %s", path, w.Body)
	}
	return p, w.Body.Bytes()
}

// walk follows next from the first page to the last and returns every
// item and the size of every page.
func walk(t *testing.T, s *Server, path string, q url.Values) (items []json.RawMessage, sizes []int) {
	t.Helper()
	cursor := ""
	for range 10000 {
		p, _ := getPage(t, s, path, q, cursor)
		items = append(items, p.Items...)
		sizes = append(sizes, len(p.Items))
		if p.Next == nil {
			return items, sizes
		}
		if *p.Next == "" {
			t.Fatal("next is an empty string; want a cursor or null")
		}
		cursor = *p.Next
	}
	t.Fatal("no last page after 10000 pages")
	return nil, nil
}

// listed is the part of a list item the tests check.
type listed struct {
	ID        string `json:"id"`
	Status    string `json:"status"`
	Channel   struct{ Type string }
	Handoff   *json.RawMessage `json:"handoff"`
	CreatedAt time.Time        `json:"created_at"`
	UpdatedAt time.Time        `json:"updated_at"`
}

// decodeListed decodes list items, failing on any that is not a session.
func decodeListed(t *testing.T, items []json.RawMessage) []listed {
	t.Helper()
	out := make([]listed, len(items))
	for i, it := range items {
		if err := json.Unmarshal(it, &out[i]); err != nil || out[i].ID == "" {
			t.Fatalf("item %d is not a session (%v): %.80s", i, err, it)
		}
	}
	return out
}

// errorBody decodes an ErrorDto.
func errorBody(t *testing.T, body []byte) errorDto {
	t.Helper()
	var e errorDto
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("not an ErrorDto: %q", body)
	}
	return e
}
