package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
)

// OfficeHours is an office hours schedule: GET /office-hours/{id}, or an
// item of GET /office-hours. The shifts come from a page's example only;
// a field of the wrong type is named in Problems. Raw is the schedule as
// sent.
type OfficeHours struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Timezone  string    `json:"iana_timezone"`
	CreatedAt Timestamp `json:"created_at"`
	UpdatedAt Timestamp `json:"updated_at"`
	Shifts    []Shift   `json:"shifts"`

	Raw      json.RawMessage `json:"-"`
	Problems []string        `json:"-"`
}

// Shift is one block of office hours: a day or a range of days ("monday",
// "monday_to_friday", "everyday"; the full set is not published) and the
// local times it starts and ends ("09:00:00"), in the schedule's Timezone.
type Shift struct {
	DayOfWeek string `json:"day_of_week"`
	StartTime string `json:"start_time"`
	EndTime   string `json:"end_time"`
	ID        string `json:"id"`
}

// OfficeHours fetches every office hours schedule of the
// organization. The reference has no page for this call: an array of
// schedules is assumed, and an object carrying the array under "items" or
// "data" is read too.
func (c *Client) OfficeHours(ctx context.Context) ([]OfficeHours, error) {
	const op = "office hours"
	var raw json.RawMessage
	if err := c.getScoped(ctx, op, "/office-hours", "", &raw); err != nil {
		return nil, err
	}
	var items []json.RawMessage
	switch t := bytes.TrimSpace(raw); {
	case len(t) > 0 && t[0] == '[':
		if err := json.Unmarshal(t, &items); err != nil {
			return nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: decodeError(err, t)}
		}
	case len(t) > 0 && t[0] == '{':
		var wrap struct {
			Items []json.RawMessage `json:"items"`
			Data  []json.RawMessage `json:"data"`
		}
		if _, err := decodeLenient(t, &wrap); err != nil || wrap.Items == nil && wrap.Data == nil {
			return nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: fmt.Errorf("expected an array of schedules, or an object with one under items or data")}
		}
		items = append(wrap.Items, wrap.Data...)
	default:
		return nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: fmt.Errorf("expected an array of schedules, got %s", jsonKind(t))}
	}
	out := make([]OfficeHours, 0, len(items))
	for i, item := range items {
		oh, err := decodeOfficeHours(item)
		if err != nil {
			return nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: fmt.Errorf("schedule %d: %w", i, err)}
		}
		out = append(out, *oh)
	}
	return out, nil
}

// OfficeHoursByID fetches one office hours schedule; an unknown ID is a
// KindNotFound error.
func (c *Client) OfficeHoursByID(ctx context.Context, id string) (*OfficeHours, error) {
	op := "office hours " + id
	if id == "" {
		return nil, fmt.Errorf("office hours: no schedule ID given")
	}
	var raw json.RawMessage
	if err := c.getScoped(ctx, op, "/office-hours/"+url.PathEscape(id), "", &raw); err != nil {
		return nil, err
	}
	oh, err := decodeOfficeHours(raw)
	if err != nil {
		return nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: err}
	}
	return oh, nil
}

func decodeOfficeHours(raw json.RawMessage) (*OfficeHours, error) {
	oh := &OfficeHours{Raw: raw}
	problems, err := decodeLenient(raw, oh)
	if err != nil {
		return nil, err
	}
	oh.Problems = problems
	return oh, nil
}
