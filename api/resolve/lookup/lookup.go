// Package lookup gives one answer to "which sessions does this text mean",
// whatever cxi knows: the queue's loaded rows, the local store and the API,
// merged by session ID (the freshest copy wins), each match saying where
// it came from, the open and unresolved ones first. The TUI's search and
// `cxi get` both call Find, so that an email finds the same sessions in
// both; before, the store's answer stopped the search and hid the API's.
package lookup

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/api/store"
)

// Source is where a match came from.
type Source int

// The sources, from the stalest copy to the freshest: a tie between two
// copies of the same session is won by the later one here.
const (
	Kept  Source = iota // the local store, as fetched at Match.KeptAt
	Queue               // the queue's loaded rows
	API                 // the API, just now
)

// String is the source as the picker and `cxi get` name it.
func (s Source) String() string {
	switch s {
	case Kept:
		return "kept"
	case Queue:
		return "queue"
	}
	return "API"
}

// Match is one session found.
type Match struct {
	Session api.Session // the freshest copy
	From    Source      // whose copy Session is
	Sources []Source    // every source that knew it, in Source order
	KeptAt  time.Time   // when the store's copy was fetched; zero unless Kept is among Sources
}

// Where says where the match came from, freshest first, the store's copy
// with its age as age words it: "API · kept 2h ago", "API · queue". The
// store is not named beside the queue: the queue's rows are kept as they
// load, and the queue's copy is the one that says something.
func (m Match) Where(age func(time.Time) string) string {
	parts := make([]string, 0, len(m.Sources))
	inQueue := slices.Contains(m.Sources, Queue)
	for i := len(m.Sources) - 1; i >= 0; i-- {
		s := m.Sources[i]
		switch {
		case s == Kept && inQueue:
			continue
		case s == Kept && !m.KeptAt.IsZero():
			parts = append(parts, "kept "+age(m.KeptAt))
		default:
			parts = append(parts, s.String())
		}
	}
	return strings.Join(parts, " · ")
}

// Store is what a lookup needs of the local store (*store.Store has it;
// a nil one keeps nothing).
type Store interface {
	FindText(ctx context.Context, text string) ([]store.Found, error)
	Search(ctx context.Context, words string) ([]store.Found, error)
}

// Sources are what Find asks: API is required; a nil Store is not asked.
type Sources struct {
	API    resolve.Client
	Store  Store
	Loaded resolve.Loaded // the queue's rows; nil outside the TUI
}

// Result is what a lookup found, and where it looked, in words.
type Result struct {
	Query   resolve.Query
	Matches []Match
	Looked  string // "queue: 2 of 40 loaded sessions; kept: 4; API: searched contacts: 3 found; …"
	// APIErr is why the API did not answer: Matches are then what the
	// queue and the store know, and say so.
	APIErr error
}

// Sessions are the matches' sessions, in order.
func (r *Result) Sessions() []api.Session {
	out := make([]api.Session, len(r.Matches))
	for i, m := range r.Matches {
		out[i] = m.Session
	}
	return out
}

// maxRefresh is the most sessions a ticket reference found locally is
// read again for: a reference names one session, rarely a few.
const maxRefresh = 5

// Find asks every source what text means and merges the answers. A
// session ID is the API's to answer (the TUI opens it by a lookup of its
// own, with the store's copy when offline). A ticket reference is looked
// for in the queue and the store first, and what they found is read again
// from the API to be current; only when they found nothing does the API's
// list walk run. An email, phone number or name asks all three. The error
// is Classify's, or the API's when nothing else found anything.
func Find(ctx context.Context, src Sources, text string) (*Result, error) {
	q, err := resolve.Classify(text)
	if err != nil {
		return nil, err
	}
	if q.Kind == resolve.KindID {
		res, err := resolve.Resolve(ctx, src.API, text, src.Loaded)
		if err != nil {
			return nil, err
		}
		out := &Result{Query: res.Query, Looked: res.Looked}
		var m merged
		m.add(API, res.Sessions, time.Time{})
		out.Matches = m.sorted()
		return out, nil
	}
	res := &Result{Query: q}
	var m merged
	var looked []string

	if src.Loaded != nil {
		inQueue := src.Loaded.Matching(q)
		m.add(Queue, inQueue, time.Time{})
		looked = append(looked, fmt.Sprintf("queue: %d of %s", len(inQueue), plural.Count(src.Loaded.Len(), "loaded session")))
	}

	if src.Store != nil {
		n, err := keptMatches(ctx, src.Store, q, text, &m)
		switch {
		case err != nil:
			looked = append(looked, "kept: the local store could not be read")
		default:
			looked = append(looked, fmt.Sprintf("kept: %d", n))
		}
	}

	if q.Kind == resolve.KindTicket && len(m.all) > 0 {
		err = m.refresh(ctx, src.API)
		if err == nil {
			looked = append(looked, "API: read again")
		}
	} else {
		var found *resolve.Result
		found, err = resolve.Resolve(ctx, src.API, text, nil)
		if err == nil {
			m.add(API, found.Sessions, time.Time{})
			looked = append(looked, "API: "+found.Looked)
		}
	}
	if err != nil {
		if len(m.all) == 0 {
			return nil, err
		}
		res.APIErr = err
		looked = append(looked, "API: no answer")
	}
	res.Matches = m.sorted()
	res.Looked = strings.Join(looked, "; ")
	return res, nil
}

