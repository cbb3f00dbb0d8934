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

// The fields whose changes the store tells (FieldChange.Name), in the order
// Changes lists them.
const (
	FieldStatus    = "status"
	FieldSentiment = "sentiment"
	FieldAssignee  = "assignee"
	FieldTeam      = "team"
	FieldHandoff   = "handoff"
	FieldTicket    = "ticket"
)

// HandedOffWithoutSummary is the handoff field's value for a handoff whose
// summary is empty, which must differ from no handoff at all ("").
const HandedOffWithoutSummary = "(handed off, no summary)"

// FieldChange is one field that differs from a snapshot. Before and After
// are the values as the API sent them, "" for none, not sanitized: they
// are API text, for the UI to render like any other. The handoff's value is
// its summary (HandedOffWithoutSummary when that is empty); the ticket's is
// the ticketing system's name and the external_id.
type FieldChange struct {
	Name, Before, After string
}

// Change is how a session differs from what the user last looked at.
type Change struct {
	SeenAt time.Time // when the user last looked; zero when never
	New    bool      // never looked at
	// Fields are the fields that differ, empty when none did; nil when New.
	Fields []FieldChange
}

// snapshot is what MarkSeen keeps of a session: the fields whose change is
// worth telling.
type snapshot struct {
	Status    string  `json:"status"`
	Sentiment string  `json:"sentiment,omitempty"`
	Assignee  string  `json:"assignee,omitempty"`
	Team      string  `json:"team,omitempty"`
	Handoff   *string `json:"handoff,omitempty"` // the summary; nil when no handoff
	Ticket    string  `json:"ticket,omitempty"`
}

func snapshotOf(s *api.Session) snapshot {
	snap := snapshot{Status: string(s.Status)}
	if s.Sentiment != nil {
		snap.Sentiment = string(*s.Sentiment)
	}
	if s.AssigneeID != nil {
		snap.Assignee = *s.AssigneeID
	}
	if t := s.Team; t != nil {
		snap.Team = t.Name
		if strings.TrimSpace(t.Name) == "" {
			snap.Team = t.ID
		}
	}
	if h := s.Handoff; h != nil {
		summary := h.Summary
		snap.Handoff = &summary
	}
	if t := s.TicketingSystem; t != nil {
		snap.Ticket = strings.TrimSpace(string(t.Name) + " " + t.ExternalID)
	}
	return snap
}

// handoffValue is the handoff as FieldChange shows it.
func (s snapshot) handoffValue() string {
	switch {
	case s.Handoff == nil:
		return ""
	case *s.Handoff == "":
		return HandedOffWithoutSummary
	}
	return *s.Handoff
}

// diff lists the fields of now that differ from s; empty, not nil, when
// none do, so that "seen and unchanged" differs from "never seen".
func (s snapshot) diff(now snapshot) []FieldChange {
	out := []FieldChange{}
	add := func(name, before, after string) {
		if before != after {
			out = append(out, FieldChange{Name: name, Before: before, After: after})
		}
	}
	add(FieldStatus, s.Status, now.Status)
	add(FieldSentiment, s.Sentiment, now.Sentiment)
	add(FieldAssignee, s.Assignee, now.Assignee)
	add(FieldTeam, s.Team, now.Team)
	if (s.Handoff == nil) != (now.Handoff == nil) || s.Handoff != nil && *s.Handoff != *now.Handoff {
		out = append(out, FieldChange{Name: FieldHandoff, Before: s.handoffValue(), After: now.handoffValue()})
	}
	add(FieldTicket, s.Ticket, now.Ticket)
	return out
}

func encodeSnapshot(s snapshot) string {
	b, _ := json.Marshal(s) // strings and a *string only: cannot fail
	return string(b)
}

func decodeSnapshot(text string) (snapshot, error) {
	var s snapshot
	if err := json.Unmarshal([]byte(text), &s); err != nil {
		return s, fmt.Errorf("a kept snapshot cannot be read: %w", err)
	}
	return s, nil
}

// MarkSeen records that the user looked at sess at time at: Changes
// compares later versions with this one.
func (s *Store) MarkSeen(ctx context.Context, sess api.Session, at time.Time) error {
	id := fold(sess.ID)
	if id == "" {
		return nil
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO seen (session_id, at_ns, snap) VALUES (?, ?, ?)
			ON CONFLICT (session_id) DO UPDATE SET at_ns = excluded.at_ns, snap = excluded.snap`,
			id, unixNano(at), encodeSnapshot(snapshotOf(&sess)))
		return err
	})
}

// Changes compares each session with what the user last looked at: a
// session never looked at is New; one looked at and unchanged has no
// Fields. The map is keyed by the sessions' IDs as given.
func (s *Store) Changes(ctx context.Context, sessions []api.Session) (map[string]Change, error) {
	if s == nil {
		return nil, nil
	}
	ids := make([]string, len(sessions))
	for i := range sessions {
		ids[i] = sessions[i].ID
	}
	type seenRow struct {
		at   time.Time
		snap snapshot
	}
	seen := map[string]seenRow{}
	err := s.eachByID(ctx, "SELECT session_id, at_ns, snap FROM seen WHERE session_id IN (%s)", ids, func(rows *sql.Rows) error {
		var id, text string
		var at int64
		if err := rows.Scan(&id, &at, &text); err != nil {
			return err
		}
		snap, err := decodeSnapshot(text)
		if err != nil {
			return err
		}
		seen[id] = seenRow{fromNano(at), snap}
		return nil
	})
	if err != nil {
		return nil, s.damaged(fmt.Errorf("read what was seen: %w", err))
	}
	out := make(map[string]Change, len(sessions))
	for i := range sessions {
		sess := &sessions[i]
		row, ok := seen[strings.ToLower(sess.ID)]
		if !ok {
			out[sess.ID] = Change{New: true}
			continue
		}
		out[sess.ID] = Change{SeenAt: row.at, Fields: row.snap.diff(snapshotOf(sess))}
	}
	return out, nil
}

// maxParams is how many IDs one statement binds: well under SQLite's
// limit of 32,766 variables, and pages are 100.
const maxParams = 500

// eachByID runs query, whose %s is a list of placeholders, for the IDs (in
// lower case) a chunk at a time, calling each for every row.
func (s *Store) eachByID(ctx context.Context, query string, ids []string, each func(*sql.Rows) error) error {
	for start := 0; start < len(ids); start += maxParams {
		chunk := ids[start:min(start+maxParams, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = fold(id)
		}
		marks := strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ",")
		rows, err := s.db.QueryContext(ctx, fmt.Sprintf(query, marks), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := each(rows); err != nil {
				rows.Close()
				return err
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}
