package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// HandoverItem is a session the user reviewed or wrote a note on, for the
// next shift.
type HandoverItem struct {
	// Session is the session as last kept; a session marked but never
	// kept has its ID only.
	Session   api.Session
	FetchedAt time.Time // when cxi last had it from the API; zero when never
	Mark
	SeenAt time.Time // when the user last looked at it; zero when never
	// Changes are the fields that differ between what the user last
	// looked at and the session as kept: what the next shift has not seen
	// either. Nil when it was never looked at.
	Changes []FieldChange
	// SinceReview are the fields that changed since it was marked
	// reviewed; nil when it is not marked, or was not kept then.
	SinceReview []FieldChange
}

// Handover is the sessions reviewed or noted at since or after, grouped by
// status (the groups in the statuses' alphabetical order, for the caller to
// arrange) and, within a status, by the time of the user's last mark or
// note, latest first.
func (s *Store) Handover(ctx context.Context, since time.Time) ([]HandoverItem, error) {
	if s == nil {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT m.session_id, m.reviewed_ns, m.reviewed_snap, m.note, m.note_ns,
			s.doc, s.raw, coalesce(s.fetched_ns, 0), coalesce(seen.at_ns, 0), seen.snap
		FROM marks m
		LEFT JOIN sessions s ON s.id = m.session_id
		LEFT JOIN seen ON seen.session_id = m.session_id
		WHERE m.reviewed_ns >= :since OR (m.note != '' AND m.note_ns >= :since)
		ORDER BY coalesce(s.status, ''), max(m.reviewed_ns, m.note_ns) DESC, m.session_id`,
		sql.Named("since", unixNano(since)))
	if err != nil {
		return nil, s.damaged(fmt.Errorf("read the handover: %w", err))
	}
	defer rows.Close()
	var out []HandoverItem
	for rows.Next() {
		var id string
		var r markRow
		var fetched, seenAt int64
		var seenSnap sql.NullString
		if err := rows.Scan(&id, &r.reviewed, &r.snap, &r.note, &r.noteAt, &r.doc, &r.raw, &fetched, &seenAt, &seenSnap); err != nil {
			return nil, err
		}
		item, err := handoverItem(id, r, fetched, seenAt, seenSnap)
		if err != nil {
			return nil, err
		}
		out = append(out, item)
	}
	return out, rows.Err()
}

func handoverItem(id string, r markRow, fetched, seenAt int64, seenSnap sql.NullString) (HandoverItem, error) {
	sess, err := r.session()
	if err != nil {
		return HandoverItem{}, err
	}
	m, sinceReview, err := r.mark(sess)
	if err != nil {
		return HandoverItem{}, err
	}
	item := HandoverItem{Session: api.Session{ID: id}, FetchedAt: fromNano(fetched), Mark: m,
		SeenAt: fromNano(seenAt), SinceReview: sinceReview}
	if sess == nil {
		return item, nil
	}
	item.Session = *sess
	if seenSnap.Valid {
		then, err := decodeSnapshot(seenSnap.String)
		if err != nil {
			return HandoverItem{}, err
		}
		item.Changes = then.diff(snapshotOf(sess))
	}
	return item, nil
}
