package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
)

// HandoffEventParams filters GET /handoff-analytics/events. Zero values
// leave a filter to the API (every reason, the last 30 days).
type HandoffEventParams struct {
	Cursor string
	Reason HandoffReason // one of HandoffReasons; the API refuses any other
	Period
}

// Check refuses what the API would answer 400 for, before a request is
// spent on it.
func (p HandoffEventParams) Check() error {
	if p.Reason != "" && !p.Reason.Known() {
		_, err := ParseHandoffReason(string(p.Reason))
		return err
	}
	return p.Period.Check()
}

// Query encodes the parameters as the API's query string.
func (p HandoffEventParams) Query() url.Values {
	q := url.Values{}
	if p.Cursor != "" {
		q.Set("cursor", p.Cursor)
	}
	if p.Reason != "" {
		q.Set("reason", string(p.Reason))
	}
	p.Period.query(q)
	return q
}

// HandoffEvent is one handoff: the session, the AI's summary and its
// explanation of why, and the reasons. Every field may be empty (the
// item's shape comes from a page's example only); a reason the contract
// does not list is kept as sent.
type HandoffEvent struct {
	SessionID   string          `json:"session_id"`
	Summary     string          `json:"summary"`
	Explanation string          `json:"explanation"`
	Reasons     []HandoffReason `json:"reasons"`
	Sentiment   string          `json:"sentiment"`
	CreatedAt   Timestamp       `json:"created_at"`

	Raw      json.RawMessage `json:"-"` // the item as sent
	Problems []string        `json:"-"`
}

// HandoffEventPage is one page of handoff events. Next is "" on the last
// page; Total is the API's count of every matching event (nil when it
// sent none that reads as a number). An item that is not an object is
// in Skipped, never a reason to fail the page.
type HandoffEventPage struct {
	Items   []HandoffEvent
	Next    string
	Total   *float64
	Skipped []Skipped
	// Problems names the page's own fields that did not decode ("next:
	// expected a string, got a number"): a walk that meets one stops there.
	Problems []string
	Raw      json.RawMessage // the page as sent, for --json
}

// HandoffEvents fetches one page of handoff events. It needs the scope
// handoff-analytics:read: a key without it fails with a *ScopeError.
func (c *Client) HandoffEvents(ctx context.Context, p HandoffEventParams) (*HandoffEventPage, error) {
	const op = "handoff events"
	if err := p.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	var raw json.RawMessage
	if err := c.getScoped(ctx, op, withQuery("/handoff-analytics/events", p.Query()), ScopeHandoffAnalytics, &raw); err != nil {
		return nil, err
	}
	var wire struct {
		Items []json.RawMessage `json:"items"`
		Next  *string           `json:"next"`
		Total *float64          `json:"total"`
	}
	problems, err := decodeLenient(raw, &wire)
	if err != nil {
		return nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: err}
	}
	page := &HandoffEventPage{Items: make([]HandoffEvent, 0, len(wire.Items)), Total: wire.Total, Problems: problems, Raw: raw}
	if wire.Next != nil {
		page.Next = *wire.Next
	}
	for i, item := range wire.Items {
		ev := HandoffEvent{Raw: item}
		problems, err := decodeLenient(item, &ev)
		if err != nil {
			page.Skipped = append(page.Skipped, Skipped{Index: i, Reason: err.Error()})
			continue
		}
		ev.Problems = problems
		page.Items = append(page.Items, ev)
	}
	return page, nil
}
