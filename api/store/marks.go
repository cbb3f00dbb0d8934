package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// Mark is the user's review mark and note on a session.
type Mark struct {
	ReviewedAt time.Time // when it was marked reviewed; zero when it is not
	NoteAt     time.Time // when the note was last written; zero without one
	Note       string
	// ChangedSinceReview is set when the session as last kept differs, in
	// a field Changes tells, from the session when it was marked.
	ChangedSinceReview bool
}

// SetReviewed marks the session reviewed at time at (on), or unmarks it.
// The mark keeps a snapshot of the session as kept then, so that a later
// change shows as "changed since reviewed"; a session never kept gets a
// mark without one, which no change can be told against. Once the store
// has stopped remembering it fails (see writeOwn).
func (s *Store) SetReviewed(ctx context.Context, id string, on bool, at time.Time) error {
	id = fold(id)
	if id == "" {
		return nil
	}
	return s.writeOwn(ctx, func(tx *sql.Tx) error {
		if !on {
			if _, err := tx.ExecContext(ctx, "UPDATE marks SET reviewed_ns = 0, reviewed_snap = NULL WHERE session_id = ?", id); err != nil {
				return err
			}
			return dropEmptyMark(ctx, tx, id)
		}
		var snap *string
		var doc, raw []byte
		err := tx.QueryRowContext(ctx, "SELECT doc, raw FROM sessions WHERE id = ?", id).Scan(&doc, &raw)
		switch {
		case err == nil:
			sess, err := decodeSession(doc, raw)
			if err != nil {
				return err
			}
			text := encodeSnapshot(snapshotOf(sess))
			snap = &text
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO marks (session_id, reviewed_ns, reviewed_snap) VALUES (?, ?, ?)
			ON CONFLICT (session_id) DO UPDATE SET reviewed_ns = excluded.reviewed_ns, reviewed_snap = excluded.reviewed_snap`,
			id, unixNano(at), snap)
		return err
	})
}

// SetNote writes the user's private note on a session at time at; empty
// (or blank) text deletes it. Once the store has stopped remembering it
// fails (see writeOwn): the editor then keeps the text.
func (s *Store) SetNote(ctx context.Context, id, text string, at time.Time) error {
	id = fold(id)
	if id == "" {
		return nil
	}
	return s.writeOwn(ctx, func(tx *sql.Tx) error {
		if strings.TrimSpace(text) == "" {
			if _, err := tx.ExecContext(ctx, "UPDATE marks SET note = '', note_ns = 0 WHERE session_id = ?", id); err != nil {
				return err
			}
			return dropEmptyMark(ctx, tx, id)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO marks (session_id, note, note_ns) VALUES (?, ?, ?)
			ON CONFLICT (session_id) DO UPDATE SET note = excluded.note, note_ns = excluded.note_ns`,
			id, text, unixNano(at))
		return err
	})
}

// dropEmptyMark removes a mark that holds neither a review nor a note.
func dropEmptyMark(ctx context.Context, tx *sql.Tx, id string) error {
	_, err := tx.ExecContext(ctx, "DELETE FROM marks WHERE session_id = ? AND reviewed_ns = 0 AND note = ''", id)
	return err
}

// Marks is the review marks and notes of the sessions ids (any case), keyed
// by the IDs as given; a session with neither is not in the map.
func (s *Store) Marks(ctx context.Context, ids []string) (map[string]Mark, error) {
	if s == nil {
		return nil, nil
	}
	byLower := make(map[string]string, len(ids))
	for _, id := range ids {
		byLower[fold(id)] = id
	}
	out := map[string]Mark{}
	err := s.eachByID(ctx, `SELECT m.session_id, m.reviewed_ns, m.reviewed_snap, m.note, m.note_ns, s.doc, s.raw
		FROM marks m LEFT JOIN sessions s ON s.id = m.session_id WHERE m.session_id IN (%s)`, ids, func(rows *sql.Rows) error {
		var id string
		var r markRow
		if err := rows.Scan(&id, &r.reviewed, &r.snap, &r.note, &r.noteAt, &r.doc, &r.raw); err != nil {
			return err
		}
		sess, err := r.session()
		if err != nil {
			return err
		}
		m, _, err := r.mark(sess)
		if err != nil {
			return err
		}
		out[byLower[id]] = m
		return nil
	})
	if err != nil {
		return nil, s.damaged(fmt.Errorf("read the review marks: %w", err))
	}
	return out, nil
}

// markRow is a mark as read, with the session as kept (nil when it is not).
type markRow struct {
	reviewed, noteAt int64
	snap             sql.NullString
	note             string
	doc, raw         []byte
}

// session is the session as kept, decoded; nil when none is kept.
func (r markRow) session() (*api.Session, error) {
	if r.doc == nil && r.raw == nil {
		return nil, nil
	}
	return decodeSession(r.doc, r.raw)
}

// mark makes the Mark, and the fields that changed since the review; sess
// is the kept session (nil when none is), decoded once by the caller, who
// may need it for more than the mark.
func (r markRow) mark(sess *api.Session) (Mark, []FieldChange, error) {
	m := Mark{ReviewedAt: fromNano(r.reviewed), NoteAt: fromNano(r.noteAt), Note: r.note}
	if r.reviewed == 0 || !r.snap.Valid || sess == nil {
		return m, nil, nil
	}
	then, err := decodeSnapshot(r.snap.String)
	if err != nil {
		return m, nil, err
	}
	changed := then.diff(snapshotOf(sess))
	m.ChangedSinceReview = len(changed) > 0
	return m, changed, nil
}
