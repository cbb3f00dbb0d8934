package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/resolve"
)

// corpus is n of the demo's generated sessions, as the client decodes
// them, with the catalog that writes their transcripts: what `cxi --demo`
// would leave in a store, at any size.
func corpus(b *testing.B, n int) ([]api.Session, fake.Catalog, [][]byte) {
	b.Helper()
	cat := demo.Catalog(demo.WithGenerated(n), demo.WithoutShowcase(), demo.WithoutOddItems())
	bodies := cat.Sessions(t0)
	out := make([]api.Session, len(bodies))
	raw := make([][]byte, len(bodies))
	for i, fs := range bodies {
		if err := json.Unmarshal(fs.Body, &out[i]); err != nil {
			b.Fatal(err)
		}
		raw[i] = fs.Body
	}
	return out, cat, raw
}

// transcript is a session's history as the client decodes it.
func transcript(b *testing.B, cat fake.Catalog, id string, body []byte) []api.Event {
	var out []api.Event
	for _, item := range cat.History(id, body) {
		var w struct {
			ID        string        `json:"id"`
			CreatedAt api.Timestamp `json:"created_at"`
			Event     struct {
				Type    string `json:"type"`
				Sender  struct{ Type, Name string }
				Content struct{ Type, Text string }
			} `json:"event"`
		}
		if err := json.Unmarshal(item, &w); err != nil {
			b.Fatal(err)
		}
		out = append(out, api.Event{ID: w.ID, CreatedAt: w.CreatedAt, Type: w.Event.Type, SenderType: w.Event.Sender.Type,
			SenderName: w.Event.Sender.Name, Text: w.Event.Content.Text})
	}
	return out
}

// filled is a store holding sessions, saved a page of 100 at a time as the
// queue does.
func filled(b *testing.B, dir string, sessions []api.Session) {
	b.Helper()
	s := mustOpen(b, options(dir))
	for i := 0; i < len(sessions); i += 100 {
		save(b, s, t0, sessions[i:min(i+100, len(sessions))]...)
	}
	s.Close()
}

// openFilled is a new store holding sessions, open, and its directory.
func openFilled(b *testing.B, sessions []api.Session) (*Store, string) {
	b.Helper()
	dir := stateDir(b)
	filled(b, dir, sessions)
	return mustOpen(b, options(dir)), dir
}

// reportSize reports the store's bytes on disk.
func reportSize(b *testing.B, dir string) {
	b.Helper()
	var size int64
	for _, suffix := range []string{"", "-wal"} {
		if info, err := os.Stat(File(options(dir)) + suffix); err == nil {
			size += info.Size()
		}
	}
	b.ReportMetric(float64(size)/1e6, "MB-on-disk")
}

// BenchmarkOpenAndFirstPage opens a store of 10,000 sessions and reads
// the queue's first page, as cxi does at start before any request.
func BenchmarkOpenAndFirstPage(b *testing.B) {
	sessions, _, _ := corpus(b, 10_000)
	dir := stateDir(b)
	filled(b, dir, sessions)
	for b.Loop() {
		s, _, err := Open(options(dir))
		if err != nil || s == nil {
			b.Fatal(err)
		}
		page, err := s.Sessions(ctx, Query{Limit: 50})
		if err != nil || len(page) != 50 {
			b.Fatal(len(page), err)
		}
		s.Close()
	}
	reportSize(b, dir)
}

// BenchmarkFindTicket resolves a ticket reference, and an email, among
// 100,000 stored sessions (the aim: well under a millisecond), beside
// their floors (see lookups).
func BenchmarkFindTicket(b *testing.B) {
	sessions, _, raw := corpus(b, 100_000)
	for i := range sessions {
		sessions[i].Raw = raw[i] // as a list page keeps each item
	}
	s, dir := openFilled(b, sessions)
	target := sessions[len(sessions)/2]
	ref := "#" + target.TicketNumber.Key()
	if t := target.TicketingSystem; t != nil {
		ref = t.ExternalID
	}
	var email string
	for _, c := range sessions[len(sessions)/3:] {
		if c.Contact != nil && c.Contact.Email != nil {
			email = *c.Contact.Email
			break
		}
	}
	for _, text := range []string{ref, email} {
		q, err := resolve.Classify(text)
		if err != nil {
			b.Fatal(err)
		}
		if q.Kind != resolve.KindTicket && q.Kind != resolve.KindEmail {
			b.Fatalf("%q reads as a %v", text, q.Kind)
		}
		query, args := lookupOf(q).sql() // what Find runs
		b.Logf("%s %q: %s", q.Kind, text, query)
		b.Run(q.Kind.String(), func(b *testing.B) {
			lookups(b, s, dir, query, args, func() (int, error) {
				found, err := s.Find(ctx, q)
				return len(found), err
			})
		})
	}
}

