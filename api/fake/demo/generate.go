package demo

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"time"
)

// generatorSeed seeds the session generator. It is fixed, so every server,
// in every run, generates the same sessions for the same clock.
const generatorSeed1, generatorSeed2 = 1, 2

// session is a GetChatSessionOutput, with keys in the schema's order.
// Pointers are the nullable fields; omitempty ones may be absent.
type session struct {
	ID              string          `json:"id"`
	Status          string          `json:"status"`
	AIClosureType   *string         `json:"ai_closure_type"`
	Sentiment       *string         `json:"sentiment"`
	Channel         channel         `json:"channel"`
	Contact         *sessionContact `json:"contact,omitempty"`
	Language        string          `json:"language,omitempty"`
	AssigneeID      json.RawMessage `json:"assignee_id,omitempty"` // absent, null or a string
	CustomData      map[string]any  `json:"custom_data,omitempty"`
	Team            *team           `json:"team,omitempty"`
	Handoff         *handoff        `json:"handoff,omitempty"`
	TicketingSystem *ticketing      `json:"ticketing_system,omitempty"`
	TicketNumber    json.RawMessage `json:"ticket_number"` // a number; a string only in the odd item
	AssistMode      bool            `json:"assist_mode"`
	CreatedAt       string          `json:"created_at"`
	UpdatedAt       string          `json:"updated_at"`
}

type channel struct {
	Type string `json:"type"`
}

type sessionContact struct {
	ID                    string            `json:"id"`
	Email                 *string           `json:"email"`
	PhoneNumber           *string           `json:"phone_number"`
	Name                  *string           `json:"name"`
	CustomData            map[string]string `json:"custom_data"` // nil is null
	CreatedAt             string            `json:"created_at"`
	UpdatedAt             string            `json:"updated_at"`
	NonVerifiedName       *string           `json:"non_verified_name"`
	NonVerifiedEmail      *string           `json:"non_verified_email"`
	NonVerifiedCustomData map[string]any    `json:"non_verified_custom_data"`
}

type handoff struct {
	Sentiment string `json:"sentiment,omitempty"`
	Summary   string `json:"summary"`
}

// channels are the SessionChannel values, each used by generated sessions.
func channels() []weighted[string] {
	return []weighted[string]{
		{"web", 34}, {"email", 16}, {"whatsapp", 11}, {"phone_voice", 6}, {"sms", 6},
		{"instagram", 6}, {"messenger", 6}, {"slack", 5}, {"api", 4}, {"web_voice", 6},
	}
}

// generateSessions returns n sessions dated relative to now. The first n of
// a longer run are the same sessions: each draws from the one seeded
// generator in turn.
func generateSessions(n int, now time.Time) []session {
	rng := rand.New(rand.NewPCG(generatorSeed1, generatorSeed2))
	tps := topics()
	out := make([]session, 0, n)
	for i := range n {
		out = append(out, newSession(rng, now, i, tps))
	}
	return out
}

// body is the session as stored and served: compact JSON, keys in the
// schema's order.
func (s session) body() []byte {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // the struct holds only marshallable values
	}
	return b
}

