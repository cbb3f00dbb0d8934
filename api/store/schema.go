package store

import (
	"context"
	"database/sql"
	"fmt"
)

// schemaV1 is the first schema. Times are Unix nanoseconds; 0 is "never".
//
// search is one full-text index over a session's two documents, both
// keyed by the session's rid: its handoff summary (rowid = rid*2) and its
// kept transcript (rid*2+1), so that a hit names its session by rowid/2
// alone. It is contentless (an empty content option), so the texts are not stored a
// second time, with contentless_delete=1 so a document can be dropped by
// its rowid. Triggers keep the summaries in step with sessions; a
// transcript's text is derived from its events in Go, so SaveHistory (and
// SaveSessions, for a transcript kept before its session) writes that
// document itself, and only its deletion is a trigger.
const schemaV1 = `
CREATE TABLE sessions (
	rid        INTEGER PRIMARY KEY,
	id         TEXT NOT NULL UNIQUE,  -- the session ID, lower case
	doc        TEXT NOT NULL,         -- the session as JSON (api.Session's encoding, without Raw)
	raw        BLOB,                  -- the body GET /chat/sessions/{id} answered; NULL when it is not current
	status     TEXT NOT NULL,
	handed_off INTEGER NOT NULL,
	channel    TEXT NOT NULL,
	updated_ns INTEGER NOT NULL,      -- updated_at; 0 when it did not parse
	summary    TEXT,                  -- the handoff summary, NULL without a handoff
	fetched_ns INTEGER NOT NULL       -- when cxi last had it from the API
);
CREATE INDEX sessions_by_fetched ON sessions(fetched_ns);

-- What a session can be found by: kind 't' a ticket reference (external_id
-- in lower case, ticket_number as text), 'e' an email in lower case, 'p' a
-- phone number's digits reversed (so "ends with" is a prefix range), 'n' a
-- name in lower case and each of its word-started tails.
CREATE TABLE idents (
	kind    TEXT NOT NULL,
	value   TEXT NOT NULL,
	session INTEGER NOT NULL REFERENCES sessions(rid) ON DELETE CASCADE,
	PRIMARY KEY (kind, value, session)
) WITHOUT ROWID;
CREATE INDEX idents_by_session ON idents(session);

-- What the user last looked at, field by field (a snapshot as JSON).
CREATE TABLE seen (
	session_id TEXT PRIMARY KEY,
	at_ns      INTEGER NOT NULL,
	snap       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX seen_by_time ON seen(at_ns);

-- Review marks and notes; a row goes when it holds neither.
CREATE TABLE marks (
	session_id    TEXT PRIMARY KEY,
	reviewed_ns   INTEGER NOT NULL DEFAULT 0,
	reviewed_snap TEXT,               -- the session's snapshot when it was marked
	note          TEXT NOT NULL DEFAULT '',
	note_ns       INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE histories (
	rid        INTEGER PRIMARY KEY,
	session_id TEXT NOT NULL UNIQUE,
	events     BLOB NOT NULL,         -- JSON array of api.Event, deflated (encodeEvents)
	n          INTEGER NOT NULL,      -- how many events
	complete   INTEGER NOT NULL,      -- 1 when the last page was read
	fetched_ns INTEGER NOT NULL
);
CREATE INDEX histories_by_fetched ON histories(fetched_ns);

-- The last successful list sync per filter key.
CREATE TABLE syncs (
	key   TEXT PRIMARY KEY,
	at_ns INTEGER NOT NULL
) WITHOUT ROWID;

CREATE VIRTUAL TABLE search USING fts5(body, content='', contentless_delete=1,
	tokenize='porter unicode61 remove_diacritics 2');

CREATE TRIGGER sessions_summary_insert AFTER INSERT ON sessions WHEN new.summary IS NOT NULL BEGIN
	INSERT INTO search(rowid, body) VALUES (new.rid*2, new.summary);
END;
CREATE TRIGGER sessions_summary_update AFTER UPDATE OF summary ON sessions
WHEN old.summary IS NOT new.summary BEGIN
	DELETE FROM search WHERE rowid = old.rid*2;
	INSERT INTO search(rowid, body) SELECT new.rid*2, new.summary WHERE new.summary IS NOT NULL;
END;
CREATE TRIGGER sessions_delete AFTER DELETE ON sessions BEGIN
	DELETE FROM search WHERE rowid IN (old.rid*2, old.rid*2+1);
END;
CREATE TRIGGER histories_delete AFTER DELETE ON histories BEGIN
	DELETE FROM search WHERE rowid = (SELECT rid*2+1 FROM sessions WHERE id = old.session_id);
END;
`

// schemaV2 orders the queue from an index: the first page of 10,000 stored
// sessions is read in index order instead of sorting them all.
const schemaV2 = `
CREATE INDEX sessions_by_activity ON sessions(updated_ns DESC, id);
`

