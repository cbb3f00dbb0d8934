package fake

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
)

// The writes, as the contract (opencx.openapi.yaml) describes them:
//
//   - PATCH /chat/sessions/{id}: body UpdateChatSessionInput (every key
//     optional; session_closed_payload any value); 200 without a body. The
//     session's status and updated_at (the server clock's now) change, and a
//     status_change event joins its history, so the next GET, list page and
//     history show it. A PATCH without a status, or to the status the
//     session already has, changes nothing.
//   - POST /redaction/session, POST /redaction/message: 201 and a
//     RedactionResult. Every message of the session, or the one message, has
//     its text replaced by "[REDACTED]" and its attachments removed; the
//     counts say how many messages this request changed (a message already
//     redacted is not counted again).
//
// A write goes: 403 for a read-only key, 413 for a body over
// maxRequestBody, 400 for a body the contract refuses, then its fault (so a
// fault applies to a valid request, and is found by the IDs in the body),
// then 404 for a session or message the server does not have. A fault that
// only delays holds the write back too: a request given up during the delay
// changes nothing.

// redactedText is what a redacted message's text becomes.
const redactedText = "[REDACTED]"

// writeStatuses are the statuses a PATCH accepts: the contract's enum.
func writeStatuses() []string { return []string{"open", "closed_resolved", "closed_unresolved"} }

// statusInput is a valid PATCH body; only the status changes anything
// here, and "" (absent) changes nothing.
type statusInput struct{ status string }

// redactionInput is a valid redaction body: the session or message ID.
type redactionInput struct{ id string }

// redactionResult is the answer to a redaction. MessagesRedacted is only
// in the answer for a session.
type redactionResult struct {
	Success          bool   `json:"success"`
	Message          string `json:"message"`
	ItemID           string `json:"itemId"`
	RedactionType    string `json:"redactionType"`
	AffectedCount    int    `json:"affectedCount"`
	MessagesRedacted *int   `json:"messagesRedacted,omitempty"`
}

// serveWrite answers a write that passed routing and authentication.
func (s *Server) serveWrite(w http.ResponseWriter, r *http.Request, rt route, pathID string, body []byte, tooLarge bool) {
	switch {
	case s.isReadOnly():
		writeAnswer(w, forbidden())
		return
	case tooLarge:
		writeError(w, http.StatusRequestEntityTooLarge, "request entity too large")
		return
	}
	id, apply, bad := s.parseWrite(rt, pathID, body)
	if len(bad) > 0 {
		writeError(w, http.StatusBadRequest, strings.Join(bad, "; "))
		return
	}
	f, faulty := s.writeFault(rt, id)
	switch {
	case !faulty:
		writeAnswer(w, apply())
	case f.replacesAnswer():
		serveFault(w, r, f, answer{})
	case !wait(r.Context(), f):
		abort(w)
	default:
		f.Delay, f.Hang = 0, false // waited already
		serveFault(w, r, f, apply())
	}
}

// parseWrite validates the body of a write of rt. It returns the ID the
// write's fault is found by, the write itself (still to be applied), and
// what is wrong with the body. The two redactions differ only in the body's
// key, whether it must be a UUID, and what they redact.
func (s *Server) parseWrite(rt route, pathID string, body []byte) (string, func() answer, []string) {
	if rt == routeSession {
		in, bad := parseStatusInput(body)
		return pathID, func() answer { return s.applyStatus(pathID, in) }, bad
	}
	key, uuid, apply := "messageId", false, s.applyRedactMessage
	if rt == routeRedactSession {
		key, uuid, apply = "sessionId", true, s.applyRedactSession
	}
	in, bad := parseRedactionInput(body, key, uuid)
	return in.id, func() answer { return apply(in.id) }, bad
}

// writeAnswer sends a, without a Content-Type when it has no body (the
// PATCH's 200), as the API does.
func writeAnswer(w http.ResponseWriter, a answer) {
	if len(a.body) == 0 {
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(a.status)
		return
	}
	writeJSON(w, a.status, a.body)
}

