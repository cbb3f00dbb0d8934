package demo

import (
	"encoding/json"
	"testing"
	"time"
)

// TestWithDayChangesTheStarAndSomeOpenSessions: a later day of the demo has
// news for a second run, and day 0 is the demo as always.
func TestWithDayChangesTheStarAndSomeOpenSessions(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	statuses := func(opts ...Option) map[string]string {
		out := map[string]string{}
		for _, s := range Catalog(opts...).Sessions(now) {
			var doc struct{ Status string }
			if err := json.Unmarshal(s.Body, &doc); err != nil {
				t.Fatal(err)
			}
			out[s.ID] = doc.Status
		}
		return out
	}
	before, after, same := statuses(), statuses(WithDay(1)), statuses(WithDay(0))
	if after[IDAngryHandoff] != "closed_unresolved" || before[IDAngryHandoff] != "open" {
		t.Errorf("the star: %q then %q", before[IDAngryHandoff], after[IDAngryHandoff])
	}
	changed := 0
	for id, s := range before {
		if after[id] != s {
			changed++
		}
		if same[id] != s {
			t.Fatalf("day 0 changed %s", id)
		}
	}
	if changed < 5 {
		t.Errorf("only %d sessions changed on day 1", changed)
	}
}
