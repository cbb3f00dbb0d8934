package api_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// TestListItemsOwnTheirBody: each session of a list page holds its own
// copy of its item, not a slice of the page's body, so whatever keeps one
// session (the detail pane, a cache, a selection) keeps a kilobyte, not
// the page's megabyte. Writing over the spare room behind one item's Raw
// changes no other item, and no item has room for more than itself.
func TestListItemsOwnTheirBody(t *testing.T) {
	var items []string
	for _, s := range demo.Catalog(demo.WithGenerated(50), demo.WithoutShowcase(), demo.WithoutOddItems()).Sessions(time.Now()) {
		items = append(items, string(s.Body))
	}
	body := `{"items":[` + strings.Join(items, ",") + `],"next":null}`
	srv := serve(t, respond(http.StatusOK, "application/json", body))
	page, err := newClient(t, srv.URL).ListSessions(context.Background(), api.ListParams{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != len(items) {
		t.Fatalf("%d items, skipped %+v; want %d", len(page.Items), page.Skipped, len(items))
	}
	for i, s := range page.Items {
		// A slice of the page would reach to the page's end: 50 items.
		if c := cap(s.Raw); c >= 2*len(s.Raw) {
			t.Errorf("item %d: Raw has room for %d B, holding %d: it is a window on a larger buffer", i, c, len(s.Raw))
		}
		room := s.Raw[len(s.Raw):cap(s.Raw)]
		for j := range room {
			room[j] = 'X'
		}
	}
	for i, s := range page.Items {
		if !bytes.Equal(s.Raw, []byte(items[i])) {
			t.Errorf("item %d changed when other items' spare room was written over: it shares their buffer\n%.80s", i, s.Raw)
		}
	}
}