// parseStatusInput validates a PATCH body against UpdateChatSessionInput,
// with the API's (class-validator's) wording, every problem at once.
func parseStatusInput(body []byte) (statusInput, []string) {
	// session_closed_payload is on the newer page, untyped (example {}): any
	// JSON value passes, and it changes nothing here. status is optional on
	// the pages (the contract follows them): a PATCH without it is valid
	// and changes nothing either.
	m, bad := parseObject(body, "status", "generate_summary_and_sentiment_on_resolve", "reflect_status_change_for_integration", "session_closed_payload")
	if m == nil {
		return statusInput{}, bad
	}
	var in statusInput
	if raw, ok := m["status"]; ok && (json.Unmarshal(raw, &in.status) != nil || !slices.Contains(writeStatuses(), in.status)) {
		bad = append(bad, "status must be one of the following values: "+strings.Join(writeStatuses(), ", "))
	}
	for _, key := range []string{"generate_summary_and_sentiment_on_resolve", "reflect_status_change_for_integration"} {
		raw, ok := m[key]
		var b bool
		if ok && (string(raw) == "null" || json.Unmarshal(raw, &b) != nil) {
			bad = append(bad, key+" must be a boolean value")
		}
	}
	return in, bad
}

// parseRedactionInput validates a redaction body: the ID under key
// (required; a UUID for a session), an optional reason, nothing else.
func parseRedactionInput(body []byte, key string, uuid bool) (redactionInput, []string) {
	m, bad := parseObject(body, key, "reason")
	if m == nil {
		return redactionInput{}, bad
	}
	var in redactionInput
	switch raw, ok := m[key]; {
	case !ok || json.Unmarshal(raw, &in.id) != nil || string(raw) == "null":
		bad = append(bad, key+" must be a string")
	case uuid && !uuidPattern.MatchString(in.id):
		bad = append(bad, key+" must be a UUID")
	case in.id == "":
		bad = append(bad, key+" should not be empty")
	}
	var reason string
	if raw, ok := m["reason"]; ok && (json.Unmarshal(raw, &reason) != nil || string(raw) == "null") {
		bad = append(bad, "reason must be a string")
	}
	return in, bad
}

// parseObject decodes a body that must be a JSON object with no keys but
// known. It returns nil when the body is no object at all.
func parseObject(body []byte, known ...string) (map[string]json.RawMessage, []string) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil || m == nil {
		return nil, []string{"the request body must be a JSON object"}
	}
	var bad []string
	for _, key := range slices.Sorted(maps.Keys(m)) {
		if !slices.Contains(known, key) {
			bad = append(bad, "property "+key+" should not exist")
		}
	}
	return m, bad
}

// uuidPattern is how a UUID (any version) is written, as the contract's
// format: uuid checks it.
var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// applyStatus changes a session's status.
func (s *Server) applyStatus(id string, in statusInput) answer {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	c := s.indexNow()
	old, ok := c.find(id)
	if !ok {
		return errorAnswer(http.StatusNotFound, "Chat session not found")
	}
	if in.status == "" || old.view.Status == in.status {
		return answer{status: http.StatusOK}
	}
	now := s.now().UTC()
	body, err := editObject(old.body, []field{
		{"status", rawJSON(in.status)},
		{"updated_at", rawJSON(now.Format(wireTime))},
	})
	if err != nil {
		// A body that is no JSON object (WithSession's odd ones) is served
		// as it was stored; only its history shows the change.
		body = old.body
	}
	s.writeSeq++
	event := rawJSON(map[string]any{
		"id":         eventID(old.key, s.writeSeq),
		"created_at": now.Format(wireTime),
		"event": map[string]any{
			"type":    "status_change",
			"sender":  map[string]string{"type": "system"},
			"content": map[string]string{"type": "text", "text": old.view.Status + " → " + in.status},
		},
	})
	s.replace(c, old, body, append(slices.Clone(old.events(s.content)), event))
	return answer{status: http.StatusOK}
}

// applyRedactSession redacts every message of a session.
func (s *Server) applyRedactSession(id string) answer {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	c := s.indexNow()
	old, ok := c.find(id)
	if !ok {
		return errorAnswer(http.StatusNotFound, "Chat session not found")
	}
	events, n := redact(old.events(s.content), func(string) bool { return true })
	if n > 0 {
		s.replace(c, old, old.body, events)
	}
	return redactionAnswer(redactionResult{
		Success: true, Message: fmt.Sprintf("%d messages redacted", n), ItemID: id,
		RedactionType: "session", AffectedCount: n, MessagesRedacted: &n,
	})
}

// applyRedactMessage redacts one message, found by its ID in any session.
func (s *Server) applyRedactMessage(id string) answer {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	c := s.indexNow()
	key, ok := s.messageOwner(c, id)
	if !ok {
		return errorAnswer(http.StatusNotFound, "Message not found")
	}
	old := c.byKey[key]
	events, n := redact(old.events(s.content), func(ev string) bool { return ev == id })
	msg := "Message already redacted"
	if n > 0 {
		s.replace(c, old, old.body, events)
		msg = "Message redacted"
	}
	return redactionAnswer(redactionResult{
		Success: true, Message: msg, ItemID: id, RedactionType: "message", AffectedCount: n,
	})
}

