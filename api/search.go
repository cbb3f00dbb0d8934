package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
)

// SearchResult is GET /chat/sessions/search: contacts and messages matching a query.
type SearchResult struct {
	Contacts []SearchContact
	Messages []SearchMessage
	// Skipped holds the items that did not decode. Index is the position in
	// its own array; Reason starts with "contact: " or "message: " to say
	// which array that is.
	Skipped []Skipped
}

// SearchContact is a contact the search found. A field the API sends as
// null or leaves out is "".
type SearchContact struct {
	ID, Name, Email, Phone string
}

// SearchMessage is a chat message the search found: its ID, the session it
// belongs to, its text and its sender type ("contact", "ai", "agent", …).
// A field the API sends as null or leaves out is "".
type SearchMessage struct {
	ID, SessionID, Message, Type string
}

// rawSearch is the search response before its items are decoded one by one.
type rawSearch struct {
	Contacts []json.RawMessage `json:"contacts"`
	Messages []json.RawMessage `json:"messages"`
}

// wireSearchContact and wireSearchMessage are the items as sent; a JSON
// null leaves a string field empty, which is what the result promises.
type wireSearchContact struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
	Phone string `json:"phone"`
}

type wireSearchMessage struct {
	ID        string `json:"id"`
	SessionID string `json:"session_id"`
	Message   string `json:"message"`
	Type      string `json:"type"`
}

// Search asks GET /chat/sessions/search for contacts (by name, email or
// phone) and messages matching query. The query is trimmed first: an email
// address pasted from a ticket often brings a newline along. An empty query
// is the caller's mistake and fails before any request is sent.
//
// The endpoint's shape is less certain than the session contract, so items
// decode one by one: an item that does not (or a contact without an id, a
// message without a session id) goes into Skipped instead of failing the
// result.
func (c *Client) Search(ctx context.Context, query string) (*SearchResult, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil, errors.New("empty search query")
	}
	path := "/chat/sessions/search?" + url.Values{"q": {query}}.Encode()
	var raw rawSearch
	if err := c.get(ctx, "search", path, &raw); err != nil {
		return nil, err
	}
	res := &SearchResult{
		Contacts: make([]SearchContact, 0, len(raw.Contacts)),
		Messages: make([]SearchMessage, 0, len(raw.Messages)),
	}
	skip := func(what string, i int, reason string) {
		res.Skipped = append(res.Skipped, Skipped{Index: i, Reason: what + ": " + reason})
	}
	for i, item := range raw.Contacts {
		var w wireSearchContact
		if err := json.Unmarshal(item, &w); err != nil {
			skip("contact", i, itemError(err, item))
			continue
		}
		if w.ID == "" {
			skip("contact", i, "no contact id")
			continue
		}
		res.Contacts = append(res.Contacts, SearchContact(w))
	}
	for i, item := range raw.Messages {
		var w wireSearchMessage
		if err := json.Unmarshal(item, &w); err != nil {
			skip("message", i, itemError(err, item))
			continue
		}
		if w.SessionID == "" {
			// Without its session a message leads nowhere.
			skip("message", i, "no session id")
			continue
		}
		res.Messages = append(res.Messages, SearchMessage(w))
	}
	return res, nil
}

// itemError says why a search item did not decode. decodeError speaks of
// sessions, which a search item is not.
func itemError(err error, item []byte) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field == "" {
		return "expected an object, got a JSON " + typeErr.Value
	}
	return decodeError(err, item).Error()
}
