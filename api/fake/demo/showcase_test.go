package demo

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// uuidPattern is the schema's UUID pattern, minus the nil and max UUIDs,
// which no demo session should use.
var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestDemoList(t *testing.T) {
	demo := Sessions()
	if len(demo) == 0 || demo[0].ID != IDAngryHandoff {
		t.Fatalf("the star must come first, got %+v", demo)
	}
	if !slices.Equal(demo, Sessions()) {
		t.Error("Sessions() is not stable")
	}
	prefixes := map[string]string{}
	for _, d := range demo {
		if !uuidPattern.MatchString(d.ID) {
			t.Errorf("%s: not a lower-case RFC UUID with version 1-8", d.ID)
		}
		if other, dup := prefixes[d.ID[:8]]; dup {
			t.Errorf("%s and %s share their first 8 hex digits", d.ID, other)
		}
		prefixes[d.ID[:8]] = d.ID
		if n := utf8.RuneCountInString(d.Title); n == 0 || n >= 60 {
			t.Errorf("%s: title %q is %d runes, want 1-59", d.ID, d.Title, n)
		}
	}
	demo[0].ID = "changed"
	if Sessions()[0].ID != IDAngryHandoff {
		t.Error("Sessions() exposes shared state")
	}
}

// TestDemoFiles ties the table to the embedded files: every entry's file
// exists and carries the entry's ID, and every file has an entry.
func TestDemoFiles(t *testing.T) {
	files, err := fs.Glob(fixtureFS, "fixtures/*.json")
	if err != nil {
		t.Fatal(err)
	}
	var named []string
	for _, e := range showcaseEntries() {
		named = append(named, e.file)
		body, ok := Fixture(e.ID)
		if !ok {
			t.Errorf("%s: no fixture (file %s)", e.ID, e.file)
			continue
		}
		var s struct{ ID string }
		if err := json.Unmarshal(body, &s); err != nil {
			t.Errorf("%s: %v", e.file, err)
		}
		if s.ID != e.ID {
			t.Errorf("%s: id %q, table says %q", e.file, s.ID, e.ID)
		}
	}
	slices.Sort(named)
	if !slices.Equal(named, files) {
		t.Errorf("table names %q, embedded files are %q", named, files)
	}
	if _, ok := Fixture("3F9C2A71-8D4E-4B6A-9F13-5C2E7D8A1B04"); ok {
		t.Error("Fixture matched a different spelling; it promises an exact match")
	}
	body, _ := Fixture(IDMinimal)
	body[0] = 'X'
	if again, _ := Fixture(IDMinimal); again[0] != '{' {
		t.Error("Fixture returns shared bytes")
	}
}

// TestDemoTimestamps checks that every fixture is dated 2026, session times
// are RFC 3339 in UTC with a Z and updated_at is not before created_at.
func TestDemoTimestamps(t *testing.T) {
	for _, f := range decodedFixtures(t) {
		created := sessionTime(t, f, "created_at")
		updated := sessionTime(t, f, "updated_at")
		if updated.Before(created) {
			t.Errorf("%s: updated_at %v before created_at %v", f["id"], updated, created)
		}
		if c, ok := f["contact"].(map[string]any); ok {
			for _, k := range []string{"created_at", "updated_at"} {
				if s, _ := c[k].(string); !strings.HasPrefix(s, "2026-") {
					t.Errorf("%s: contact.%s %q not in 2026", f["id"], k, s)
				}
			}
		}
	}
}

func sessionTime(t *testing.T, f map[string]any, key string) time.Time {
	t.Helper()
	s, _ := f[key].(string)
	ts, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || !strings.HasSuffix(s, "Z") || ts.Year() != 2026 {
		t.Errorf("%s: %s %q is not an RFC 3339 UTC time in 2026", f["id"], key, s)
	}
	return ts
}
