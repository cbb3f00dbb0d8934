package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/packed"
)

// SaveSessions keeps sessions as the API sent them at time at (a list page,
// or one GET): each replaces what was kept under its ID. A session's Raw
// (the GET's body, or its list item) is kept when set, so that --json, the
// raw view and --field read offline what they read online; a session
// without one keeps an earlier body only while its fields have not changed
// since, so a raw view never shows older data than the rest.
func (s *Store) SaveSessions(ctx context.Context, sessions []api.Session, at time.Time) error {
	if len(sessions) == 0 {
		return nil
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		sv, err := prepareSaver(ctx, tx)
		if err != nil {
			return err
		}
		defer sv.close()
		for i := range sessions {
			if err := sv.save(ctx, tx, &sessions[i], at); err != nil {
				return fmt.Errorf("save session %s: %w", api.ShortID(sessions[i].ID), err)
			}
		}
		return nil
	})
}

// saver holds the statements that save a session, prepared once for a
// page: compiling them again for each of its sessions cost more than
// running them.
type saver struct {
	old, touch, upsert, dropIdents, addIdent, keptHistory, dropSummary, addSummary *sql.Stmt
}

func prepareSaver(ctx context.Context, tx *sql.Tx) (*saver, error) {
	sv := &saver{}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&sv.old, "SELECT rid, doc, raw FROM sessions WHERE id = ?"},
		{&sv.touch, "UPDATE sessions SET fetched_ns = ?, raw = coalesce(?, raw) WHERE rid = ?"},
		{&sv.upsert, `INSERT INTO sessions (id, doc, raw, status, handed_off, channel, updated_ns, fetched_ns)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, raw = excluded.raw, status = excluded.status,
				handed_off = excluded.handed_off, channel = excluded.channel, updated_ns = excluded.updated_ns,
				fetched_ns = excluded.fetched_ns
			RETURNING rid`},
		{&sv.dropSummary, "DELETE FROM search WHERE rowid = ?"},
		{&sv.addSummary, "INSERT INTO search (rowid, body) VALUES (?, ?)"},
		{&sv.dropIdents, "DELETE FROM idents WHERE session = ?"},
		{&sv.addIdent, "INSERT OR IGNORE INTO idents (kind, value, session) VALUES (?, ?, ?)"},
		{&sv.keptHistory, "SELECT events FROM histories WHERE session_id = ?"},
	} {
		stmt, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			sv.close()
			return nil, err
		}
		*p.stmt = stmt
	}
	return sv, nil
}

func (sv *saver) close() {
	for _, st := range []*sql.Stmt{sv.old, sv.touch, sv.upsert, sv.dropIdents, sv.addIdent, sv.keptHistory, sv.dropSummary, sv.addSummary} {
		if st != nil {
			st.Close()
		}
	}
}

