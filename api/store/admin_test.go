package store

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

const day = 24 * time.Hour

func TestPrune(t *testing.T) {
	dir := stateDir(t)
	s := mustOpen(t, options(dir))
	old, recent := t0.Add(-40*day), t0.Add(-10*day)
	withTerms := func(words string) func(*api.Session) {
		return func(x *api.Session) {
			withHandoff(words)(x)
			withTicket("zendesk", "ZD-"+x.ID[:8], 0)(x)
		}
	}
	save(t, s, old, session(id(1), 0, withTerms("gone")), session(id(2), 0, withTerms("noted")),
		session(id(3), 0, withTerms("seen")), session(id(4), 0, withTerms("read")))
	save(t, s, recent, session(id(5), 0, withTerms("fetched")))
	mustDo(t, s.SaveHistory(ctx, id(1), []api.Event{{Text: "transcript"}}, true, old))
	mustDo(t, s.MarkSeen(ctx, session(id(1), 0), old))
	mustDo(t, s.SetNote(ctx, id(1), "old note", old))
	mustDo(t, s.SetNote(ctx, id(2), "recent note", recent))
	mustDo(t, s.MarkSeen(ctx, session(id(3), 0), recent))
	mustDo(t, s.SaveHistory(ctx, id(4), nil, true, recent))
	mustDo(t, s.SetReviewed(ctx, id(8), true, old)) // marks of sessions never kept
	mustDo(t, s.SetReviewed(ctx, id(9), true, recent))
	mustDo(t, s.SetSync(ctx, "old", old))
	mustDo(t, s.SetSync(ctx, "recent", recent))
	s.Close()

	s = mustOpen(t, options(dir)) // Keep is the default, 30 days
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Sessions != 4 || st.Seen != 1 || st.Notes != 1 || st.Reviewed != 1 || st.Transcripts != 1 {
		t.Errorf("after pruning: %+v", st)
	}
	if _, ok, _ := sessionOK(s, id(1)); ok {
		t.Error("the old session is kept")
	}
	for n := 2; n <= 5; n++ {
		if _, ok, _ := sessionOK(s, id(n)); !ok {
			t.Errorf("session %d, recent in some part, is gone", n)
		}
	}
	// Nothing of it can be found any more.
	if found, _ := s.Search(ctx, "gone"); len(found) != 0 {
		t.Error("its summary is still searched")
	}
	if found, _ := s.Search(ctx, "transcript"); len(found) != 0 {
		t.Error("its transcript is still searched")
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM idents WHERE value = ?", "zd-"+id(1)[:8]).Scan(&n); err != nil || n != 0 {
		t.Errorf("its identifiers are kept: %d %v", n, err)
	}
	if at, _ := s.Sync(ctx, "old"); !at.IsZero() {
		t.Error("an old sync is kept")
	}
	if at, _ := s.Sync(ctx, "recent"); at.IsZero() {
		t.Error("a recent sync is gone")
	}
	s.Close()

	// A shorter Keep prunes more.
	o := options(dir)
	o.Keep = 5 * day
	s = mustOpen(t, o)
	if st, _ := s.Stats(ctx); st != (Stats{Path: s.Path(), Size: st.Size}) {
		t.Errorf("with 5 days: %+v", st)
	}
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestStatsAndClear(t *testing.T) {
	s := fresh(t)
	page := make([]api.Session, 300)
	for i := range page {
		page[i] = session(id(i), 0, withHandoff(strings.Repeat("refund chargeback ", 40)), withContact("Dana", "d@example.com", ""))
	}
	save(t, s, t0, page...)
	mustDo(t, s.MarkSeen(ctx, page[0], t0))
	mustDo(t, s.MarkSeen(ctx, page[1], t0))
	mustDo(t, s.SetReviewed(ctx, page[0].ID, true, t0))
	mustDo(t, s.SetNote(ctx, page[0].ID, "n", t0))
	mustDo(t, s.SetNote(ctx, page[2].ID, "n", t0))
	mustDo(t, s.SaveHistory(ctx, page[0].ID, []api.Event{{Text: "hi"}}, true, t0))
	mustDo(t, s.SetSync(ctx, "k", t0))
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{Path: s.Path(), Size: st.Size, Sessions: 300, Seen: 2, Reviewed: 1, Notes: 2, Transcripts: 1}
	if st != want || st.Size < 100_000 {
		t.Errorf("stats %+v, want %+v", st, want)
	}

	mustDo(t, s.Clear(ctx))
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Cleared is the size of a store made new: its tables' first pages,
	// give or take a page per table for what SQLite keeps free.
	fresh, err := mustOpen(t, options(stateDir(t))).Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after != (Stats{Path: s.Path(), Size: after.Size}) || after.Size > fresh.Size+16*4096 {
		t.Errorf("after Clear: %+v (before: %d bytes; a new store: %d)", after, st.Size, fresh.Size)
	}
	if found, _ := s.Search(ctx, "refund"); len(found) != 0 {
		t.Error("the search index outlives Clear")
	}
	if at, _ := s.Sync(ctx, "k"); !at.IsZero() {
		t.Error("a sync outlives Clear")
	}
	// The bytes are gone from the file and its log, not just unlinked.
	for _, p := range []string{s.Path(), s.Path() + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "d@example.com") || strings.Contains(string(b), "chargeback") {
			t.Errorf("%s still holds cleared data", p)
		}
	}
	// And it is still a working store.
	save(t, s, t0, page[0])
	if _, ok, _ := sessionOK(s, page[0].ID); !ok {
		t.Error("not saved after Clear")
	}
}

