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

// maxMessageIDs is the most sessions a name's matching messages are read
// for: with walkPages, it keeps a resolution inside a small share of the
// rate budget.
const maxMessageIDs = 10

// Result is what a resolution found, and how far it looked, in words.
type Result struct {
	Query    Query
	Sessions []api.Session
	Looked   string // "searched 40 loaded sessions and 8 pages (200 sessions)"
}

// Resolve finds the sessions text refers to. loaded are the sessions the
// caller already has (the TUI's queue), searched first and for free; nil
// when there are none.
func Resolve(ctx context.Context, c Client, text string, loaded Loaded) (*Result, error) {
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

func byTicket(ctx context.Context, c Client, q Query, loaded Loaded) (*Result, error) {
	res := &Result{Query: q}
	if loaded != nil {
		res.Sessions = loaded.Matching(q)
	}
	if len(res.Sessions) > 0 {
		res.Looked = "found among the " + plural.Count(loaded.Len(), "loaded session")
		return res, nil
	}
	found, w, err := walkList(ctx, c, q.Matches, true)
	if err != nil {
		return nil, err
	}
	res.Sessions = found
	res.Looked = "searched " + w.String()
	if loaded != nil {
		res.Looked = "searched " + plural.Count(loaded.Len(), "loaded session") + " and " + w.String()
	}
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
	// Every contact found, matched in one walk over the list: a person
	// often has several contact records, and stopping at the first would
	// hide their newest session. A session whose contact has the email or
	// phone itself counts too: the search answers a limited number of
	// contacts.
	contacts := map[string]bool{}
	for _, ct := range found.Contacts {
		contacts[strings.ToLower(ct.ID)] = true
	}
	var w walk
	if len(contacts) > 0 {
		theirs := func(s *api.Session) bool {
			return s.Contact != nil && contacts[strings.ToLower(s.Contact.ID)] || q.Kind != KindName && q.Matches(s)
		}
		sessions, walked, err := walkList(ctx, c, theirs, false)
		if err != nil {
			return nil, err
		}
		w = walked
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
	if len(w) > 0 {
		res.Looked += "; their sessions among " + w.String()
	}
	if len(found.Messages) > 0 && q.Kind == KindName {
		res.Looked += "; " + plural.Count(len(found.Messages), "matching message")
	}
	return res, nil
}
