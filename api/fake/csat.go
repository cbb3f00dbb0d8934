package fake

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net/http"
	"time"
)

// OrganizationID is the demo organization's ID, as CSAT answers name it.
const OrganizationID = "5e0c7a1d-93b4-4f2e-8d61-0a7c3f9b2e48"

// csatBody is a CsatScore as the API sends it.
type csatBody struct {
	ID             string          `json:"id"`
	OrganizationID string          `json:"organization_id"`
	SessionID      string          `json:"session_id"`
	Score          int             `json:"score"`
	Comment        *string         `json:"comment"`
	Channel        *string         `json:"channel"`
	CreatedAt      string          `json:"created_at"`
	UpdatedAt      string          `json:"updated_at"`
	Contact        json.RawMessage `json:"contact"`
}

// csatContact is the contact of a CsatScore: the session's contact's id,
// email, phone, name and custom data.
type csatContact struct {
	ID          string            `json:"id"`
	Email       *string           `json:"email"`
	PhoneNumber *string           `json:"phone_number"`
	Name        *string           `json:"name"`
	CustomData  map[string]string `json:"custom_data"`
}

// csatAnswer is GET /csat/scores/session/{id}: 404 for a session the
// server does not have; the rating of its history's survey_response, or
// the catalog's; else null, as the contract says ("or null if not found").
func (s *Server) csatAnswer(id string) answer {
	e, ok := s.indexNow().find(id)
	if !ok {
		return errorAnswer(http.StatusNotFound, "Chat session not found")
	}
	var r *ratingFacts
	for _, raw := range e.events(s.content) {
		var ev historyView
		if json.Unmarshal(raw, &ev) == nil && ev.Event.Type == "survey_response" && ev.Event.Content.Score > 0 {
			r = &ratingFacts{score: int(ev.Event.Content.Score), comment: ev.Event.Content.Text, at: parseStamp(ev.CreatedAt)}
		}
	}
	if extra, ok := s.content.(Analytics); ok && r == nil {
		if score, comment, ok := extra.Rating(e.key, e.body); ok {
			r = &ratingFacts{score: score, comment: comment, at: e.updated}
		}
	}
	if r == nil {
		return answer{http.StatusOK, []byte("null")}
	}
	var v analyticsView
	_ = json.Unmarshal(e.item, &v) // a body that does not decode gives a rating without channel or contact
	at := r.at
	if at.IsZero() {
		at = e.updated
	}
	b := csatBody{
		ID: derivedUUID("csat|" + e.key), OrganizationID: OrganizationID, SessionID: e.view.ID,
		Score: r.score, CreatedAt: stampOf(at), UpdatedAt: stampOf(at), Contact: json.RawMessage("null"),
	}
	if r.comment != "" {
		b.Comment = &r.comment
	}
	if v.Channel.Type != "" {
		b.Channel = &v.Channel.Type
	}
	var c csatContact
	if len(v.Contact) > 0 && json.Unmarshal(v.Contact, &c) == nil && c.ID != "" {
		b.Contact, _ = json.Marshal(c) // strings and maps of strings always marshal
	}
	return marshalAnswer(b)
}

// derivedUUID is a version 4 UUID made from seed, the same every run.
func derivedUUID(seed string) string {
	h1, h2 := fnv.New64a(), fnv.New64()
	_, _ = h1.Write([]byte(seed))
	_, _ = h2.Write([]byte(seed))
	a, b := h1.Sum64(), h2.Sum64()
	return fmt.Sprintf("%08x-%04x-4%03x-%x%03x-%012x", a>>32, a>>16&0xffff, a&0xfff, 8+b>>62, b>>50&0xfff, b&0xffffffffffff)
}

// stampOf is t as the API writes a date-time, or "" for the zero time.
func stampOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}
