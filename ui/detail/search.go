package detail

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/picker"
	"github.com/opencx-tools/cxi/ui/render"
)

// Search looks for text that is not a session ID (q says how it was
// understood): a ticket reference among the loaded sessions first, then
// the API. It supersedes any lookup, as a lookup supersedes it.
func (m Model) Search(q resolve.Query, text string, loaded []api.Session) (Model, tea.Cmd) {
	ctx := m.begin()
	m.searching = explain.Query(q)
	client, seq := m.client, m.seq
	return m, func() tea.Msg {
		res, err := resolve.Resolve(ctx, client, text, loaded)
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
	switch len(res.Sessions) {
	case 0:
		return m, Event{Refused: "No session found for " + what + ": " + render.Line(res.Looked) + "."}, nil
	case 1:
		return m.showFound(res.Sessions[0])
	}
	title := plural.CountAs(len(res.Sessions), "session", "sessions") + " for " + what + " · " + render.Line(res.Looked)
	choose := func(s api.Session) tea.Cmd { return func() tea.Msg { return ChosenMsg{Session: s} } }
	return m, Event{Pick: picker.New(m.ctx, title, res.Sessions, choose)}, nil
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