// save writes one session. An unchanged one, the common case when the
// queue is refreshed, only has its fetch time moved on: its search
// document and identifiers stay as they are. A session is kept once: as
// the body the API sent when there is one (doc is then empty), else as
// cxi's own encoding.
func (sv *saver) save(ctx context.Context, tx *sql.Tx, sess *api.Session, at time.Time) error {
	id := fold(sess.ID)
	if id == "" {
		return nil
	}
	var raw []byte
	if len(sess.Raw) > 0 {
		raw = sess.Raw
	}
	var rid int64
	var oldDoc, oldRaw []byte
	err := sv.old.QueryRowContext(ctx, id).Scan(&rid, &oldDoc, &oldRaw)
	isNew := errors.Is(err, sql.ErrNoRows)
	if err != nil && !isNew {
		return err
	}
	if raw != nil {
		raw = packed.Pack(raw)
	}
	var old *api.Session
	if !isNew {
		// The same body again is the same session, with no encoding:
		// packing is deterministic, so the same body packs the same. (A
		// body an older cxi packed with another writer differs in its
		// bytes: it is compared field by field, once.)
		same := raw != nil && bytes.Equal(raw, oldRaw)
		if !same {
			if old, err = decodeSession(oldDoc, oldRaw); err != nil {
				return err
			}
			if same, err = sameFields(sess, old); err != nil {
				return err
			}
		}
		if same {
			_, err = sv.touch.ExecContext(ctx, unixNano(at), raw, rid)
			return err
		}
	}
	doc := []byte{}
	if raw == nil {
		if doc, err = json.Marshal(sess); err != nil {
			return err
		}
		doc = packed.Pack(doc)
	}
	err = sv.upsert.QueryRowContext(ctx, id, doc, raw, string(sess.Status), sess.HandedOff(), string(sess.Channel.Type),
		unixNano(sess.UpdatedAt.Time), unixNano(at)).Scan(&rid)
	if err != nil {
		return err
	}
	if err := sv.indexSummary(ctx, rid, old, sess); err != nil {
		return err
	}
	if _, err := sv.dropIdents.ExecContext(ctx, rid); err != nil {
		return err
	}
	for _, k := range identsOf(sess) {
		if _, err := sv.addIdent.ExecContext(ctx, k.kind, k.value, rid); err != nil {
			return err
		}
	}
	if !isNew {
		return nil
	}
	// A transcript kept before its session could not be indexed then.
	var events []byte
	err = sv.keptHistory.QueryRowContext(ctx, id).Scan(&events)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return indexKeptTranscript(ctx, tx, rid, id, events)
}

// indexSummary makes the handoff summary of sess, saved under rid, its
// search document (rowid rid*2), where old (nil for a session new to the
// store) had another. The summary is in the kept body: the index is the
// only other place it is written.
func (sv *saver) indexSummary(ctx context.Context, rid int64, old, sess *api.Session) error {
	was, had := summaryOf(old)
	now, has := summaryOf(sess)
	if old != nil && had == has && was == now {
		return nil
	}
	if old != nil && had {
		if _, err := sv.dropSummary.ExecContext(ctx, rid*2); err != nil {
			return err
		}
	}
	if !has {
		return nil
	}
	_, err := sv.addSummary.ExecContext(ctx, rid*2, now)
	return err
}

// summaryOf is the handoff summary of s; ok is false without a handoff
// (or without s).
func summaryOf(s *api.Session) (summary string, ok bool) {
	if s == nil || s.Handoff == nil {
		return "", false
	}
	return s.Handoff.Summary, true
}

// Session is the session kept under id (any case), with its Raw when one
// was kept, and when cxi last had it from the API; ok is false when none is
// kept.
func (s *Store) Session(ctx context.Context, id string) (sess *api.Session, fetchedAt time.Time, ok bool, err error) {
	if s == nil {
		return nil, time.Time{}, false, nil
	}
	var doc, raw []byte
	var fetched int64
	err = s.db.QueryRowContext(ctx, "SELECT doc, raw, fetched_ns FROM sessions WHERE id = ?",
		fold(id)).Scan(&doc, &raw, &fetched)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, time.Time{}, false, nil
	}
	if err != nil {
		return nil, time.Time{}, false, s.damaged(fmt.Errorf("read session %s: %w", api.ShortID(id), err))
	}
	sess, err = decodeSession(doc, raw)
	if err != nil {
		return nil, time.Time{}, false, err
	}
	return sess, fromNano(fetched), true, nil
}

// Query filters Sessions as the queue's filters do the list; zero values
// mean "any".
type Query struct {
	Status       api.Status
	HandedOff    bool // only sessions handed off to a human
	Channel      api.ChannelType
	UpdatedAfter time.Time // only sessions updated after it
	Limit        int       // at most this many; 0 is no limit
	Offset       int       // skip this many first, for the next page
}

