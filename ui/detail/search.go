package detail

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// Search looks for text that is not a session ID (q says how it was
// understood): a ticket reference among the loaded sessions first, then
// the API. It supersedes any lookup, as a lookup supersedes it.
func (m Model) Search(q resolve.Query, text string, loaded []api.Session) (Model, tea.Cmd) {
	ctx := m.begin()
	m.searching = explain.Query(q)
	client, seq, mem := m.client, m.seq, m.mem
	return m, func() tea.Msg {
		if found := findLocally(ctx, mem, q, text); len(found) > 0 {
			return SearchedMsg{Seq: seq, Local: found, Query: q}
		}
		res, err := resolve.Resolve(ctx, client, text, loaded)
		return SearchedMsg{Seq: seq, Result: res, Err: err}
	}
}

// findLocally asks the store before the API: the sessions seen before
// with this ticket, external_id, email, phone, name or ID prefix, and for
// words that are none of those, the kept summaries and transcripts that
// mention them.
func findLocally(ctx context.Context, mem Memory, q resolve.Query, text string) []store.Found {
	if mem == nil {
		return nil
	}
	if found, err := mem.FindText(ctx, text); err == nil && len(found) > 0 {
		return found
	}
	if q.Kind == resolve.KindName {
		if found, err := mem.Search(ctx, text); err == nil {
			return found
		}
	}
	return nil
}

// searchedLocally takes what the store found: one session opens at once,
// with one GET to confirm it is current; several open the picker, and the
// one chosen opens the same way.
func (m Model) searchedLocally(msg SearchedMsg) (Model, Event, tea.Cmd) {
	m.endRequest()
	what := msg.Query.Kind.String() + " " + render.Line(msg.Query.Value)
	if len(msg.Local) == 1 {
		return m.openKept(msg.Local[0])
	}
	sessions := make([]api.Session, len(msg.Local))
	kept := make(map[string]store.Found, len(msg.Local))
	for i, f := range msg.Local {
		sessions[i] = f.Session
		kept[f.Session.ID] = f
	}
	title := plural.CountAs(len(sessions), "session", "sessions") + " in local history for " + what
	choose := func(s api.Session) tea.Cmd {
		f := kept[s.ID]
		return func() tea.Msg { return ChosenMsg{Session: s, Kept: &f} }
	}
	return m, Event{Pick: &overlay.SessionChoice{Title: title, Sessions: sessions, Choose: choose}}, nil
}

// openKept shows a session the store kept, as fetched then, and asks the
// API once whether it is current: offline, the failed GET marks it so.
func (m Model) openKept(f store.Found) (Model, Event, tea.Cmd) {
	m.lastID = f.Session.ID
	m.offlineAt = time.Time{}
	m = m.show(&f.Session, m.now)
	m, confirm := m.fetch(f.Session.ID, true)
	s := f.Session
	return m, Event{Arrived: &s}, tea.Batch(confirm, recall(m.mem, &s, m.now),
		common.Say("Found in local history, fetched "+render.Age(f.FetchedAt, m.now)+"; checking it is current.", false))
}

func (m Model) searched(msg SearchedMsg) (Model, Event, tea.Cmd) {
	if !m.Searching() || msg.Seq != m.seq {
		return m, Event{}, nil // superseded or cancelled
	}
	if len(msg.Local) > 0 {
		return m.searchedLocally(msg)
	}
	m.endRequest()
	if msg.Err != nil {
		return m, Event{Refused: explain.Describe(msg.Err, "").Sentence}, nil
	}
	res := msg.Result
	what := res.Query.Kind.String() + " " + render.Line(res.Query.Value)
	switch len(res.Sessions) {
	case 0:
		return m, Event{Refused: "No session found for " + what + ": " + render.Line(res.Looked) + "."}, nil
	case 1:
		return m.showFound(res.Sessions[0])
	}
	title := plural.CountAs(len(res.Sessions), "session", "sessions") + " for " + what + " · " + render.Line(res.Looked)
	choose := func(s api.Session) tea.Cmd { return func() tea.Msg { return ChosenMsg{Session: s} } }
	return m, Event{Pick: &overlay.SessionChoice{Title: title, Sessions: res.Sessions, Choose: choose}}, nil
}

// showFound shows a session a search found: the search's answer is as
// fresh as a fetch.
func (m Model) showFound(s api.Session) (Model, Event, tea.Cmd) {
	m.fetchedAt[s.ID] = m.now
	m.lastID = s.ID
	m.offlineAt = time.Time{}
	m = m.show(&s, m.now)
	return m, Event{Arrived: &s}, recall(m.mem, &s, m.now)
}