// lookups runs a lookup three ways, each a sub-benchmark: "store", as
// cxi runs it (the hits decoded into sessions); "sql", the statement it
// runs, its rows read undecoded (the SQL's share); and "c-sql", the same
// statement on the same file through C SQLite, its floor (only with the
// build tags cgosqlite and sqlite_fts5; see cSQLite).
func lookups(b *testing.B, s *Store, dir, query string, args []any, lookup func() (int, error)) {
	b.Helper()
	var hits int
	b.Run("store", func(b *testing.B) {
		for b.Loop() {
			n, err := lookup()
			if err != nil || n == 0 {
				b.Fatal(n, err)
			}
			hits = n
		}
		b.ReportMetric(float64(hits), "found")
		reportSize(b, dir)
	})
	undecoded := func(b *testing.B, db *sql.DB) {
		for b.Loop() {
			if n := readUndecoded(b, db, query, args); n != hits {
				b.Fatalf("%d rows, the store found %d", n, hits)
			}
		}
	}
	b.Run("sql", func(b *testing.B) { undecoded(b, s.db) })
	if c := cSQLite(b, File(options(dir))); c != nil {
		b.Run("c-sql", func(b *testing.B) { undecoded(b, c) })
	}
}

// readUndecoded runs query and reads its rows' columns as bytes, which
// is all the SQL costs; it answers how many rows.
func readUndecoded(b *testing.B, db *sql.DB, query string, args []any) int {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var doc, raw sql.RawBytes
		var fetched int64
		if err := rows.Scan(&doc, &raw, &fetched); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkSaveSessions saves a page of 100 sessions into a store of
// 10,000: new ones, as paging further does, and the same page again, as
// a refresh that finds nothing changed does.
func BenchmarkSaveSessions(b *testing.B) {
	sessions, _, raw := corpus(b, 20_000)
	for i := range sessions {
		sessions[i].Raw = raw[i] // as a GET keeps it: the largest a page can be
	}
	b.Run("new", func(b *testing.B) {
		s, dir := openFilled(b, sessions[:10_000])
		next := 10_000
		for b.Loop() {
			if next+100 > len(sessions) {
				// Out of new ones: start again on a fresh copy of the store.
				b.StopTimer()
				if err := s.Clear(ctx); err != nil {
					b.Fatal(err)
				}
				next = 0
				b.StartTimer()
			}
			if err := s.SaveSessions(ctx, sessions[next:next+100], t0); err != nil {
				b.Fatal(err)
			}
			next += 100
		}
		reportSize(b, dir)
	})
	b.Run("unchanged", func(b *testing.B) {
		s, dir := openFilled(b, sessions[:10_000])
		for b.Loop() {
			if err := s.SaveSessions(ctx, sessions[:100], t0); err != nil {
				b.Fatal(err)
			}
		}
		reportSize(b, dir)
	})
}

// BenchmarkSearch runs a two-word full-text query over 10,000 kept
// transcripts and their sessions' summaries.
func BenchmarkSearch(b *testing.B) {
	sessions, cat, raw := corpus(b, 10_000)
	s, dir := openFilled(b, sessions)
	for i := range sessions {
		if err := s.SaveHistory(ctx, sessions[i].ID, transcript(b, cat, sessions[i].ID, raw[i]), true, t0); err != nil {
			b.Fatal(err)
		}
	}
	for _, words := range []string{"refund charged", "password reset"} {
		b.Run(words, func(b *testing.B) {
			query, args := searchSQL(searchTerms(words))
			lookups(b, s, dir, query, args, func() (int, error) {
				found, err := s.Search(ctx, words)
				return len(found), err
			})
		})
	}
	b.Run("chargeback unicorn", func(b *testing.B) { // found nowhere: the SQL alone
		for b.Loop() {
			if found, err := s.Search(ctx, "chargeback unicorn"); err != nil || len(found) != 0 {
				b.Fatal(len(found), err)
			}
		}
	})
}

// TestBenchCorpusIsRealistic keeps the benchmarks honest: the demo's
// sessions have summaries, tickets and transcripts to find and search.
func TestBenchCorpusIsRealistic(t *testing.T) {
	cat := demo.Catalog(demo.WithGenerated(200), demo.WithoutShowcase(), demo.WithoutOddItems())
	var summaries, tickets int
	for _, fs := range cat.Sessions(t0) {
		var s api.Session
		if err := json.Unmarshal(fs.Body, &s); err != nil {
			t.Fatal(err)
		}
		if s.Handoff != nil && s.Handoff.Summary != "" {
			summaries++
		}
		if s.TicketNumber != nil || s.TicketingSystem != nil {
			tickets++
		}
		if len(cat.History(fs.ID, fs.Body)) == 0 {
			t.Errorf("%s has no history", fs.ID)
		}
	}
	if summaries < 20 || tickets < 150 {
		t.Errorf("%d summaries, %d tickets in 200 sessions", summaries, tickets)
	}
}

// BenchmarkEraseRedacted erases one redacted transcript from a store of
// 10,000 sessions with their transcripts: the index merge and the rewrite
// of the file that leave no trace of it are most of the time.
func BenchmarkEraseRedacted(b *testing.B) {
	sessions, cat, raw := corpus(b, 10_000)
	s, dir := openFilled(b, sessions)
	events := make([][]api.Event, len(sessions))
	for i := range sessions {
		events[i] = transcript(b, cat, sessions[i].ID, raw[i])
		if err := s.SaveHistory(ctx, sessions[i].ID, events[i], true, t0); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		b.StopTimer()
		if err := s.SaveHistory(ctx, sessions[i].ID, events[i], true, t0); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := s.EraseRedacted(ctx, sessions[i].ID, ""); err != nil {
			b.Fatal(err)
		}
		i++
	}
	reportSize(b, dir)
}

// BenchmarkFirstScreen reads the sessions the queue starts with from a
// filled store, newest first: "sessions", all 500 of them (Sessions(Limit:
// 500), which decodes each), as cxi read them before its first frame
// until issue 19; "screen", the 40 a 40-line terminal's first frame
// shows, as it reads them now (the rest come after the frame). Its floor,
// in the same run, is reading the 500 rows' bodies without decoding them.
// It reports the store's bytes a session against the JSON it holds.
func BenchmarkFirstScreen(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			sessions, _, raw := corpus(b, n)
			var held int64
			for i := range sessions {
				sessions[i].Raw = raw[i] // as the list keeps each item
				held += int64(len(raw[i]))
			}
			s, dir := openFilled(b, sessions)
			var size int64
			for _, suffix := range []string{"", "-wal"} {
				if info, err := os.Stat(File(options(dir)) + suffix); err == nil {
					size += info.Size()
				}
			}
			b.Run("sessions", func(b *testing.B) {
				for b.Loop() {
					page, err := s.Sessions(ctx, Query{Limit: 500})
					if err != nil || len(page) != 500 {
						b.Fatal(len(page), err)
					}
				}
				b.ReportMetric(float64(size)/float64(n), "B-on-disk/session")
				b.ReportMetric(float64(size)/float64(held), "×JSON")
			})
			b.Run("screen", func(b *testing.B) {
				for b.Loop() {
					page, err := s.Sessions(ctx, Query{Limit: 40})
					if err != nil || len(page) != 40 {
						b.Fatal(len(page), err)
					}
				}
			})
			b.Run("floor", func(b *testing.B) {
				for b.Loop() {
					rows, err := s.db.QueryContext(ctx, "SELECT raw FROM sessions ORDER BY updated_ns DESC, id LIMIT 500")
					if err != nil {
						b.Fatal(err)
					}
					k := 0
					for rows.Next() {
						var body []byte
						if err := rows.Scan(&body); err != nil {
							b.Fatal(err)
						}
						k++
					}
					rows.Close()
					if k != 500 {
						b.Fatal(k)
					}
				}
			})
		})
	}
}