// schemaV3 is the audit log: every write cxi sent (close, reopen,
// redact), from the TUI or a command, with its answer. Options are a JSON
// array of strings; before and after are statuses, empty when none applies.
const schemaV3 = `
CREATE TABLE audit (
	seq        INTEGER PRIMARY KEY,
	at_ns      INTEGER NOT NULL,
	session_id TEXT NOT NULL,
	message_id TEXT NOT NULL DEFAULT '',
	action     TEXT NOT NULL,
	options    TEXT NOT NULL DEFAULT '[]',
	before     TEXT NOT NULL DEFAULT '',
	after      TEXT NOT NULL DEFAULT '',
	outcome    TEXT NOT NULL,
	source     TEXT NOT NULL
);
CREATE INDEX audit_by_time ON audit(at_ns);
`

// schemaV4 keeps one copy of each session: where the body the API sent is
// kept (raw), the session is decoded from it, and doc is empty. A kept raw
// is always current (SaveSessions drops it when the fields change), so it
// decodes to what doc held. doc stays NOT NULL, as SQLite cannot drop a
// constraint without rebuilding the table its search rows are keyed to;
// an empty text costs one byte. The pages freed are reused as the store
// fills again.
const schemaV4 = `
UPDATE sessions SET doc = '' WHERE raw IS NOT NULL;
`

// schemaV5 is the TUI's command line history (`:close`, `:filter
// channel=email`): the lines run, oldest first by seq, trimmed to the last
// CommandHistoryLimit by AddCommand. A line holds IDs and filters, never a
// note or a key.
const schemaV5 = `
CREATE TABLE command_history (
	seq   INTEGER PRIMARY KEY,
	at_ns INTEGER NOT NULL,
	line  TEXT NOT NULL
);
`

// schemaV6 keeps what the analytics endpoints said of each session, so
// that the queue and the detail show it without asking again (issue 21):
// why the AI handed it off (GET /handoff-analytics/events, read in pages
// for the queue's window), and the customer's rating (GET
// /csat/scores/session/{id}, asked once per session opened). reasons is a
// JSON array of the API's words as sent, a newer API's too; explanation
// and comment are NULL when there is none, or once a redaction erased
// them. A rating row with rated = 0 is the API's null: asked, none given.
const schemaV6 = `
CREATE TABLE handoff_reasons (
	session_id  TEXT PRIMARY KEY,
	reasons     TEXT NOT NULL,
	explanation TEXT,
	handoff_ns  INTEGER NOT NULL,     -- when the handoff happened; 0 when not given
	fetched_ns  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX handoff_reasons_by_fetched ON handoff_reasons(fetched_ns);

CREATE TABLE csat (
	session_id TEXT PRIMARY KEY,
	rated      INTEGER NOT NULL,
	score      REAL,
	comment    TEXT,
	rated_ns   INTEGER NOT NULL,      -- when the customer rated; 0 when not given
	fetched_ns INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX csat_by_fetched ON csat(fetched_ns);
`

// schemaV7 keeps the handoff summary once, in the session's body: the
// summary column copied it for the triggers that indexed it, and
// SaveSessions now writes the summary's search document itself (rowid
// rid*2, as before, so the documents already indexed stay right). DROP
// COLUMN rewrites the table; bodies kept plain stay plain until the
// session is saved again (reading takes either).
const schemaV7 = `
DROP TRIGGER sessions_summary_insert;
DROP TRIGGER sessions_summary_update;
ALTER TABLE sessions DROP COLUMN summary;
`

// migrations returns the steps between schema versions: step i takes a
// store from version i to i+1, so a store of any earlier version is brought
// up to date one step at a time. A step is never changed once released;
// a change is a new step.
func migrations() []string {
	return []string{schemaV1, schemaV2, schemaV3, schemaV4, schemaV5, schemaV6, schemaV7}
}

// SchemaVersion is the schema version this build of cxi writes.
func SchemaVersion() int { return len(migrations()) }

// newerSchemaError is a store written by a newer cxi. It is left as it is:
// it is not damaged, and this cxi cannot know what its tables mean.
type newerSchemaError struct{ have, know int }

func (e *newerSchemaError) Error() string {
	return fmt.Sprintf("it was written by a newer cxi (schema %d; this one knows %d)", e.have, e.know)
}

// migrate brings the store to version upTo. It runs in one immediate
// transaction, which also makes two processes opening a new store at once
// safe: the second waits for the first's write lock, then finds the
// schema already there.
func migrate(ctx context.Context, db *sql.DB, upTo int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	steps := migrations()
	if version > len(steps) {
		return &newerSchemaError{have: version, know: len(steps)}
	}
	if version >= upTo {
		return nil
	}
	for i := version; i < upTo; i++ {
		if _, err := tx.ExecContext(ctx, steps[i]); err != nil {
			return fmt.Errorf("schema version %d: %w", i+1, err)
		}
	}
	// PRAGMA takes no parameters; upTo is an int, never user text.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", upTo)); err != nil {
		return err
	}
	return tx.Commit()
}
