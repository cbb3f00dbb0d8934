package store

import (
	"reflect"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// TestHistoryWithoutEventIDs: the store keeps a transcript as a whole, not
// event by event, so events without ID (the newer reference page shows
// none) are kept as they are: alike ones are not merged, each comes back
// with its identity, and keeping the same transcript again (a re-fetch)
// does not double it.
func TestHistoryWithoutEventIDs(t *testing.T) {
	s := fresh(t)
	ok1 := api.Event{CreatedAt: stamp(t0), Type: "message", SenderType: "contact", SenderName: "Ana", ContentType: "text", Text: "ok"}
	events := []api.Event{
		ok1, ok1, // the same words twice in the same second: two events
		{CreatedAt: stamp(t0), Type: "message", SenderType: "contact", SenderName: "Ana", ContentType: "text", Text: "okay"},
		{ID: "e4", CreatedAt: stamp(t0.Add(time.Minute)), Type: "message", SenderType: "agent", Text: "ok"},
		{}, // an item whose event was null
	}
	for range 2 {
		if err := s.SaveHistory(ctx, id(1), events, true, t0); err != nil {
			t.Fatal(err)
		}
		got, _, complete, ok, err := s.History(ctx, id(1))
		if err != nil || !ok || !complete || !reflect.DeepEqual(got, events) {
			t.Fatalf("kept %d events %+v (complete %v, ok %v, err %v); want the %d saved", len(got), got, complete, ok, err, len(events))
		}
		for i := range got {
			if got[i].Identity() != events[i].Identity() || got[i].HasID() != events[i].HasID() {
				t.Errorf("event %d came back as %q, saved as %q", i, got[i].Identity(), events[i].Identity())
			}
		}
	}
	// The first page read again, without IDs, does not replace the whole.
	if err := s.SaveHistory(ctx, id(1), events[:2], false, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, _, _, _, _ := s.History(ctx, id(1)); len(got) != len(events) {
		t.Errorf("a partial re-read left %d events, want %d", len(got), len(events))
	}
}