// redactionAnswer is 201 and the result.
func redactionAnswer(res redactionResult) answer {
	return answer{http.StatusCreated, rawJSON(res)}
}

// messageOwner returns the key of the session whose history has the
// message id. The map is built once, from every stored session's history
// (the first message redaction pays for writing them all); writes only add
// status_change events, which are no messages, so it stays true. The caller
// holds s.writeMu.
func (s *Server) messageOwner(c *index, id string) (string, bool) {
	if s.msgOwner == nil {
		s.msgOwner = make(map[string]string)
		for _, key := range slices.Sorted(maps.Keys(c.byKey)) { // sorted: the first owner of a reused ID wins, every run
			for _, raw := range c.byKey[key].events(s.content) {
				if ev, ok := messageOf(raw); ok && ev.ID != "" {
					if _, taken := s.msgOwner[ev.ID]; !taken {
						s.msgOwner[ev.ID] = key
					}
				}
			}
		}
	}
	key, ok := s.msgOwner[id]
	return key, ok
}

// redact returns events with the messages pick chooses redacted, and how
// many of them changed. The events are not changed in place: the old index
// still serves them to requests in flight.
func redact(events [][]byte, pick func(id string) bool) ([][]byte, int) {
	out := slices.Clone(events)
	n := 0
	for i, raw := range events {
		ev, ok := messageOf(raw)
		if !ok || !pick(ev.ID) {
			continue
		}
		if ev.Event.Content.Text == redactedText && len(ev.Event.Attachments) == 0 {
			continue
		}
		red, err := redactOne(raw)
		if err != nil {
			continue // an event the fake cannot edit stays as it is
		}
		out[i] = red
		n++
	}
	return out, n
}

// redactOne rewrites one message event: text "[REDACTED]", no attachments,
// everything else as it was.
func redactOne(raw []byte) ([]byte, error) {
	body, _ := member(raw, "event")
	content, ok := member(body, "content")
	if !ok {
		content = json.RawMessage(`{"type":"text"}`)
	}
	content, err := editObject(content, []field{{"text", rawJSON(redactedText)}})
	if err != nil {
		return nil, err
	}
	body, err = editObject(body, []field{{"content", content}}, "attachments")
	if err != nil {
		return nil, err
	}
	return editObject(raw, []field{{"event", body}})
}

// wireTime is how the API writes a time: UTC, milliseconds, Z.
const wireTime = "2006-01-02T15:04:05.000Z"

// eventID is the ID of the n-th write's event on a session: a version 4
// UUID derived from both, so the same writes give the same IDs in every run.
func eventID(key string, n int) string {
	b := sha256.Sum256(fmt.Appendf(nil, "%s|status_change|%d", key, n))
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// replace swaps in a copy of c in which old's session has body and events.
// The caller holds s.writeMu.
func (s *Server) replace(c *index, old *entry, body []byte, events [][]byte) {
	e := newEntry(old.key, body)
	e.setEvents(events)
	s.swap(c.with(old, e))
}

// swap installs the index a write built: the session's body, list item and
// history change together, so a GET and a list page never disagree.
func (s *Server) swap(c *index) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.index = c
}

// setEvents gives a new entry its history, so the catalog is never asked
// for it: it is the old entry's, changed by a write.
func (e *entry) setEvents(events [][]byte) {
	e.historyOnce.Do(func() { e.history = events })
}

// with returns a copy of c in which old is replaced by e: the list sorted
// again (a status change moves updated_at) and the catalog's inserts put in
// again at their positions. c itself is not changed, so that handlers
// holding it keep a consistent snapshot.
func (c *index) with(old, e *entry) *index {
	n := &index{byKey: maps.Clone(c.byKey), inserts: slices.Clone(c.inserts)}
	n.byKey[e.key] = e
	n.listed = slices.Clone(c.listed)
	for i, x := range n.listed {
		if x == old {
			n.listed[i] = e
		}
	}
	slices.SortFunc(n.listed, newestFirst)
	for i, in := range n.inserts {
		if in.ID == e.key && e.item != nil {
			n.inserts[i].Item = e.item // an inserted session lists what GET serves
		}
	}
	n.relist()
	return n
}
