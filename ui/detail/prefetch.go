package detail

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
)

// budgetShareForPrefetch is the budget below which prefetching waits,
// leaving the rest for what the user asks.
const budgetShareForPrefetch = 50

// fresh reports whether id was fetched within freshFor.
func (m Model) fresh(id string) bool {
	at, ok := m.fetchedAt[id]
	return ok && m.now.Sub(at) < freshFor
}

// Prefetch fetches the given neighbours of the session on display that are
// not fresh, so that n/p show current data with no spinner, and cancels
// the prefetches of sessions that are no longer neighbours: those were
// background requests (api.Background), so cancelling them before they are
// sent gives their budget back. It stays off when the request budget runs
// low.
func (m Model) Prefetch(neighbours ...*api.Session) (Model, tea.Cmd) {
	wanted := map[string]bool{}
	for _, n := range neighbours {
		if n != nil {
			wanted[n.ID] = true
		}
	}
	for id, p := range m.prefetching {
		if !wanted[id] {
			p.cancel()
			delete(m.prefetching, id)
		}
	}
	if m.client.Budget() < budgetShareForPrefetch {
		return m, nil
	}
	var cmds []tea.Cmd
	for _, n := range neighbours {
		if n == nil || m.fresh(n.ID) {
			continue
		}
		if _, on := m.prefetching[n.ID]; on {
			continue
		}
		ctx, cancel := context.WithCancel(m.background)
		m.prefetchSeq++
		m.prefetching[n.ID] = prefetch{seq: m.prefetchSeq, cancel: cancel} // one prefetch per neighbour at a time
		cmds = append(cmds, prefetchSession(api.Background(ctx), m.client, n.ID, m.prefetchSeq, m.ctx.Now))
	}
	return m, tea.Batch(cmds...)
}

// prefetched takes a neighbour's fresh copy: for the queue, and into the
// pane when that session is on display (the user got there first).
func (m Model) prefetched(msg PrefetchedMsg) (Model, Event, tea.Cmd) {
	if p, ok := m.prefetching[msg.ID]; ok && p.seq == msg.Seq {
		p.cancel()
		delete(m.prefetching, msg.ID)
	}
	if msg.Session == nil {
		return m, Event{}, nil
	}
	m.fetchedAt[msg.ID] = msg.At
	if s := m.Shown(); s != nil && s.ID == msg.ID {
		m.pane = m.pane.Replace(msg.Session)
		if m.current.Quiet && m.current.ID == msg.ID {
			m.endRequest() // the background refresh has nothing left to add
		}
	}
	return m, Event{Fresh: msg.Session}, nil
}

// prefetchSession fetches a neighbour under the pane's background context,
// cancelled on quit.
func prefetchSession(ctx context.Context, client Client, id string, seq int, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		s, err := client.GetSession(ctx, id)
		if err != nil {
			return PrefetchedMsg{ID: id, Seq: seq}
		}
		return PrefetchedMsg{ID: id, Session: s, At: now(), Seq: seq}
	}
}

// prefetch is one neighbour being fetched ahead.
type prefetch struct {
	seq    int
	cancel context.CancelFunc
}
