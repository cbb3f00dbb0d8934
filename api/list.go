package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// ListParams filters GET /chat/sessions. Zero values mean "any".
type ListParams struct {
	Cursor        string
	Status        Status
	HandedOff     *bool
	ChannelType   ChannelType
	CreatedAfter  time.Time
	CreatedBefore time.Time
	UpdatedAfter  time.Time
	UpdatedBefore time.Time
}

// Query encodes the parameters as the API's query string.
func (p ListParams) Query() url.Values {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	setTime := func(k string, t time.Time) {
		if !t.IsZero() {
			q.Set(k, t.UTC().Format(time.RFC3339))
		}
	}
	set("cursor", p.Cursor)
	set("status", string(p.Status))
	if p.HandedOff != nil {
		q.Set("handed_off", strconv.FormatBool(*p.HandedOff))
	}
	set("channel_type", string(p.ChannelType))
	setTime("created_after", p.CreatedAfter)
	setTime("created_before", p.CreatedBefore)
	setTime("updated_after", p.UpdatedAfter)
	setTime("updated_before", p.UpdatedBefore)
	return q
}

// Skipped is a list item that could not be decoded. The shapes of the list
// endpoints are less certain than the session contract, so one odd item
// is reported, never a reason to fail its page.
type Skipped struct {
	Index  int    // position in the page
	Reason string // why it did not decode
}

// SessionPage is one page of GET /chat/sessions.
type SessionPage struct {
	Items   []Session
	Next    string // cursor of the next page; empty at the end
	Skipped []Skipped
}

// rawPage is a cursor-paged response before its items are decoded one by one.
type rawPage struct {
	Items []json.RawMessage `json:"items"`
	Next  *string           `json:"next"`
}

// ListSessions fetches one page of sessions, newest activity first.
func (c *Client) ListSessions(ctx context.Context, p ListParams) (*SessionPage, error) {
	path := "/chat/sessions"
	if q := p.Query().Encode(); q != "" {
		path += "?" + q
	}
	var raw rawPage
	if err := c.get(ctx, "list sessions", path, &raw); err != nil {
		return nil, err
	}
	page := &SessionPage{Items: make([]Session, 0, len(raw.Items))}
	if raw.Next != nil {
		page.Next = *raw.Next
	}
	for i, item := range raw.Items {
		var s Session
		if err := json.Unmarshal(item, &s); err != nil {
			page.Skipped = append(page.Skipped, Skipped{Index: i, Reason: decodeError(err, item).Error()})
			continue
		}
		if _, err := ParseSessionID(s.ID); err != nil || len(s.ID) != 36 {
			// An item without a valid session ID cannot be opened, and its
			// "ID" would be shown raw in places that expect a UUID.
			page.Skipped = append(page.Skipped, Skipped{Index: i, Reason: "no valid session id"})
			continue
		}
		// The item as sent, as a GET keeps its body. It is the item's own
		// copy, not a window on the page's body: json.RawMessage's
		// UnmarshalJSON appends what it is given to an empty slice, so a
		// session kept alone keeps its kilobyte, not the page
		// (TestListItemsOwnTheirBody).
		s.Raw = item
		page.Items = append(page.Items, s)
	}
	return page, nil
}

// String describes the filters for a filter bar or an error message.
func (p ListParams) String() string {
	q := p.Query()
	q.Del("cursor")
	if len(q) == 0 {
		return "all sessions"
	}
	return fmt.Sprint(q.Encode())
}
