package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/opencx-tools/cxi/api"
)

// RedactedText is what a redacted message's text becomes, as the API says
// (the contract's README: "the text becomes [REDACTED] and files are
// deleted"), so that a kept transcript reads as the API's does.
const RedactedText = "[REDACTED]"

// RedactionMayHaveHappened reports whether a redaction sent with the
// answer err may have redacted something: unless the API said it did not
// (success: false) or refused the request (a 4xx), the store erases its
// copy, as keeping words the API no longer has is the worse mistake; a
// transcript erased needlessly is only read again.
func RedactionMayHaveHappened(err error) bool {
	if err == nil {
		return true
	}
	if errors.Is(err, api.ErrNotRedacted) {
		return false
	}
	var e *api.Error
	return !errors.As(err, &e) || e.Status < 400 || e.Status >= 500
}

// EraseRedacted makes the store forget what a redaction erased from the
// API. For a session's (messageID ""), the session's kept transcript is
// dropped: it is read again when next shown. For one message's, that
// message's text becomes RedactedText and its attachments go, in whichever
// kept transcript holds it (the session named first, as a message ID names
// no session), the rest staying. Either way the AI's explanation of the
// session's handoff and the customer's rating comment go too: they are
// words about, or from, the conversation (reasons and score stay). Nothing
// kept is no error.
//
// Dropping the rows is not enough: FTS5 only marks a deleted document's
// terms deleted, and SQLite leaves deleted rows in freed pages and in the
// write-ahead log. So the index is merged (which drops the marked terms),
// the file rebuilt and the log emptied (see scrub): afterwards no byte of
// the old text is in any of the store's files. That takes a moment on a
// large store, which a permanent act may.
func (s *Store) EraseRedacted(ctx context.Context, sessionID, messageID string) error {
	if s == nil {
		return nil
	}
	sessionID = fold(sessionID)
	changed := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if messageID == "" {
			changed, err = dropTranscript(ctx, tx, sessionID)
		} else {
			changed, err = redactKeptMessage(ctx, tx, sessionID, messageID)
		}
		if err != nil {
			return err
		}
		erased, err := eraseAnalyticsText(ctx, tx, sessionID)
		changed = changed || erased
		return err
	})
	if err != nil {
		return s.damaged(fmt.Errorf("erase the redacted text of %s from the local store: %w", api.ShortID(sessionID), err))
	}
	if !changed {
		return nil
	}
	if err := s.scrub(ctx); err != nil {
		return fmt.Errorf("erase the redacted text of %s from the local store: %w", api.ShortID(sessionID), err)
	}
	return nil
}

// dropTranscript deletes the session's kept transcript; its trigger drops
// its search document.
func dropTranscript(ctx context.Context, tx *sql.Tx, sessionID string) (bool, error) {
	res, err := tx.ExecContext(ctx, "DELETE FROM histories WHERE session_id = ?", sessionID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// redactKeptMessage rewrites the message messageID as the API now has it,
// in the transcript of sessionID or, when it is not there, in any other
// kept transcript, and indexes the transcript again.
func redactKeptMessage(ctx context.Context, tx *sql.Tx, sessionID, messageID string) (bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT h.session_id, h.events, s.rid FROM histories h LEFT JOIN sessions s ON s.id = h.session_id
		ORDER BY h.session_id != ?`, sessionID)
	if err != nil {
		return false, err
	}
	type rewrite struct {
		id     string
		rid    sql.NullInt64
		events []api.Event
	}
	var found *rewrite
	for rows.Next() && found == nil {
		var r rewrite
		var doc []byte
		if err := rows.Scan(&r.id, &doc, &r.rid); err != nil {
			rows.Close()
			return false, err
		}
		events, err := decodeEvents(doc)
		if err != nil {
			rows.Close()
			return false, fmt.Errorf("the kept history of %s cannot be read: %w", api.ShortID(r.id), err)
		}
		for i := range events {
			if events[i].ID == messageID {
				events[i].Text, events[i].Attachments = RedactedText, nil
				r.events, found = events, &r
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || found == nil {
		return false, err
	}
	doc, err := encodeEvents(found.events)
	if err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE histories SET events = ? WHERE session_id = ?", doc, found.id); err != nil {
		return false, err
	}
	if found.rid.Valid {
		return true, indexTranscript(ctx, tx, found.rid.Int64, found.events)
	}
	return true, nil
}

// scrub makes rows deleted from the store unreadable in its files. The
// search index is merged into one segment first ("optimize"), which
// leaves out the terms of deleted documents: FTS5 otherwise keeps them,
// only marked deleted, until a merge happens to reach them. VACUUM then
// writes the database anew, so that no freed page holds an old row,
// whenever it was freed (PRAGMA secure_delete would zero pages from now
// on only, and a merge of the index frees pages that held the old terms
// long before); the checkpoint copies it into the file and truncates the
// write-ahead log, where old pages and new were written first. A checkpoint that another process's open read keeps
// from finishing leaves the log as it is: that is an error, as the old
// text may be in it.
func (s *Store) scrub(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, "INSERT INTO search(search) VALUES('optimize')"); err != nil {
		return s.damaged(fmt.Errorf("rebuild the search index: %w", err))
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM"); err != nil {
		return s.damaged(fmt.Errorf("rewrite the file: %w", err))
	}
	var busy, logged, copied int
	if err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &copied); err != nil {
		return s.damaged(fmt.Errorf("empty the write-ahead log: %w", err))
	}
	if busy != 0 {
		return fmt.Errorf("another cxi has the store open, so its write-ahead log (%s-wal) may hold the old text until that cxi exits", s.path)
	}
	return nil
}
