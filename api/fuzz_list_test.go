package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// FuzzDecodeListPage feeds arbitrary bytes as a list page and as a history
// page through the real client. Whatever the bytes: no panic; either a page
// or an *api.Error; and one odd item never fails its page — items that do
// not decode are counted as skipped, and every returned session has an ID.
func FuzzDecodeListPage(f *testing.F) {
	star, _ := demo.Fixture(demo.IDAngryHandoff)
	f.Add([]byte(`{"items":[` + string(star) + `],"next":"abc"}`))
	f.Add([]byte(`{"items":[` + string(star) + `,"corrupted",{"id":"x","ticket_number":"12"}],"next":null}`))
	f.Add([]byte(`{"items":[],"next":null}`))
	f.Add([]byte(`{"items":null}`))
	f.Add([]byte(`{"items":[{"id":"1","created_at":"2026-11-25T10:00:00Z","event":{"type":"message","sender":{"type":"contact"},"content":{"type":"text","text":"hi"},"attachments":[{"name":"a.png","size":12}]}}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"items":{"a":1}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := memClient(t, memTransport{body: body}, api.WithMaxBody(fuzzMaxBody))
		page, err := c.ListSessions(context.Background(), api.ListParams{})
		checkPage(t, body, err, func() (int, int) {
			for _, s := range page.Items {
				if s.ID == "" {
					t.Fatal("a listed session without an ID")
				}
			}
			return len(page.Items), len(page.Skipped)
		})
		hist, err := c.History(context.Background(), "3c90c3cc-0d44-4b50-8888-8dd25736052a", "")
		checkPage(t, body, err, func() (int, int) { return len(hist.Items), len(hist.Skipped) })
	})
}

// checkPage asserts the outcome of one page call on body.
func checkPage(t *testing.T, body []byte, err error, counts func() (items, skipped int)) {
	t.Helper()
	if err != nil {
		var e *api.Error
		if !errors.As(err, &e) {
			t.Fatalf("error of type %T: %v", err, err)
		}
		return
	}
	var raw struct {
		Items []json.RawMessage `json:"items"`
	}
	if json.Unmarshal(body, &raw) != nil {
		t.Fatalf("a page from a body that is not a page: %q", body)
	}
	items, skipped := counts()
	if items+skipped != len(raw.Items) {
		t.Fatalf("%d items + %d skipped from a page of %d", items, skipped, len(raw.Items))
	}
}
