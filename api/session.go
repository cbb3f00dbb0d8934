package api

import "encoding/json"

// Status is a session's lifecycle state. The API is 1.0-beta and its enums
// grow, so any string decodes; the constants are the values known today.
type Status string

// Known session statuses.
const (
	StatusOpen             Status = "open"
	StatusClosedResolved   Status = "closed_resolved"
	StatusClosedUnresolved Status = "closed_unresolved"
)

// ClosureType says how the AI closed a session.
type ClosureType string

// Known AI closure types.
const (
	ClosureAssumedResolved ClosureType = "assumed_resolved"
	ClosureHandedOff       ClosureType = "handed_off"
	ClosureResolved        ClosureType = "resolved"
)

// Sentiment is the customer's mood as the platform judged it.
type Sentiment string

// Known sentiments.
const (
	SentimentAngry   Sentiment = "angry"
	SentimentNeutral Sentiment = "neutral"
	SentimentHappy   Sentiment = "happy"
)

// ChannelType is where the conversation happened (SessionChannel in the contract).
type ChannelType string

// Known channels.
const (
	ChannelWeb        ChannelType = "web"
	ChannelEmail      ChannelType = "email"
	ChannelPhoneVoice ChannelType = "phone_voice"
	ChannelSlack      ChannelType = "slack"
	ChannelSMS        ChannelType = "sms"
	ChannelWhatsApp   ChannelType = "whatsapp"
	ChannelInstagram  ChannelType = "instagram"
	ChannelMessenger  ChannelType = "messenger"
	ChannelAPI        ChannelType = "api"
	ChannelWebVoice   ChannelType = "web_voice"
)

// Session is GetChatSessionOutput. Pointers mark what the contract lets be
// null or absent, so the UI can tell "not there" from a zero value.
type Session struct {
	ID              string           `json:"id"`
	Status          Status           `json:"status"`
	AIClosureType   *ClosureType     `json:"ai_closure_type"`
	Sentiment       *Sentiment       `json:"sentiment"`
	Channel         Channel          `json:"channel"`
	Contact         *Contact         `json:"contact,omitempty"`
	Language        *string          `json:"language,omitempty"`
	AssigneeID      *string          `json:"assignee_id,omitempty"`
	CustomData      CustomData       `json:"custom_data,omitempty"`
	Team            *Team            `json:"team,omitempty"`
	Handoff         *Handoff         `json:"handoff,omitempty"`
	TicketingSystem *TicketingSystem `json:"ticketing_system,omitempty"`
	// TicketNumber is a JSON number in the contract, not an integer; kept
	// as the literal sent (see Number).
	TicketNumber *Number   `json:"ticket_number"`
	AssistMode   *bool     `json:"assist_mode"`
	CreatedAt    Timestamp `json:"created_at"`
	UpdatedAt    Timestamp `json:"updated_at"`

	// Raw is the session as the API sent it: the body GET
	// /chat/sessions/{id} answered, or the session's item of a list page.
	// Every key, null and number literal, and the fields cxi does not know,
	// are there, in the order sent: `cxi get --json`, the raw view and
	// --field read it. nil only for a session cxi made itself (a test's).
	Raw json.RawMessage `json:"-"`
}

// keepRaw keeps the body the session was decoded from.
func (s *Session) keepRaw(body []byte) { s.Raw = json.RawMessage(body) }

// Channel wraps the channel type as the contract nests it.
type Channel struct {
	Type ChannelType `json:"type"`
}

// Contact is the customer behind a session. Every field but ID is nullable.
type Contact struct {
	ID                    string     `json:"id"`
	Email                 *string    `json:"email"`
	PhoneNumber           *string    `json:"phone_number"`
	Name                  *string    `json:"name"`
	CustomData            CustomData `json:"custom_data"`
	CreatedAt             Timestamp  `json:"created_at"` // plain strings in the contract: parsed when they can be
	UpdatedAt             Timestamp  `json:"updated_at"`
	NonVerifiedName       *string    `json:"non_verified_name"`
	NonVerifiedEmail      *string    `json:"non_verified_email"`
	NonVerifiedCustomData CustomData `json:"non_verified_custom_data"`
}

// Team is the team a session is routed to.
type Team struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Description *string `json:"description,omitempty"`
}

// Handoff is present when the AI passed the session to a human.
type Handoff struct {
	Sentiment *Sentiment `json:"sentiment,omitempty"`
	Summary   string     `json:"summary"`
}

// TicketingSystem links a session to a ticket in a helpdesk.
type TicketingSystem struct {
	Name       SystemName `json:"name"`
	ExternalID string     `json:"external_id"`
	IDType     IDType     `json:"id_type"`
}

// CustomData holds custom fields whose values are strings, numbers or
// booleans. Values keep their JSON form (json.RawMessage) so a number is
// shown exactly as sent and an unexpected type never fails the whole session.
type CustomData map[string]json.RawMessage
