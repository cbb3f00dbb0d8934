package demo

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// Oddity is a deliberate departure from the contract (opencx.openapi.yaml)
// that the demo serves so the client's handling of it can be seen and
// tested. Every one is served by one named showcase session or list item
// and by nothing else: the contract checks (api/fake/contract, the Prism
// harness) take this list as the only answers allowed to fail, and fail
// when one of them no longer does.
type Oddity struct {
	// Name says what it is, for test names and messages.
	Name string
	// Why it is served although the contract refuses it.
	Why string
	// SessionID is the session that serves it: its GET, and its item in any
	// list that carries it. Empty for an item that is no session at all.
	SessionID string
	// Item is that list item, byte for byte, when it is no session.
	Item string
	// Fields are where the contract refuses it, JSON pointers into the
	// session ("/ticket_number"); none means the answer as a whole.
	Fields []string
}

// Oddities returns every deliberate departure from the contract the demo
// serves (a fresh slice each call).
func Oddities() []Oddity {
	return []Oddity{
		{
			Name: "unknown future enum values",
			Why: "the API is 1.0-beta and its enums grow: a newer server's values must be shown " +
				"as they are, never dropped or fatal",
			SessionID: IDUnknownEnums,
			Fields: []string{"/status", "/ai_closure_type", "/sentiment", "/channel/type",
				"/handoff/sentiment", "/ticketing_system/name", "/ticketing_system/id_type"},
		},
		{
			Name: "ticket_number as a string",
			Why: "the list's items are decoded one by one and an item that does not decode is " +
				"reported, not fatal to its page; a string where the contract has a number is the " +
				"likeliest such item",
			SessionID: IDOddTicket,
			Fields:    []string{"/ticket_number"},
		},
		{
			Name: "a list item that is no object",
			Why:  "the same: a page with one unreadable item must still show the others",
			Item: corruptedItem,
		},
		{
			Name: "nginx's 502 HTML page",
			Why: "a gateway in front of the API answers with HTML, not ErrorDto; the client must " +
				"say what happened without parsing it",
			SessionID: IDBadGateway,
		},
	}
}

// ExpectedOddity returns the oddity that explains a failure at location (a
// JSON pointer into the answer, as relative to the session or item as the
// caller can make it) in an answer about sessionID, or in a list item
// whose bytes are item. ok is false when the failure is not one the demo
// means to serve, which is a bug in the fake or in its content.
func ExpectedOddity(sessionID string, item []byte, location string) (Oddity, bool) {
	for _, o := range Oddities() {
		switch {
		case o.Item != "" && string(item) == o.Item:
			return o, true
		case o.SessionID == "" || !strings.EqualFold(o.SessionID, sessionID):
			continue
		case len(o.Fields) == 0:
			return o, true
		case slices.ContainsFunc(o.Fields, func(f string) bool {
			return location == f || strings.HasPrefix(location, f+"/")
		}):
			return o, true
		}
	}
	return Oddity{}, false
}

// OddityIn returns the oddity that explains a failure at pointer (a JSON
// pointer into body) in the answer body to GET path: in a list page the
// item the failure sits in, elsewhere the session the path names. The
// contract checks of the fake and the Prism harness both ask it.
func OddityIn(path string, body []byte, pointer string) (Oddity, bool) {
	rest, inItem := strings.CutPrefix(pointer, "/items/")
	if !inItem || path != "/chat/sessions" {
		id, _ := strings.CutPrefix(path, "/chat/sessions/")
		return ExpectedOddity(id, nil, pointer)
	}
	n, rel, _ := strings.Cut(rest, "/")
	i, err := strconv.Atoi(n)
	var page struct{ Items []json.RawMessage }
	if err != nil || json.Unmarshal(body, &page) != nil || i < 0 || i >= len(page.Items) {
		return Oddity{}, false
	}
	var item struct{ ID string }
	_ = json.Unmarshal(page.Items[i], &item) // the corrupted item has none
	if rel != "" {
		rel = "/" + rel
	}
	return ExpectedOddity(item.ID, page.Items[i], rel)
}
