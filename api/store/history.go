package store

import (
	"bytes"
	"compress/flate"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// SaveHistory keeps a session's transcript as read at time at: the events
// loaded so far, oldest first, and whether they are all of them (the last
// page was read). It replaces what was kept, except that an incomplete
// transcript does not replace a complete one holding at least as many
// events: reading the first page again must not forget the rest.
func (s *Store) SaveHistory(ctx context.Context, id string, events []api.Event, complete bool, at time.Time) error {
	id = fold(id)
	if id == "" {
		return nil
	}
	doc, err := encodeEvents(events)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO histories (session_id, events, n, complete, fetched_ns) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (session_id) DO UPDATE SET events = excluded.events, n = excluded.n,
				complete = excluded.complete, fetched_ns = excluded.fetched_ns
			WHERE NOT (histories.complete = 1 AND excluded.complete = 0 AND histories.n >= excluded.n)`,
			id, doc, len(events), complete, unixNano(at))
		if err != nil {
			return fmt.Errorf("save the history of %s: %w", api.ShortID(id), err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err // the complete transcript stays, and so does its document
		}
		var rid int64
		err = tx.QueryRowContext(ctx, "SELECT rid FROM sessions WHERE id = ?", id).Scan(&rid)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // indexed when the session is saved
		}
		if err != nil {
			return err
		}
		return indexTranscript(ctx, tx, rid, events)
	})
}

// indexTranscript makes events the search document of the transcript of
// the session whose rid is given.
func indexTranscript(ctx context.Context, tx *sql.Tx, rid int64, events []api.Event) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM search WHERE rowid = ?", rid*2+1); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO search (rowid, body) VALUES (?, ?)", rid*2+1, transcriptText(events))
	return err
}

// indexKeptTranscript indexes the kept transcript (its events as stored)
// of a session saved for the first time: SaveHistory could not, without
// the session's rid.
func indexKeptTranscript(ctx context.Context, tx *sql.Tx, rid int64, id string, doc []byte) error {
	events, err := decodeEvents(doc)
	if err != nil {
		return fmt.Errorf("the kept history of %s cannot be read: %w", api.ShortID(id), err)
	}
	return indexTranscript(ctx, tx, rid, events)
}

// encodeEvents is how a transcript is stored: JSON, deflated. Transcripts
// are most of a store's bytes, and their JSON repeats itself (the same
// keys, names and ID prefixes in every event): deflate makes them about a
// fifth of the size, which is customer data not written to disk, for
// about a tenth of a millisecond per transcript.
func encodeEvents(events []api.Event) ([]byte, error) {
	if events == nil {
		events = []api.Event{} // "[]", never "null"
	}
	var b bytes.Buffer
	w, err := flate.NewWriter(&b, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	if err := json.NewEncoder(w).Encode(events); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// decodeEvents reads what encodeEvents wrote.
func decodeEvents(doc []byte) ([]api.Event, error) {
	r := flate.NewReader(bytes.NewReader(doc))
	defer r.Close()
	var events []api.Event
	if err := json.NewDecoder(r).Decode(&events); err != nil {
		return nil, err
	}
	return events, nil
}

// transcriptText is what a transcript is searched by: the text of its
// messages and the names of its attachments.
func transcriptText(events []api.Event) string {
	var b strings.Builder
	for _, e := range events {
		if e.Text != "" {
			b.WriteString(e.Text)
			b.WriteByte('\n')
		}
		for _, a := range e.Attachments {
			b.WriteString(a.Name)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// History is the transcript kept for the session id: its events, when they
// were read, whether they are all of them; ok is false when none is kept.
func (s *Store) History(ctx context.Context, id string) (events []api.Event, at time.Time, complete bool, ok bool, err error) {
	if s == nil {
		return nil, time.Time{}, false, false, nil
	}
	var doc []byte
	var fetched int64
	err = s.db.QueryRowContext(ctx, "SELECT events, complete, fetched_ns FROM histories WHERE session_id = ?",
		fold(id)).Scan(&doc, &complete, &fetched)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, time.Time{}, false, false, nil
	}
	if err != nil {
		return nil, time.Time{}, false, false, s.damaged(fmt.Errorf("read the history of %s: %w", api.ShortID(id), err))
	}
	if events, err = decodeEvents(doc); err != nil {
		return nil, time.Time{}, false, false, fmt.Errorf("the kept history of %s cannot be read: %w", api.ShortID(id), err)
	}
	return events, fromNano(fetched), complete, true, nil
}