// newSession draws one session. The i-th of the first ten takes the i-th
// channel, so that even a short run shows every channel.
func newSession(rng *rand.Rand, now time.Time, i int, tps []topic) session {
	s := session{ID: newUUID(rng)}
	tp := topicFor(s.ID, tps)

	chs := channels()
	if i < len(chs) {
		s.Channel.Type = chs[i].value
	} else {
		s.Channel.Type = pickWeighted(rng, chs)
	}
	s.Status = pickWeighted(rng, []weighted[string]{{"open", 35}, {"closed_resolved", 45}, {"closed_unresolved", 20}})
	handedOff := chance(rng, 0.4)
	s.Sentiment = nullable(sentimentFor(rng, handedOff))
	s.AIClosureType = nullable(closureFor(rng, s.Status, handedOff))
	s.AssistMode = chance(rng, 0.15)

	updated, created := timesFor(rng, now, s.Status)
	s.CreatedAt, s.UpdatedAt = stamp(created), stamp(updated)

	if chance(rng, 0.9) {
		who := pick(rng, people())
		s.Contact = newContact(rng, who, s.Channel.Type, created, updated)
		if chance(rng, 0.88) {
			s.Language = who.lang
		}
	}

	var tm *team
	if handedOff && chance(rng, 0.9) || !handedOff && chance(rng, 0.2) {
		t := teams()[tp.team]
		tm = &t
		s.Team = tm
	}
	assignee := ""
	switch {
	case handedOff && chance(rng, 0.8):
		assignee = pick(rng, agents()).id
		s.AssigneeID = strconv.AppendQuote(nil, assignee)
	case handedOff || chance(rng, 0.3):
		s.AssigneeID = json.RawMessage("null")
	}

	number := 1 + rng.IntN(99999) // OpenCX's own counter when no system has one
	if handedOff && chance(rng, 0.85) || s.Channel.Type == "email" && chance(rng, 0.5) || chance(rng, 0.08) {
		kind := pickWeighted(rng, ticketKinds())
		ext, n := kind.external(rng)
		s.TicketingSystem = &ticketing{Name: kind.name, ExternalID: ext, IDType: kind.idType}
		if n > 0 {
			number = n
		}
	}
	s.TicketNumber = json.RawMessage(strconv.Itoa(number))
	if chance(rng, 0.03) {
		// The schema says number, not integer: a few floats make sure a
		// strict integer decoder is never the reason a session fails to show.
		s.TicketNumber = json.RawMessage(strconv.Itoa(number) + ".5")
	}

	v := newVars(s.ID, s.Language, contactNames(s.Contact), created, assignee)
	if tm != nil {
		v.team = tm.Name
	}
	if s.TicketingSystem != nil {
		v.ticket = s.TicketingSystem.ExternalID
	}
	if chance(rng, 0.8) {
		s.CustomData = customDataFor(rng, tp, v)
	}
	if handedOff {
		s.Handoff = &handoff{Summary: summaryFor(rng, tp, v)}
		if chance(rng, 0.85) {
			s.Handoff.Sentiment = pickWeighted(rng, []weighted[string]{{"angry", 45}, {"neutral", 45}, {"happy", 10}})
		}
	}
	return s
}

// nullable returns nil for "", the JSON null of a nullable enum.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// sentimentFor draws a sentiment: handed-off sessions are angrier.
func sentimentFor(rng *rand.Rand, handedOff bool) string {
	if handedOff {
		return pickWeighted(rng, []weighted[string]{{"angry", 40}, {"neutral", 30}, {"happy", 8}, {"", 22}})
	}
	return pickWeighted(rng, []weighted[string]{{"happy", 35}, {"neutral", 33}, {"angry", 10}, {"", 22}})
}

// closureFor draws how the AI closed the session, consistent with its
// status: an open session the AI still holds has no closure type yet.
func closureFor(rng *rand.Rand, status string, handedOff bool) string {
	switch {
	case handedOff:
		return pickWeighted(rng, []weighted[string]{{"handed_off", 9}, {"", 1}})
	case status == "closed_resolved":
		return pickWeighted(rng, []weighted[string]{{"resolved", 6}, {"assumed_resolved", 4}})
	case status == "closed_unresolved":
		return pickWeighted(rng, []weighted[string]{{"assumed_resolved", 3}, {"", 7}})
	default:
		return ""
	}
}

// Bounds of generated times: every session is created within maxAge of the
// clock, and last updated at least minAge ago, so that the star moved by
// WithRecentDates (updated 45 s ago) is the most recent of all.
const (
	maxAge = 45 * 24 * time.Hour
	minAge = 2 * time.Minute
)

// timesFor draws updated_at and created_at. The age of updated_at is
// log-uniform, so minutes, hours, days and weeks all occur; open sessions
// last longer than closed ones.
func timesFor(rng *rand.Rand, now time.Time, status string) (updated, created time.Time) {
	age := logUniform(rng, minAge, maxAge-24*time.Hour)
	longest := 2 * 24 * time.Hour
	if status == "open" {
		longest = 4 * 24 * time.Hour
	}
	dur := min(logUniform(rng, 20*time.Second, longest), maxAge-age-time.Second)
	updated = now.Add(-age).Truncate(time.Millisecond)
	created = updated.Add(-dur).Truncate(time.Millisecond)
	return updated, created
}
