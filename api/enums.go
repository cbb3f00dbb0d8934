package api

import "slices"

// SystemName names a ticketing system (helpdesk).
type SystemName string

// IDType says what a ticketing system's external_id identifies.
type IDType string

// The values each enum has in the contract today. The API is 1.0-beta and
// its enums grow: Known tells the UI when to mark a value as new, it is
// never a reason to reject one.
var (
	knownStatuses   = []Status{StatusOpen, StatusClosedResolved, StatusClosedUnresolved}
	knownClosures   = []ClosureType{ClosureAssumedResolved, ClosureHandedOff, ClosureResolved}
	knownSentiments = []Sentiment{SentimentAngry, SentimentNeutral, SentimentHappy}
	knownChannels   = []ChannelType{ChannelWeb, ChannelEmail, ChannelPhoneVoice, ChannelSlack, ChannelSMS,
		ChannelWhatsApp, ChannelInstagram, ChannelMessenger, ChannelAPI, ChannelWebVoice}
	knownSystems = []SystemName{"dynamics365", "freshchat", "freshdesk", "freshdesk_ticketing", "front",
		"gorgias", "hubspot", "infobip", "intercom", "open", "salesforce", "salesforce_v2", "twilio_flex",
		"zendesk", "zendesk_v2"}
	knownIDTypes = []IDType{"conversation_id", "ticket_id", "case_id", "conversation_sid"}
)

// Known reports whether the contract lists this status.
func (v Status) Known() bool { return slices.Contains(knownStatuses, v) }

// Known reports whether the contract lists this closure type.
func (v ClosureType) Known() bool { return slices.Contains(knownClosures, v) }

// Known reports whether the contract lists this sentiment.
func (v Sentiment) Known() bool { return slices.Contains(knownSentiments, v) }

// Known reports whether the contract lists this channel.
func (v ChannelType) Known() bool { return slices.Contains(knownChannels, v) }

// Known reports whether the contract lists this ticketing system.
func (v SystemName) Known() bool { return slices.Contains(knownSystems, v) }

// Known reports whether the contract lists this ID type.
func (v IDType) Known() bool { return slices.Contains(knownIDTypes, v) }

// Channels returns the channels the contract lists, in its order.
func Channels() []ChannelType { return slices.Clone(knownChannels) }

// HandedOff reports whether the AI passed the session to a human: it has a
// handoff, or the AI closed it as handed off.
func (s *Session) HandedOff() bool {
	return s.Handoff != nil || (s.AIClosureType != nil && *s.AIClosureType == ClosureHandedOff)
}