func TestHandover(t *testing.T) {
	s := fresh(t)
	start := t0.Add(-8 * time.Hour)
	a := session(id(1), 0, withTicket("zendesk", "ZD-1", 1), withContact("Ann", "", ""))
	b := session(id(2), 0, withStatus(api.StatusClosedUnresolved))
	c := session(id(3), 0)
	d := session(id(4), 0)
	save(t, s, t0.Add(-9*time.Hour), a, b, c, d)
	mustDo(t, s.MarkSeen(ctx, a, t0.Add(-7*time.Hour)))
	mustDo(t, s.SetReviewed(ctx, a.ID, true, t0.Add(-6*time.Hour)))
	mustDo(t, s.SetNote(ctx, b.ID, "escalate to billing", t0.Add(-5*time.Hour)))
	mustDo(t, s.SetReviewed(ctx, c.ID, true, t0.Add(-9*time.Hour))) // before the window
	mustDo(t, s.SetReviewed(ctx, d.ID, true, t0.Add(-time.Hour)))
	mustDo(t, s.SetReviewed(ctx, d.ID, false, t0)) // unmarked again
	mustDo(t, s.SetNote(ctx, id(9), "never kept", t0.Add(-2*time.Hour)))
	// a changes after it was looked at and reviewed.
	changed := a
	changed.Status = api.StatusClosedResolved
	save(t, s, t0.Add(-time.Hour), changed)

	items, err := s.Handover(ctx, start)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		got = append(got, it.Session.ID[:8]+" "+string(it.Session.Status))
	}
	// By status (alphabetically), then latest mark first; the session never
	// kept has no status.
	if strings.Join(got, ", ") != "00000009 , 00000001 closed_resolved, 00000002 closed_unresolved" {
		t.Fatalf("items %q", got)
	}
	statusChange := []FieldChange{{FieldStatus, "open", "closed_resolved"}}
	if it := items[1]; !it.ReviewedAt.Equal(t0.Add(-6*time.Hour)) || !it.ChangedSinceReview || !it.SeenAt.Equal(t0.Add(-7*time.Hour)) ||
		!it.FetchedAt.Equal(t0.Add(-time.Hour)) || !reflect.DeepEqual(it.Changes, statusChange) || !reflect.DeepEqual(it.SinceReview, statusChange) ||
		it.Session.TicketingSystem == nil {
		t.Errorf("reviewed: %+v", it)
	}
	if it := items[2]; it.Note != "escalate to billing" || !it.ReviewedAt.IsZero() || it.Changes != nil || it.SinceReview != nil {
		t.Errorf("noted: %+v", it)
	}
	if it := items[0]; it.Note != "never kept" || !it.FetchedAt.IsZero() {
		t.Errorf("never kept: %+v", it)
	}
}