// Sessions is the kept sessions that match q, newest activity first (as
// the list orders them), each with its Raw when one was kept.
func (s *Store) Sessions(ctx context.Context, q Query) ([]api.Session, error) {
	if s == nil {
		return nil, nil
	}
	var where []string
	var args []any
	if q.Status != "" {
		where, args = append(where, "status = ?"), append(args, string(q.Status))
	}
	if q.HandedOff {
		where = append(where, "handed_off = 1")
	}
	if q.Channel != "" {
		where, args = append(where, "channel = ?"), append(args, string(q.Channel))
	}
	if !q.UpdatedAfter.IsZero() {
		where, args = append(where, "updated_ns > ?"), append(args, q.UpdatedAfter.UnixNano())
	}
	query := "SELECT doc, raw FROM sessions"
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	limit := q.Limit
	if limit <= 0 {
		limit = -1 // SQLite's "no limit"
	}
	query += " ORDER BY updated_ns DESC, id LIMIT ? OFFSET ?"
	args = append(args, limit, max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, s.damaged(fmt.Errorf("read the kept sessions: %w", err))
	}
	defer rows.Close()
	var out []api.Session
	for rows.Next() {
		var doc, raw []byte
		if err := rows.Scan(&doc, &raw); err != nil {
			return nil, err
		}
		sess, err := decodeSession(doc, raw)
		if err != nil {
			return nil, err
		}
		out = append(out, *sess)
	}
	return out, s.damaged(rows.Err())
}

// Sync is when the list for key (the caller's name for a set of filters)
// was last read in full, so that a refresh may ask only for what changed
// since (updated_after); zero when never. A refresh with a status or
// channel filter cannot see the sessions that left the filter since: sync
// with the filters the API cannot drop sessions from, or re-read those.
func (s *Store) Sync(ctx context.Context, key string) (time.Time, error) {
	if s == nil {
		return time.Time{}, nil
	}
	var at int64
	err := s.db.QueryRowContext(ctx, "SELECT at_ns FROM syncs WHERE key = ?", key).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, s.damaged(fmt.Errorf("read the last sync: %w", err))
	}
	return fromNano(at), nil
}

// SetSync records a successful list sync for key at time at: the time the
// first request of the sync was sent, so that nothing updated while it ran
// is missed by the next one.
func (s *Store) SetSync(ctx context.Context, key string, at time.Time) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO syncs (key, at_ns) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET at_ns = excluded.at_ns",
			key, at.UnixNano())
		return err
	})
}

// sameFields reports whether sess has the fields of kept, the session
// as kept: a session listed, then fetched, comes as two bodies
// that differ in bytes but not in what they say.
func sameFields(sess, kept *api.Session) (bool, error) {
	old := *kept
	old.Raw = nil
	a, err := json.Marshal(&old)
	if err != nil {
		return false, err
	}
	cp := *sess
	cp.Raw = nil
	b, err := json.Marshal(&cp)
	if err != nil {
		return false, err
	}
	return bytes.Equal(a, b), nil
}

// decodeSession reads a kept session: raw is the body the API sent, when it
// was kept (nil for none), and then doc is empty; otherwise doc is cxi's
// own encoding of api.Session, which decodes back to the same values.
// Either is packed (api/packed) or, kept by a cxi before schema 5, plain:
// Unpack gives a plain one back as it is.
func decodeSession(doc, raw []byte) (*api.Session, error) {
	src, err := packed.Unpack(doc)
	if len(doc) == 0 {
		src, err = packed.Unpack(raw)
	}
	if err != nil {
		return nil, fmt.Errorf("a kept session cannot be read: %w", err)
	}
	var sess api.Session
	if err := json.Unmarshal(src, &sess); err != nil {
		return nil, fmt.Errorf("a kept session cannot be read: %w", err)
	}
	if len(raw) > 0 {
		if len(doc) == 0 {
			sess.Raw = json.RawMessage(src)
		} else if sess.Raw, err = packed.Unpack(raw); err != nil {
			return nil, fmt.Errorf("a kept session cannot be read: %w", err)
		}
	}
	return &sess, nil
}

// unixNano is t in Unix nanoseconds, 0 for the zero time (whose UnixNano is
// not defined).
func unixNano(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// fromNano is unixNano's inverse.
func fromNano(ns int64) time.Time {
	if ns == 0 {
		return time.Time{}
	}
	return time.Unix(0, ns)
}
