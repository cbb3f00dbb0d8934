package detail

import (
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/api/resolve/lookup"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// Search looks for text that is not a session ID (q says how it was
// understood) where cxi get looks (lookup.Find): the loaded queue, the
// local store and the API, one answer merged from the three. It
// supersedes any lookup, as a lookup supersedes it.
func (m Model) Search(q resolve.Query, text string, loaded resolve.Loaded) (Model, tea.Cmd) {
	ctx := m.begin()
	m.searching = explain.Query(q)
	src := lookup.Sources{API: m.client, Loaded: loaded}
	if m.mem != nil {
		src.Store = m.mem
	}
	seq, mem, now := m.seq, m.mem, m.ctx.Now
	return m, func() tea.Msg {
		res, err := lookup.Find(ctx, src, text)
		if err == nil && mem != nil {
			// What the API answered is kept as a fetch's answer is, so
			// that the next search finds it offline too.
			var fresh []api.Session
			for _, f := range res.Matches {
				if f.From == lookup.API {
					fresh = append(fresh, f.Session)
				}
			}
			_ = mem.SaveSessions(ctx, fresh, now())
		}
		return SearchedMsg{Seq: seq, Result: res, Err: err}
	}
}

func (m Model) searched(msg SearchedMsg) (Model, Event, tea.Cmd) {
	if !m.Searching() || msg.Seq != m.seq {
		return m, Event{}, nil // superseded or cancelled
	}
	m.endRequest()
	if msg.Err != nil {
		return m, Event{Refused: explain.Describe(msg.Err, "").Sentence}, nil
	}
	res := msg.Result
	what := res.Query.Kind.String() + " " + render.Line(res.Query.Value)
	var apiDown tea.Cmd
	if res.APIErr != nil {
		// What the queue and the store found stands, and says it is not
		// the API's answer of a moment ago.
		apiDown = common.Say("Found in the queue and local history only: "+explain.Describe(res.APIErr, "").Sentence, true)
	}
	switch len(res.Matches) {
	case 0:
		return m, Event{Refused: "No session found for " + what + ": " + render.Line(res.Looked) + "."}, nil
	case 1:
		m, ev, cmd := m.openMatch(res.Matches[0])
		return m, ev, tea.Batch(cmd, apiDown)
	}
	title := plural.CountAs(len(res.Matches), "session", "sessions") + " for " + what + " · " + render.Line(res.Looked)
	matches := make(map[string]lookup.Match, len(res.Matches))
	where := make([]string, len(res.Matches))
	for i, f := range res.Matches {
		matches[f.Session.ID] = f
		where[i] = f.Where(func(t time.Time) string { return render.Age(t, m.now) })
	}
	choose := func(s api.Session) tea.Cmd {
		f := matches[s.ID]
		return func() tea.Msg { return chosen(f) }
	}
	return m, Event{Pick: &overlay.SessionChoice{Title: title, Sessions: res.Sessions(), Where: where, Choose: choose}}, apiDown
}

// chosen is what picking f means: a session the API did not just answer
// for, that the store kept, opens as fetched then and is checked (offline,
// the queue's rows are the store's copies too); any other is as fresh as a
// fetch.
func chosen(f lookup.Match) ChosenMsg {
	if !slices.Contains(f.Sources, lookup.API) && slices.Contains(f.Sources, lookup.Kept) {
		return ChosenMsg{Session: f.Session, Kept: &store.Found{Session: f.Session, FetchedAt: f.KeptAt}}
	}
	return ChosenMsg{Session: f.Session}
}

// openMatch opens the one session a search found.
func (m Model) openMatch(f lookup.Match) (Model, Event, tea.Cmd) {
	if c := chosen(f); c.Kept != nil {
		return m.openKept(*c.Kept)
	}
	return m.showFound(f.Session)
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

// showFound shows a session a search found: the search's answer is as
// fresh as a fetch.
func (m Model) showFound(s api.Session) (Model, Event, tea.Cmd) {
	m.fetchedAt[s.ID] = m.now
	m.lastID = s.ID
	m.offlineAt = time.Time{}
	m = m.show(&s, m.now)
	return m, Event{Arrived: &s}, recall(m.mem, &s, m.now)
}
