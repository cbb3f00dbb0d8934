package fake_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/faketest"
)

// TestEditIsSeenByTheListAtOnce: a session turned angry and handed off
// lists so, first (its updated_at is the server's now), and GET agrees.
func TestEditIsSeenByTheListAtOnce(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	srv := fake.New(fake.WithClock(func() time.Time { return now }), fake.WithCatalog(demo.Catalog(demo.WithRecentDates())))
	c := faketest.Client(t, srv)
	ids := srv.SessionIDs()
	id := ids[len(ids)-1] // the oldest
	err := srv.Edit(id, map[string]json.RawMessage{"sentiment": json.RawMessage(`"angry"`), "ai_closure_type": json.RawMessage(`"handed_off"`)})
	if err != nil {
		t.Fatal(err)
	}
	page, err := c.ListSessions(context.Background(), api.ListParams{UpdatedAfter: now.Add(-time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) == 0 || page.Items[0].ID != id || page.Items[0].Sentiment == nil || *page.Items[0].Sentiment != api.SentimentAngry || !page.Items[0].HandedOff() {
		t.Fatalf("the list after the edit: %d items, first %+v", len(page.Items), page.Items[0])
	}
	s, err := c.GetSession(context.Background(), id)
	if err != nil || *s.Sentiment != api.SentimentAngry || !s.UpdatedAt.Time.Equal(now) {
		t.Errorf("GET after the edit: %+v, %v", s, err)
	}
	if err := srv.Edit("no-such-session", nil); err == nil {
		t.Error("editing an unknown session did not fail")
	}
	if err := srv.Edit(id, map[string]json.RawMessage{"sentiment": json.RawMessage(`angry`)}); err == nil {
		t.Error("a value that is not JSON was written")
	}
}
