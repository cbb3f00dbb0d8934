package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// The actions an audit entry records.
const (
	ActionClose  = "close"
	ActionReopen = "reopen"
	ActionRedact = "redact"
)

// The sources of a write.
const (
	SourceTUI     = "tui"
	SourceCommand = "command"
)

// AuditEntry is one write cxi sent and what came of it.
type AuditEntry struct {
	At        time.Time
	SessionID string
	MessageID string // the redacted message; "" for a status change or a whole session
	Action    string // ActionClose, ActionReopen or ActionRedact
	// Options are what went with the write, in words: "helpdesk",
	// "summary", "reason: …".
	Options []string
	// Before and After are the session's status before the write and as
	// the confirming read found it; "" when not known or not a status
	// change.
	Before, After api.Status
	Outcome       string // "ok", "not found", "failed (HTTP 500)", …
	Source        string // SourceTUI or SourceCommand
}

// StatusEntry is the entry for status change ch sent to session id, which
// was in status before: its action and options in words. The writer fills
// in the rest (when, the source, the outcome, After), as both the TUI and
// cxi close/reopen record one.
func StatusEntry(id string, before api.Status, ch api.StatusChange) AuditEntry {
	e := AuditEntry{SessionID: id, Action: ActionClose, Before: before}
	if ch.Status == api.StatusOpen {
		e.Action = ActionReopen
	}
	if ch.ReflectInHelpdesk {
		e.Options = append(e.Options, "helpdesk")
	}
	if ch.GenerateSummary {
		e.Options = append(e.Options, "summary")
	}
	return e
}

// Audit records e. A nil *Store does nothing. Entries are kept as long as
// the store keeps a session nothing happened to (store_keep).
func (s *Store) Audit(ctx context.Context, e AuditEntry) error {
	opts := e.Options
	if opts == nil {
		opts = []string{}
	}
	doc, err := json.Marshal(opts)
	if err != nil {
		return err
	}
	// What was written to the API must not go unrecorded in silence: like a
	// note, a failed entry says so every time, never only the first.
	return s.writeOwn(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO audit(at_ns, session_id, message_id, action, options, before, after, outcome, source)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			unixNano(e.At), e.SessionID, e.MessageID, e.Action, string(doc), string(e.Before), string(e.After), e.Outcome, e.Source)
		if err != nil {
			return fmt.Errorf("record the write to %s: %w", api.ShortID(e.SessionID), err)
		}
		return nil
	})
}

// AuditLog is the entries recorded at or after since, oldest first (in the
// order they were recorded among equal times). A nil *Store has none.
func (s *Store) AuditLog(ctx context.Context, since time.Time) ([]AuditEntry, error) {
	if s == nil {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT at_ns, session_id, message_id, action, options, before, after, outcome, source
		FROM audit WHERE at_ns >= ? ORDER BY at_ns, seq`, unixNano(since))
	if err != nil {
		return nil, s.damaged(fmt.Errorf("read the audit log: %w", err))
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at int64
		var opts, before, after string
		if err := rows.Scan(&at, &e.SessionID, &e.MessageID, &e.Action, &opts, &before, &after, &e.Outcome, &e.Source); err != nil {
			return nil, s.damaged(fmt.Errorf("read the audit log: %w", err))
		}
		if err := json.Unmarshal([]byte(opts), &e.Options); err != nil {
			return nil, fmt.Errorf("read the audit log: the options of an entry: %w", err)
		}
		if len(e.Options) == 0 {
			e.Options = nil
		}
		e.At, e.Before, e.After = fromNano(at), api.Status(before), api.Status(after)
		out = append(out, e)
	}
	return out, rows.Err()
}