// keptMatches adds what the store found for q to m: the sessions kept with
// this ticket, email, phone, name or ID prefix, and for a name (words that
// are none of those) the kept summaries and transcripts that mention it.
func keptMatches(ctx context.Context, st Store, q resolve.Query, text string, m *merged) (int, error) {
	found, err := st.FindText(ctx, text)
	if err != nil {
		return 0, err
	}
	if q.Kind == resolve.KindName {
		more, err := st.Search(ctx, text)
		if err != nil {
			return 0, err
		}
		found = append(found, more...)
	}
	distinct := map[string]bool{}
	for _, f := range found {
		distinct[strings.ToLower(f.Session.ID)] = true
		m.add(Kept, []api.Session{f.Session}, f.FetchedAt)
	}
	return len(distinct), nil
}

// merged is the matches so far, one per session ID.
type merged struct {
	all []Match
	at  map[string]int // lower-case session ID → index in all
}

// add merges sessions from source; keptAt is when the store fetched them.
// The copy with the later updated_at wins, and on a tie the fresher source.
func (m *merged) add(source Source, sessions []api.Session, keptAt time.Time) {
	if m.at == nil {
		m.at = map[string]int{}
	}
	for _, s := range sessions {
		id := strings.ToLower(s.ID)
		i, ok := m.at[id]
		if !ok {
			m.at[id] = len(m.all)
			m.all = append(m.all, Match{Session: s, From: source, Sources: []Source{source}, KeptAt: keptAt})
			continue
		}
		old := &m.all[i]
		if !slices.Contains(old.Sources, source) {
			old.Sources = append(old.Sources, source)
			slices.Sort(old.Sources)
		}
		if source == Kept && keptAt.After(old.KeptAt) {
			old.KeptAt = keptAt
		}
		if fresher(s, source, old.Session, old.From) {
			old.Session, old.From = s, source
		}
	}
}

// fresher reports whether copy a (from sa) is newer than b (from sb).
func fresher(a api.Session, sa Source, b api.Session, sb Source) bool {
	at, bt := a.UpdatedAt.Time, b.UpdatedAt.Time
	if !at.Equal(bt) {
		return at.After(bt)
	}
	return sa > sb
}

// refresh reads each match again from the API, up to maxRefresh of them.
// A session the API no longer has keeps the copy found; any other failure
// stops and is returned.
func (m *merged) refresh(ctx context.Context, c resolve.Client) error {
	for i := range m.all {
		if i == maxRefresh {
			break
		}
		s, err := c.GetSession(ctx, m.all[i].Session.ID)
		switch {
		case api.KindOf(err) == api.KindNotFound:
			continue
		case err != nil:
			return err
		}
		m.add(API, []api.Session{*s}, time.Time{})
	}
	return nil
}

// sorted is the matches in the order a lead wants them: every session that
// is not closed as resolved first (open, unresolved, a status cxi does
// not know yet), then newest activity first.
func (m *merged) sorted() []Match {
	out := slices.Clone(m.all)
	slices.SortStableFunc(out, func(a, b Match) int {
		if ra, rb := done(a.Session), done(b.Session); ra != rb {
			if ra {
				return 1
			}
			return -1
		}
		if c := b.Session.UpdatedAt.Time.Compare(a.Session.UpdatedAt.Time); c != 0 {
			return c
		}
		return strings.Compare(a.Session.ID, b.Session.ID)
	})
	return out
}

func done(s api.Session) bool { return s.Status == api.StatusClosedResolved }
