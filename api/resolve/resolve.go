package resolve

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/opencx-tools/cxi/api"
)

// Client is what resolving needs from the API.
type Client interface {
	GetSession(ctx context.Context, id string) (*api.Session, error)
	ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error)
	Search(ctx context.Context, query string) (*api.SearchResult, error)
	SessionsOfContact(ctx context.Context, contactID string, maxPages int) ([]api.Session, int, bool, error)
}

// Limits keep a resolution inside a small share of the rate budget.
const (
	ticketPages   = 8 // list pages scanned for a ticket reference not in the loaded queue
	contactPages  = 4 // list pages scanned for each contact's sessions
	maxContacts   = 5 // contacts followed from one search
	maxMessageIDs = 10
)

// Result is what a resolution found, and how far it looked, in words.
type Result struct {
	Query    Query
	Sessions []api.Session
	Looked   string // "searched 40 loaded sessions and 8 pages (200 sessions)"
}

// Resolve finds the sessions text refers to. loaded are the sessions the
// caller already has (the TUI's queue), searched first and for free.
func Resolve(ctx context.Context, c Client, text string, loaded []api.Session) (*Result, error) {
	q, err := Classify(text)
	if err != nil {
		return nil, err
	}
	switch q.Kind {
	case KindID:
		s, err := c.GetSession(ctx, q.Value)
		if err != nil {
			return nil, err
		}
		return &Result{Query: q, Sessions: []api.Session{*s}, Looked: "looked up the ID"}, nil
	case KindTicket:
		return byTicket(ctx, c, q, loaded)
	}
	return bySearch(ctx, c, q)
}

func byTicket(ctx context.Context, c Client, q Query, loaded []api.Session) (*Result, error) {
	res := &Result{Query: q}
	for i := range loaded {
		if ticketMatches(&loaded[i], q.Value) {
			res.Sessions = append(res.Sessions, loaded[i])
		}
	}
	if len(res.Sessions) > 0 {
		res.Looked = fmt.Sprintf("found among the %d loaded sessions", len(loaded))
		return res, nil
	}
	scanned, pages := 0, 0
	p := api.ListParams{}
	for pages < ticketPages {
		page, err := c.ListSessions(ctx, p)
		if err != nil {
			return nil, err
		}
		pages++
		scanned += len(page.Items)
		for i := range page.Items {
			if ticketMatches(&page.Items[i], q.Value) {
				res.Sessions = append(res.Sessions, page.Items[i])
			}
		}
		if page.Next == "" || len(res.Sessions) > 0 {
			break
		}
		p.Cursor = page.Next
	}
	res.Looked = fmt.Sprintf("searched %d loaded sessions and the newest %d (%d pages)", len(loaded), scanned, pages)
	return res, nil
}

// ticketMatches compares a reference with the external_id (any case) and
// with the ticket number.
func ticketMatches(s *api.Session, ref string) bool {
	if t := s.TicketingSystem; t != nil && strings.EqualFold(strings.TrimSpace(t.ExternalID), ref) {
		return true
	}
	if s.TicketNumber != nil {
		if f, err := strconv.ParseFloat(ref, 64); err == nil && f == *s.TicketNumber {
			return true
		}
	}
	return false
}

func bySearch(ctx context.Context, c Client, q Query) (*Result, error) {
	found, err := c.Search(ctx, q.Value)
	if err != nil {
		return nil, err
	}
	res := &Result{Query: q}
	seen := map[string]bool{}
	add := func(s api.Session) {
		if !seen[s.ID] {
			seen[s.ID] = true
			res.Sessions = append(res.Sessions, s)
		}
	}
	followed, scanned, complete := 0, 0, true
	for _, ct := range found.Contacts {
		if followed == maxContacts {
			break
		}
		followed++
		sessions, n, whole, err := c.SessionsOfContact(ctx, ct.ID, contactPages)
		if err != nil {
			return nil, err
		}
		scanned = max(scanned, n)
		complete = complete && whole
		for _, s := range sessions {
			add(s)
		}
	}
	// Messages point at sessions directly (a search by a word of the chat).
	if q.Kind == KindName {
		for i, m := range found.Messages {
			if i == maxMessageIDs || m.SessionID == "" || seen[m.SessionID] {
				continue
			}
			if s, err := c.GetSession(ctx, m.SessionID); err == nil {
				add(*s)
			}
		}
	}
	res.Looked = fmt.Sprintf("searched contacts: %d found", len(found.Contacts))
	switch {
	case followed > 0 && complete:
		res.Looked += fmt.Sprintf("; their sessions among all %d", scanned)
	case followed > 0:
		res.Looked += fmt.Sprintf("; their sessions among the newest %d", scanned)
	}
	return res, nil
}
