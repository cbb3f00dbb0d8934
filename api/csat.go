package api

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
)

// CSATScore is the customer's rating of one session: GET
// /csat/scores/session/{id}. The shape comes from a page's example only:
// every field may be absent, the score's range is not published (the
// demo's are 1–5, the page's example 3), and a field of the wrong type is
// named in Problems. Raw is the body as sent.
type CSATScore struct {
	ID             string       `json:"id"`
	OrganizationID string       `json:"organization_id"`
	SessionID      string       `json:"session_id"`
	Score          *float64     `json:"score"`
	Comment        *string      `json:"comment"`
	Channel        string       `json:"channel"`
	CreatedAt      Timestamp    `json:"created_at"`
	UpdatedAt      Timestamp    `json:"updated_at"`
	Contact        *CSATContact `json:"contact"`

	Raw      json.RawMessage `json:"-"`
	Problems []string        `json:"-"`
}

// CSATContact is the contact a CSAT answer names.
type CSATContact struct {
	ID          string `json:"id"`
	Email       string `json:"email"`
	PhoneNumber string `json:"phone_number"`
	Name        string `json:"name"`
}

// CSAT fetches the customer's rating of a session: nil and no error when
// the API answers null (the customer gave none). An unknown session is a
// KindNotFound error, as for GetSession.
func (c *Client) CSAT(ctx context.Context, sessionID string) (*CSATScore, error) {
	op := "CSAT of " + ShortID(sessionID)
	var raw json.RawMessage
	if err := c.getScoped(ctx, op, "/csat/scores/session/"+url.PathEscape(sessionID), "", &raw); err != nil {
		return nil, err
	}
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return nil, nil
	}
	out := &CSATScore{Raw: raw}
	problems, err := decodeLenient(raw, out)
	if err != nil {
		return nil, &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: err}
	}
	out.Problems = problems
	return out, nil
}
