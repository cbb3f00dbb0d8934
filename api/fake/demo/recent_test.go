package demo

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// TestRecentDemo: WithRecentDates moves the demo sessions into the last six
// hours, the star first, changing nothing but their times.
func TestRecentDemo(t *testing.T) {
	now := probe.Clock()
	s := probe.Server(Catalog(WithRecentDates()))
	ids := s.SessionIDs()
	if ids[0] != IDAngryHandoff {
		t.Errorf("first listed %s, want the star", ids[0])
	}
	s = probe.Server(Catalog(WithRecentDates()), fake.WithoutFaults())
	for _, d := range Sessions() {
		w := probe.Get(s, "/chat/sessions/"+d.ID, fake.DemoKey)
		fixture, _ := Fixture(d.ID)
		var moved, orig map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &moved); err != nil {
			t.Fatal(err)
		}
		_ = json.Unmarshal(fixture, &orig)
		updated, _ := time.Parse(time.RFC3339, moved["updated_at"].(string))
		if age := now.Sub(updated); age < 0 || age > 6*time.Hour {
			t.Errorf("%s: updated %v ago, want within 6 h", d.ID, age)
		}
		if w.Body.Len() != len(fixture) {
			t.Errorf("%s: %d bytes, fixture %d: only the times may change", d.ID, w.Body.Len(), len(fixture))
		}
		// Put the fixture's times back: the rest must be the fixture.
		for _, m := range []map[string]any{moved, object(moved["contact"])} {
			if m == nil {
				continue
			}
			src := orig
			if m["id"] != orig["id"] {
				src = object(orig["contact"])
			}
			for _, k := range []string{"created_at", "updated_at"} {
				// A contact time that is not RFC 3339 (the schema allows any
				// string there) stays as it is.
				if _, err := time.Parse(time.RFC3339, src[k].(string)); err == nil && m[k] == src[k] {
					t.Errorf("%s: %s not moved", d.ID, k)
				}
				m[k] = src[k]
			}
		}
		a, _ := json.Marshal(moved)
		b, _ := json.Marshal(orig)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: more than the times changed", d.ID)
		}
	}
}
