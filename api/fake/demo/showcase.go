package demo

import (
	"embed"
	"slices"
)

// IDs of the showcase sessions. They are exported so that tests in other packages
// can name the case they exercise instead of copying UUIDs; their first eight
// hex digits differ so that a person can tell them apart at a glance.
const (
	// IDAngryHandoff is the star: open, angry, handed off with a long
	// multi-paragraph summary, a Zendesk ticket and every optional field.
	IDAngryHandoff = "3f9c2a71-8d4e-4b6a-9f13-5c2e7d8a1b04"
	// IDResolvedEmail is resolved by the AI over email, with a float
	// ticket_number (1042.5) that a strict integer decoder would reject.
	IDResolvedEmail = "a7e41d09-2b6c-4f38-8e5a-0d91c3b7f2a6"
	// IDNonLatin is closed unresolved over WhatsApp, with Japanese, Arabic
	// and Cyrillic text and a HubSpot conversation ID.
	IDNonLatin = "5b0d8e6f-9c13-4a7e-b2d4-81f6a0c93e57"
	// IDMinimal has only the required keys: no contact, team, handoff,
	// ticketing system, language, custom data or assignee.
	IDMinimal = "c21f7b3a-0e58-4d9c-a6f1-3b7e92d40c18"
	// IDCustomData carries custom data of every value type, null contact
	// fields and assist mode on.
	IDCustomData = "e8d36c45-71af-4e02-8b9d-6c5a14f3e790"
	// IDUnknownEnums uses enum values today's schema does not know; the API
	// is 1.0-beta and its enums grow, so the UI must show them as they are.
	IDUnknownEnums = "0b7a9e12-f4c3-4d81-9a65-2e8c7b30d4f9"
	// IDHostile is full of terminal escape sequences, bidi overrides and
	// control characters, to show that the UI sanitizes what it prints.
	IDHostile = "9e1b5c37-6a2d-4f80-a3c7-e45b2d9f0618"
	// IDAssumedResolvedSMS is assumed resolved over SMS with no sentiment,
	// a contact known only by phone and a Twilio Flex conversation SID.
	IDAssumedResolvedSMS = "6d2f0a94-3e7b-4c15-8f2a-97d1b4e60c3d"
	// IDInstagram is an open, happy Instagram DM with a Gorgias ticket,
	// whose history has no event IDs (IDWithoutEventIDs).
	IDInstagram = "84c1e7b2-5a9f-4d36-b0e8-1c72f5a49d60"
	// IDMessenger is an angry Messenger session handed off to Intercom whose
	// handoff has no sentiment.
	IDMessenger = "f3a86b20-c4d1-4e79-95b3-0a8e6d2f71c4"
	// IDAPI came through a partner's API integration, with a Salesforce case.
	IDAPI = "7c5e13d8-a2f6-4b90-8d47-e1c09b5a3f28"
	// IDWebVoice is a resolved web voice call with a Front conversation.
	IDWebVoice = "da5b9f03-7e2c-4a18-b6d5-4f90c3e8a172"
	// IDSlow is a valid session the demo answers only after SlowDelay, so a
	// user can watch the spinner and cancel.
	IDSlow = "2ac4d7f5-1b8e-4f63-a09d-c6e3b7f25a81"
	// IDBadGateway makes the demo answer 502 with nginx's HTML error page,
	// the way a gateway in front of the API does.
	IDBadGateway = "b63e0c8a-4f1d-4e27-9c85-d7a2f0b6e493"
	// IDRateLimited makes the demo answer 429 with Retry-After.
	IDRateLimited = "1d8f4b6c-e03a-4b59-87f2-5a6c9d1e0b37"
)

// fixtureFS holds the showcase session bodies. It is package-level but read-only,
// so it is not the mutable state the style guide forbids.
//
//go:embed fixtures/*.json
var fixtureFS embed.FS

// Session describes one showcase session for the UI's first screen ("try
// these IDs").
type Session struct {
	ID    string // session UUID
	Title string // short human description, e.g. "open · angry · handed off, long summary · Zendesk ticket"
}

// showcaseEntry ties a showcase session to the embedded file holding its
// body.
type showcaseEntry struct {
	Session
	file string
}

// showcaseEntries is the single table of showcase sessions, in display
// order. It is a function rather than a variable so that no caller can
// change it.
func showcaseEntries() []showcaseEntry {
	return []showcaseEntry{
		{Session{IDAngryHandoff, "open · angry · handed off, long summary · Zendesk"}, "fixtures/01-open-angry-handed-off.json"},
		{Session{IDResolvedEmail, "resolved · happy · email · float ticket no. · Freshdesk"}, "fixtures/02-resolved-happy-email.json"},
		{Session{IDNonLatin, "unresolved · WhatsApp · Japanese, Arabic, Cyrillic"}, "fixtures/03-unresolved-neutral-whatsapp.json"},
		{Session{IDMinimal, "minimal: phone call, no contact/team/handoff/ticket"}, "fixtures/04-minimal-phone-voice.json"},
		{Session{IDCustomData, "custom data of every type · nulls · assist mode · Slack"}, "fixtures/05-custom-data-slack.json"},
		{Session{IDUnknownEnums, "unknown future enum values (newer API) · Telegram"}, "fixtures/06-unknown-future-enums.json"},
		{Session{IDHostile, "hostile text: escapes, bidi, NUL (shown sanitized)"}, "fixtures/07-hostile-text.json"},
		{Session{IDAssumedResolvedSMS, "assumed resolved · no sentiment · SMS · Twilio Flex"}, "fixtures/08-assumed-resolved-sms.json"},
		{Session{IDInstagram, "open · happy · Instagram · Gorgias · no event IDs"}, "fixtures/09-open-happy-instagram.json"},
		{Session{IDMessenger, "unresolved · angry · Messenger · Intercom"}, "fixtures/10-unresolved-angry-messenger.json"},
		{Session{IDAPI, "open · neutral · API integration · Salesforce case"}, "fixtures/11-open-neutral-api.json"},
		{Session{IDWebVoice, "resolved · happy · web voice call · Front"}, "fixtures/12-resolved-happy-web-voice.json"},
		{Session{IDSlow, "slow: answers after 3 s (esc cancels)"}, "fixtures/13-slow.json"},
		{Session{IDBadGateway, "gateway error: 502 HTML page from nginx"}, "fixtures/14-bad-gateway.json"},
		{Session{IDRateLimited, "rate limited: 429 with Retry-After: 30"}, "fixtures/15-rate-limited.json"},
	}
}

// Sessions returns the showcase sessions in display order (stable): the
// richest session first, then the edge cases, then the ones that misbehave.
func Sessions() []Session {
	entries := showcaseEntries()
	out := make([]Session, len(entries))
	for i, e := range entries {
		out[i] = e.Session
	}
	return out
}

// Fixture returns the raw JSON body for a showcase session ID, and whether it
// exists. The ID must match exactly. Each call returns a fresh copy, so the
// caller may modify it.
func Fixture(id string) ([]byte, bool) {
	entries := showcaseEntries()
	i := slices.IndexFunc(entries, func(e showcaseEntry) bool { return e.ID == id })
	if i < 0 {
		return nil, false
	}
	// The file is embedded and named in the table above; TestDemoFiles
	// proves every name resolves, so an error here cannot happen at run time.
	body, err := fixtureFS.ReadFile(entries[i].file)
	if err != nil {
		return nil, false
	}
	return body, true
}
