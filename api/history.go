package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
)

// Event is one entry of a session's history: a message, a handoff, a
// status change, or a type this client does not know yet (kept as sent).
// Every field may be empty: the contract makes all of a history item
// optional and nullable, and the newer reference page shows items without
// an id.
type Event struct {
	ID          string // "" when the API gave none (absent, null or empty)
	CreatedAt   Timestamp
	Type        string // "message", "handoff", "status_change", …
	SenderType  string // "contact", "ai", "agent", "system", …
	SenderName  string
	ContentType string // "text", …
	Text        string
	Attachments []Attachment
}

// Attachment is a file sent with a message.
type Attachment struct {
	ID   string  `json:"id"`
	Name string  `json:"name"`
	Size float64 `json:"size"`
	Type string  `json:"type"`
	URL  string  `json:"url"`
}

// HasID reports whether the API gave the event an ID: what redacting one
// message (POST /redaction/message) needs.
func (e *Event) HasID() bool { return e.ID != "" }

// Identity tells events apart when pages overlap: the ID where the API
// gave one; without one, the time as sent, the type, the sender and the
// text, each quoted so that no two sets of fields run together into the
// same key. Two different messages without IDs are then two, and one
// message served on two pages is one.
func (e *Event) Identity() string {
	if e.HasID() {
		return "id " + e.ID
	}
	return fmt.Sprintf("at %q %q %q %q %q", e.CreatedAt.Raw, e.Type, e.SenderType, e.SenderName, e.Text)
}

// wireEvent is the history item as the API nests it. null decodes as
// absent for every field (encoding/json leaves a null struct, string or
// slice as its zero value), which is what the contract's nullables need.
type wireEvent struct {
	ID        string    `json:"id"`
	CreatedAt Timestamp `json:"created_at"`
	Event     struct {
		Type   string `json:"type"`
		Sender struct {
			Type string `json:"type"`
			Name string `json:"name"`
		} `json:"sender"`
		Content struct {
			Type string `json:"type"`
			Text string `json:"text"`
		} `json:"content"`
		Attachments []Attachment `json:"attachments"`
	} `json:"event"`
}

// HistoryPage is one page of a session's history, oldest first.
type HistoryPage struct {
	Items   []Event
	Next    string
	Skipped []Skipped
}

// History fetches one page of a session's events.
func (c *Client) History(ctx context.Context, sessionID, cursor string) (*HistoryPage, error) {
	path := "/chat/sessions/" + url.PathEscape(sessionID) + "/history"
	if cursor != "" {
		path += "?" + url.Values{"cursor": {cursor}}.Encode()
	}
	var raw rawPage
	if err := c.get(ctx, "history of "+ShortID(sessionID), path, &raw); err != nil {
		return nil, err
	}
	page := &HistoryPage{Items: make([]Event, 0, len(raw.Items))}
	if raw.Next != nil {
		page.Next = *raw.Next
	}
	for i, item := range raw.Items {
		var w wireEvent
		if err := json.Unmarshal(item, &w); err != nil {
			page.Skipped = append(page.Skipped, Skipped{Index: i, Reason: decodeError(err, item).Error()})
			continue
		}
		page.Items = append(page.Items, Event{
			ID: w.ID, CreatedAt: w.CreatedAt, Type: w.Event.Type,
			SenderType: w.Event.Sender.Type, SenderName: w.Event.Sender.Name,
			ContentType: w.Event.Content.Type, Text: w.Event.Content.Text,
			Attachments: w.Event.Attachments,
		})
	}
	return page, nil
}
