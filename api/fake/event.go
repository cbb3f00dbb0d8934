package fake

import "encoding/json"

// eventView is the part of a history event the fake reads: a redaction
// finds and edits messages by it, the search indexes them. Decoding ignores
// everything else.
type eventView struct {
	ID    string `json:"id"`
	Event struct {
		Type   string `json:"type"`
		Sender struct {
			Type string `json:"type"`
		} `json:"sender"`
		Content struct {
			Text string `json:"text"`
		} `json:"content"`
		Attachments []json.RawMessage `json:"attachments"`
	} `json:"event"`
}

// messageOf decodes a history event and reports whether it is a message,
// the only kind a redaction changes and the search finds. An event that
// does not decode is no message.
func messageOf(raw []byte) (eventView, bool) {
	var ev eventView
	if json.Unmarshal(raw, &ev) != nil || ev.Event.Type != "message" {
		return eventView{}, false
	}
	return ev, true
}
