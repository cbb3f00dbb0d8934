package probe

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
)

// Page is a page of either paged endpoint, items left undecoded.
type Page struct {
	Items []json.RawMessage `json:"items"`
	Next  *string           `json:"next"`
}

// GetPage fetches path with query q (and cursor, if not empty) and decodes
// the page, failing the test on anything but 200.
func GetPage(t testing.TB, h http.Handler, path string, q url.Values, cursor string) (Page, []byte) {
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
	w := Get(h, path, fake.DemoKey)
	if w.Code != http.StatusOK {
		t.Fatalf("GET %s: status %d: %s", path, w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != JSONContentType {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	var p Page
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	if p.Items == nil {
		t.Fatalf("GET %s: items missing or null: %s", path, w.Body)
	}
	return p, w.Body.Bytes()
}

// Walk follows next from the first page to the last and returns every
// item and the size of every page.
func Walk(t testing.TB, h http.Handler, path string, q url.Values) (items []json.RawMessage, sizes []int) {
	t.Helper()
	cursor := ""
	for range 10000 {
		p, _ := GetPage(t, h, path, q, cursor)
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

// Listed is the part of a list item the tests check.
type Listed struct {
	ID        string `json:"id"`
	Status    string `json:"status"`
	Channel   struct{ Type string }
	Handoff   *json.RawMessage `json:"handoff"`
	CreatedAt time.Time        `json:"created_at"`
	UpdatedAt time.Time        `json:"updated_at"`
}

// DecodeListed decodes list items, failing on any that is not a session.
func DecodeListed(t testing.TB, items []json.RawMessage) []Listed {
	t.Helper()
	out := make([]Listed, len(items))
	for i, it := range items {
		if err := json.Unmarshal(it, &out[i]); err != nil || out[i].ID == "" {
			t.Fatalf("item %d is not a session (%v): %.80s", i, err, it)
		}
	}
	return out
}
