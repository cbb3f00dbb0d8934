package resolve

import (
	"context"
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
)

// Client is what resolving needs from the API.
type Client interface {
	GetSession(ctx context.Context, id string) (*api.Session, error)
	ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error)
	Search(ctx context.Context, query string) (*api.SearchResult, error)
}

// Limits keep a resolution inside a small share of the rate budget.
const (
	ticketPages   = 8 // list pages scanned for a ticket reference not in the loaded queue
	contactPages  = 4 // list pages (times two) scanned for the contacts' sessions
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
		if api.KindOf(err) == api.KindNotFound {
			// Some helpdesks use UUIDs as ticket IDs too.
			if res, terr := byTicket(ctx, c, Query{Kind: KindTicket, Value: q.Value}, loaded); terr == nil && len(res.Sessions) > 0 {
				return res, nil
			}
		}
		if err != nil {
			return nil, err
		}
		return &Result{Query: q, Sessions: []api.Session{*s}, Looked: "looked up the ID"}, nil
	case KindTicket:
		return byTicket(ctx, c, q, loaded)
	}
	res, err := bySearch(ctx, c, q)
	if err == nil && len(res.Sessions) == 0 && q.Kind == KindPhone {
		// Long digit strings are ticket numbers too (215460698793614).
		if tres, terr := byTicket(ctx, c, Query{Kind: KindTicket, Value: strings.TrimPrefix(q.Value, "#")}, loaded); terr == nil && len(tres.Sessions) > 0 {
			return tres, nil
		}
	}
	return res, err
}

func byTicket(ctx context.Context, c Client, q Query, loaded []api.Session) (*Result, error) {
	res := &Result{Query: q}
	for i := range loaded {
		if ticketMatches(&loaded[i], q.Value) {
			res.Sessions = append(res.Sessions, loaded[i])
		}
	}
	if len(res.Sessions) > 0 {
		res.Looked = "found among the " + plural.Count(len(loaded), "loaded session")
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
	res.Looked = fmt.Sprintf("searched %s and the newest %d (%s)", plural.Count(len(loaded), "loaded session"), scanned, plural.Count(pages, "page"))
	return res, nil
}

// ticketMatches compares a reference with the external_id (any case) and
// with the ticket number.
func ticketMatches(s *api.Session, ref string) bool {
	if t := s.TicketingSystem; t != nil && strings.EqualFold(strings.TrimSpace(t.ExternalID), ref) {
		return true
	}
	return s.TicketNumber != nil && s.TicketNumber.Equal(ref)
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
	// Every contact found, matched in one walk over the newest pages: a
	// person often has several contact records, and stopping at the first
	// would hide their newest session.
	contacts := map[string]bool{}
	for _, ct := range found.Contacts {
		contacts[strings.ToLower(ct.ID)] = true
	}
	scanned, pages, complete := 0, 0, false
	if len(contacts) > 0 {
		p := api.ListParams{}
		for pages < contactPages*2 {
			page, err := c.ListSessions(ctx, p)
			if err != nil {
				return nil, err
			}
			pages++
			scanned += len(page.Items)
			for _, s := range page.Items {
				if s.Contact != nil && contacts[strings.ToLower(s.Contact.ID)] {
					add(s)
				}
			}
			if page.Next == "" {
				complete = true
				break
			}
			p.Cursor = page.Next
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
	case len(contacts) > 0 && complete:
		res.Looked += fmt.Sprintf("; their sessions among all %d", scanned)
	case len(contacts) > 0:
		res.Looked += fmt.Sprintf("; their sessions among the newest %d (%s)", scanned, plural.Count(pages, "page"))
	}
	if len(found.Messages) > 0 && q.Kind == KindName {
		res.Looked += "; " + plural.Count(len(found.Messages), "matching message")
	}
	return res, nil
}
