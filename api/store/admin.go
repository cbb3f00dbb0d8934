package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"
)

// Stats is what a store holds, for `cxi store`.
type Stats struct {
	Path        string
	Size        int64 // bytes on disk: the file and its write-ahead log
	Sessions    int   // sessions kept
	Seen        int   // sessions the user looked at
	Reviewed    int   // sessions marked reviewed
	Notes       int   // sessions with a note
	Transcripts int   // transcripts kept
}

// Stats counts what the store holds; the zero Stats for a nil *Store.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	if s == nil {
		return Stats{}, nil
	}
	st := Stats{Path: s.path}
	for _, p := range []string{s.path, s.path + "-wal"} {
		if info, err := os.Stat(p); err == nil {
			st.Size += info.Size()
		}
	}
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM sessions),
		(SELECT count(*) FROM seen),
		(SELECT count(*) FROM marks WHERE reviewed_ns != 0),
		(SELECT count(*) FROM marks WHERE note != ''),
		(SELECT count(*) FROM histories)`).Scan(&st.Sessions, &st.Seen, &st.Reviewed, &st.Notes, &st.Transcripts)
	if err != nil {
		return st, s.damaged(fmt.Errorf("count what the store holds: %w", err))
	}
	return st, nil
}

// tables are the tables Clear empties, every one that holds data but the
// search index, which is emptied by its own command.
func tables() []string {
	return []string{"idents", "sessions", "seen", "marks", "histories", "syncs", "audit", "handoff_reasons", "csat"}
}

// Clear empties the store, leaving none of what it held in its files
// (scrub): the search index is emptied with FTS5's delete-all, as deleting
// its rows would only mark their terms deleted.
func (s *Store) Clear(ctx context.Context) error {
	if s == nil {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, t := range tables() {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return fmt.Errorf("empty %s: %w", t, err)
			}
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO search(search) VALUES('delete-all')"); err != nil {
			return fmt.Errorf("empty the search index: %w", err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("clear the store: %w", s.damaged(err))
	}
	if err := s.scrub(ctx); err != nil {
		return fmt.Errorf("clear the store: %w", err)
	}
	return nil
}

// recentFor is the condition "something happened to the session %[1]s
// since :cut", in any table: a session and everything about it are kept
// while any part of it is recent, so a note does not outlive its session
// nor a fetch drop a recent note. The inner tables are aliased so that
// %[1]s, a column of the table being pruned, names the outer row.
const recentFor = `(EXISTS (SELECT 1 FROM sessions x WHERE x.id = %[1]s AND x.fetched_ns >= :cut)
	OR EXISTS (SELECT 1 FROM seen x WHERE x.session_id = %[1]s AND x.at_ns >= :cut)
	OR EXISTS (SELECT 1 FROM marks x WHERE x.session_id = %[1]s AND max(x.reviewed_ns, x.note_ns) >= :cut)
	OR EXISTS (SELECT 1 FROM histories x WHERE x.session_id = %[1]s AND x.fetched_ns >= :cut))`

// prune deletes every session nothing happened to since cut, with all that
// is kept about it, and the list syncs and audit entries older than cut. Each DELETE reads
// only the old rows, through the tables' time indexes.
func (s *Store) prune(ctx context.Context, cut time.Time) error {
	stmts := []string{
		"DELETE FROM sessions WHERE fetched_ns < :cut AND NOT " + fmt.Sprintf(recentFor, "sessions.id"),
		"DELETE FROM seen WHERE at_ns < :cut AND NOT " + fmt.Sprintf(recentFor, "seen.session_id"),
		"DELETE FROM marks WHERE max(reviewed_ns, note_ns) < :cut AND NOT " + fmt.Sprintf(recentFor, "marks.session_id"),
		"DELETE FROM histories WHERE fetched_ns < :cut AND NOT " + fmt.Sprintf(recentFor, "histories.session_id"),
		"DELETE FROM handoff_reasons WHERE fetched_ns < :cut AND NOT " + fmt.Sprintf(recentFor, "handoff_reasons.session_id"),
		"DELETE FROM csat WHERE fetched_ns < :cut AND NOT " + fmt.Sprintf(recentFor, "csat.session_id"),
		"DELETE FROM syncs WHERE at_ns < :cut",
		"DELETE FROM audit WHERE at_ns < :cut",
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, stmt := range stmts {
			if _, err := tx.ExecContext(ctx, stmt, sql.Named("cut", cut.UnixNano())); err != nil {
				return fmt.Errorf("prune: %w", err)
			}
		}
		return nil
	})
}
