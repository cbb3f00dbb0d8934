package demo

import (
	"encoding/json"
	"time"
)

// entry is a stored session as its history is written from it.
type entry struct {
	key              string      // the ID it is stored under
	view             sessionView // what the transcripts need
	created, updated time.Time   // zero when absent or not RFC 3339
}

// sessionView is the part of a session body the transcripts use. Decoding
// ignores everything else, so odd bodies decode.
type sessionView struct {
	Status          string         `json:"status"`
	AIClosureType   *string        `json:"ai_closure_type"`
	Sentiment       *string        `json:"sentiment"`
	Channel         channel        `json:"channel"`
	Contact         *viewContact   `json:"contact"`
	Language        string         `json:"language"`
	AssigneeID      *string        `json:"assignee_id"`
	CustomData      map[string]any `json:"custom_data"`
	Team            *team          `json:"team"`
	Handoff         *handoff       `json:"handoff"`
	TicketingSystem *ticketing     `json:"ticketing_system"`
	CreatedAt       string         `json:"created_at"`
	UpdatedAt       string         `json:"updated_at"`
}

// viewContact is the part of a contact the transcripts use.
type viewContact struct {
	Name            *string `json:"name"`
	Email           *string `json:"email"`
	NonVerifiedName *string `json:"non_verified_name"`
}

// newEntry reads a stored body. A field of an unexpected type is left
// empty and the rest still decodes; a body that is not a JSON object (an
// odd WithSession one) leaves the view empty, and its history is written
// from the ID alone.
func newEntry(key string, body []byte) *entry {
	e := &entry{key: key}
	_ = json.Unmarshal(body, &e.view) // invalid JSON decodes nothing at all
	e.created = parseStamp(e.view.CreatedAt)
	e.updated = parseStamp(e.view.UpdatedAt)
	return e
}

// parseStamp parses an RFC 3339 time, or returns the zero time.
func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s) // zero on error
	return t
}
