package store

import (
	"reflect"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/packed"
)

// TestMigrationToVersion7 takes a version 4 store, whose summaries were
// copied into a column for triggers to index, through the command line's
// and the analytics' steps (5, 6) to version 7: the column and its
// triggers are gone, the summaries indexed then are still found,
// a body kept plain reads as itself, and saving from then on keeps the
// index in step from Go (a changed summary, a handoff that went).
func TestMigrationToVersion7(t *testing.T) {
	dir, old, withBody := oldStore(t, 4)
	body := []byte(withBody.Raw)
	// As version 4 wrote it: the body plain, the summary in its column,
	// indexed by the trigger.
	if _, err := old.db.Exec(`INSERT INTO sessions (id, doc, raw, status, handed_off, channel, updated_ns, summary, fetched_ns)
		VALUES (?, '', ?, 'open', 1, 'web', ?, 'refund requested', ?)`, id(1), body, t0.UnixNano(), t0.UnixNano()); err != nil {
		t.Fatal(err)
	}
	old.Close()

	s := mustOpen(t, options(dir))
	if got := userVersion(t, s); got != SchemaVersion() {
		t.Fatalf("migrated to version %d, want %d", got, SchemaVersion())
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM pragma_table_info('sessions') WHERE name = 'summary'").Scan(&n); err != nil || n != 0 {
		t.Errorf("the summary column is still there: %d, %v", n, err)
	}
	if err := s.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'sessions_summary%'").Scan(&n); err != nil || n != 0 {
		t.Errorf("the summary triggers are still there: %d, %v", n, err)
	}
	got, ok, err := sessionOK(s, id(1))
	if err != nil || !ok || !reflect.DeepEqual(*got, withBody) {
		t.Fatalf("the plain body reads back as %+v (%v %v), want %+v", got, ok, err, withBody)
	}
	search := func(words string) string {
		t.Helper()
		found, err := s.Search(ctx, words)
		if err != nil {
			t.Fatal(err)
		}
		return ids(found)
	}
	if got := search("refund"); got != "00000001" {
		t.Errorf("the summary indexed before: %q", got)
	}

	// The same fields again: nothing re-indexed, still found; the body is
	// packed once the session changes.
	changed := session(id(1), 0, withTicket("zendesk", "ZD-1", 0), withHandoff("asks about shipping"))
	save(t, s, t0.Add(time.Minute), changed)
	if got := search("refund"); got != "" {
		t.Errorf("the old summary is still searched: %q", got)
	}
	if got := search("shipping"); got != "00000001" {
		t.Errorf("the new summary: %q", got)
	}
	var doc []byte
	if err := s.db.QueryRow("SELECT doc FROM sessions WHERE id = ?", id(1)).Scan(&doc); err != nil || !packed.Packed(doc) {
		t.Errorf("the saved session is not kept packed: %q, %v", doc, err)
	}
	save(t, s, t0.Add(2*time.Minute), session(id(1), 0, withTicket("zendesk", "ZD-1", 0)))
	if got := search("shipping"); got != "" {
		t.Errorf("a handoff that went is still searched: %q", got)
	}
	save(t, s, t0.Add(3*time.Minute), session(id(1), 0, withHandoff("shipping again")))
	if got := search("shipping"); got != "00000001" {
		t.Errorf("a handoff that came back: %q", got)
	}
}
