package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// HandoffWhy is why the AI handed a session off, as kept from the handoff
// events.
type HandoffWhy struct {
	Reasons     []api.HandoffReason // as the API sent them, unknown ones too
	Explanation string              // "" when none, or erased by a redaction
	At          time.Time           // when the handoff happened; zero when not given
	Fetched     time.Time           // when cxi read it
}

// SaveHandoffReasons keeps why each session of a walk through the handoff
// events was handed off (api.Client.WalkHandoffReasons), replacing what
// was kept for the same sessions; sessions the walk did not meet keep
// theirs, as a walk covers one time window.
func (s *Store) SaveHandoffReasons(ctx context.Context, bySession map[string]api.HandoffWhy, at time.Time) error {
	if len(bySession) == 0 {
		return nil
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO handoff_reasons (session_id, reasons, explanation, handoff_ns, fetched_ns)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET reasons = excluded.reasons,
			explanation = excluded.explanation, handoff_ns = excluded.handoff_ns, fetched_ns = excluded.fetched_ns`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for id, why := range bySession {
			id = fold(id)
			if id == "" {
				continue
			}
			reasons := why.Reasons
			if reasons == nil {
				reasons = []api.HandoffReason{}
			}
			doc, err := json.Marshal(reasons)
			if err != nil {
				return err
			}
			if _, err := stmt.ExecContext(ctx, id, doc, nullText(why.Explanation), unixNano(why.At.Time), unixNano(at)); err != nil {
				return fmt.Errorf("keep why %s was handed off: %w", api.ShortID(id), err)
			}
		}
		return nil
	})
}

// HandoffReasons returns what is kept of why the sessions ids were handed
// off, by session ID (lower case); a session with nothing kept is absent.
func (s *Store) HandoffReasons(ctx context.Context, ids []string) (map[string]HandoffWhy, error) {
	out := map[string]HandoffWhy{}
	if s == nil || len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = fold(id)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT session_id, reasons, explanation, handoff_ns, fetched_ns FROM handoff_reasons
		WHERE session_id IN (SELECT value FROM json_each(?))`, mustJSON(args))
	if err != nil {
		return nil, s.damaged(fmt.Errorf("read the kept handoff reasons: %w", err))
	}
	defer rows.Close()
	for rows.Next() {
		var id, doc string
		var explanation sql.NullString
		var atNs, fetchedNs int64
		if err := rows.Scan(&id, &doc, &explanation, &atNs, &fetchedNs); err != nil {
			return nil, s.damaged(err)
		}
		var reasons []api.HandoffReason
		if err := json.Unmarshal([]byte(doc), &reasons); err != nil {
			return nil, s.damaged(fmt.Errorf("the kept handoff reasons of %s cannot be read: %w", api.ShortID(id), err))
		}
		out[id] = HandoffWhy{Reasons: reasons, Explanation: explanation.String, At: fromNano(atNs), Fetched: fromNano(fetchedNs)}
	}
	return out, s.damaged(rows.Err())
}

// HandedOffBecause returns the IDs of the sessions kept as handed off for
// reason, for the queue's filter ("handed off because: insufficient
// knowledge"), in no particular order.
func (s *Store) HandedOffBecause(ctx context.Context, reason api.HandoffReason) ([]string, error) {
	if s == nil {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT session_id FROM handoff_reasons
		WHERE EXISTS (SELECT 1 FROM json_each(reasons) WHERE value = ?)`, string(reason))
	if err != nil {
		return nil, s.damaged(fmt.Errorf("find the sessions handed off because %s: %w", reason.Label(), err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, s.damaged(err)
		}
		out = append(out, id)
	}
	return out, s.damaged(rows.Err())
}

// Rating is the customer's rating of a session as kept: Rated false when
// the API answered null (asked, none given), which is kept too so that
// the session is not asked again until Fetched is stale.
type Rating struct {
	Rated   bool
	Score   *float64
	Comment string    // "" when none, or erased by a redaction
	At      time.Time // when the customer rated; zero when not given
	Fetched time.Time
}

// SaveCSAT keeps what GET /csat/scores/session/{id} answered: score nil
// for the API's null.
func (s *Store) SaveCSAT(ctx context.Context, sessionID string, score *api.CSATScore, at time.Time) error {
	id := fold(sessionID)
	if id == "" {
		return nil
	}
	rated, value, comment, ratedAt := 0, sql.NullFloat64{}, sql.NullString{}, int64(0)
	if score != nil {
		rated = 1
		if score.Score != nil {
			value = sql.NullFloat64{Float64: *score.Score, Valid: true}
		}
		if score.Comment != nil {
			comment = nullText(*score.Comment)
		}
		ratedAt = unixNano(score.CreatedAt.Time)
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO csat (session_id, rated, score, comment, rated_ns, fetched_ns) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (session_id) DO UPDATE SET rated = excluded.rated, score = excluded.score, comment = excluded.comment,
			rated_ns = excluded.rated_ns, fetched_ns = excluded.fetched_ns`, id, rated, value, comment, ratedAt, unixNano(at))
		if err != nil {
			return fmt.Errorf("keep the rating of %s: %w", api.ShortID(id), err)
		}
		return nil
	})
}

// CSAT returns the kept rating of a session, and whether one (or the
// API's null) is kept at all.
func (s *Store) CSAT(ctx context.Context, sessionID string) (Rating, bool, error) {
	if s == nil {
		return Rating{}, false, nil
	}
	var r Rating
	var rated int
	var score sql.NullFloat64
	var comment sql.NullString
	var ratedNs, fetchedNs int64
	err := s.db.QueryRowContext(ctx, `SELECT rated, score, comment, rated_ns, fetched_ns FROM csat WHERE session_id = ?`, fold(sessionID)).
		Scan(&rated, &score, &comment, &ratedNs, &fetchedNs)
	if err == sql.ErrNoRows {
		return Rating{}, false, nil
	}
	if err != nil {
		return Rating{}, false, s.damaged(fmt.Errorf("read the kept rating of %s: %w", api.ShortID(sessionID), err))
	}
	r.Rated, r.Comment, r.At, r.Fetched = rated == 1, comment.String, fromNano(ratedNs), fromNano(fetchedNs)
	if score.Valid {
		r.Score = &score.Float64
	}
	return r, true, nil
}

// eraseAnalyticsText forgets the words kept about a redacted session: the
// AI's explanation of its handoff and the customer's rating comment.
func eraseAnalyticsText(ctx context.Context, tx *sql.Tx, sessionID string) (bool, error) {
	n := int64(0)
	for _, stmt := range []string{
		"UPDATE handoff_reasons SET explanation = NULL WHERE session_id = ? AND explanation IS NOT NULL",
		"UPDATE csat SET comment = NULL WHERE session_id = ? AND comment IS NOT NULL",
	} {
		res, err := tx.ExecContext(ctx, stmt, sessionID)
		if err != nil {
			return false, err
		}
		m, err := res.RowsAffected()
		if err != nil {
			return false, err
		}
		n += m
	}
	return n > 0, nil
}

// nullText is s, or NULL for an empty or blank text.
func nullText(s string) sql.NullString {
	return sql.NullString{String: s, Valid: strings.TrimSpace(s) != ""}
}

// mustJSON encodes a slice of strings, which cannot fail.
func mustJSON(v []any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
