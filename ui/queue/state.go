package queue

import (
	"context"
	"slices"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/store"
)

// State is what a saved view keeps of the queue while another view has
// it: its settings, the row under the cursor and the rows selected. One
// queue serves every view: a State is a few strings, where a queue per
// view would hold its rows.
type State struct {
	View     filter.View // View.Text is the root's to keep: the input holds the text filter
	Cursor   string      // the session under the cursor; "" for the top
	Selected []string    // the sessions selected, in no order

	team   teamFilter   // the team filter exactly, when taken from the queue
	reason reasonFilter // the "handed off because" filter: each tab its own, not saved in a view (why.go)
}

// State is the queue's settings, cursor and selection now.
func (m Model) State() State {
	s := State{View: filter.View{Filters: m.filters, Attention: m.attention, Team: m.Team(), Changed: m.changed}, team: m.team, reason: m.reason}
	if !m.pinned {
		s.Cursor = m.selID
	}
	for id, on := range m.picked {
		if on {
			s.Selected = append(s.Selected, id)
		}
	}
	slices.Sort(s.Selected)
	return s
}

// noTeam is what the team filter calls sessions without a team.
const noTeam = "no team"

// teamFilter is the team filter s names: exactly the one taken from the
// queue, else a saved view's team by its name.
func (s State) teamFilter() teamFilter {
	switch team := strings.TrimSpace(s.View.Team); {
	case team == "":
		return teamFilter{}
	case s.team.on && strings.EqualFold(s.team.name, team):
		return s.team
	case strings.EqualFold(team, noTeam):
		return teamFilter{on: true, name: noTeam}
	default:
		return teamFilter{on: true, name: team, byName: true}
	}
}

// Restore gives the queue s's settings, cursor and selection, and text as
// the text filter. The server is asked again only when the server-side
// filters or the ordering differ; otherwise the loaded rows are filtered
// again at once. After a reload the cursor's row may come with a later
// page: the caller selects it when it arrives (Select).
func (m Model) Restore(s State, text string) (Model, tea.Cmd) {
	v := s.View
	m.team, m.reason = s.teamFilter(), s.reason
	m.changed, m.text = v.Changed, normalText(text)
	reload := v.Filters != m.filters || v.Attention != m.attention
	if v.Attention != m.attention && !v.Attention {
		m.stopRanking()
		newestFirst(m.rows) // the ranking's walk added rows out of the API's order
		m.reindex()
	}
	m.filters, m.attention = v.Filters, v.Attention
	var cmd tea.Cmd
	if reload {
		m, cmd = m.Reload()
	}
	m.picked, m.anchor = nil, ""
	if len(s.Selected) > 0 {
		m.picked = make(map[string]bool, len(s.Selected))
		for _, id := range s.Selected {
			m.picked[id] = true
		}
	}
	if !reload {
		m.selID, m.pinned = s.Cursor, s.Cursor == ""
		m.rebuild()
		var more tea.Cmd
		m, more = m.maybeLoadMore()
		cmd = more
	}
	m.warm()
	return m, cmd
}

// Has reports whether the session id is shown: a restored cursor's row
// that has arrived.
func (m Model) Has(id string) bool { return m.position(id) >= 0 }

// Count is how many sessions the queue shows, and whether that is all of
// them: every page loaded and none under way.
func (m Model) Count() (n int, complete bool) { return len(m.view), m.end && !m.loading }

// Kept is what counting a view from the local store needs of it.
type Kept interface {
	Sessions(ctx context.Context, q store.Query) ([]api.Session, error)
	Changes(ctx context.Context, sessions []api.Session) (map[string]store.Change, error)
}

// CountKept counts the sessions the local store holds that v would show,
// up to limit, reading at most keptScan of them: at least that many are there as of the last refresh (the
// store holds what was fetched, never more than the API has). The team,
// the text and "changed" are judged as the queue judges a row; a session
// is "changed" here when its fields changed since it was last looked at
// (new sessions are the queue's to know).
func CountKept(ctx context.Context, kept Kept, v filter.View, now time.Time, limit int) (int, error) {
	text, team := normalText(v.Text), State{View: v}.teamFilter()
	scan := limit
	if text != "" || team.on || v.Changed {
		scan = keptScan
	}
	sessions, err := kept.Sessions(ctx, v.Filters.Query(now, scan))
	if err != nil {
		return 0, err
	}
	var changes map[string]store.Change
	if v.Changed {
		if changes, err = kept.Changes(ctx, sessions); err != nil {
			return 0, err
		}
	}
	n, kinds := 0, newKindTable()
	match := newTextMatch(kinds, text) // no kinds yet: each row's kind is asked (holdsRow)
	for i := range sessions {
		r := unpackedRow(kinds, &sessions[i]) // counted, not kept: no need to pack
		if !match.holdsRow(r) || !team.keeps(r) {
			continue
		}
		if v.Changed && len(changes[r.id].Fields) == 0 {
			continue
		}
		if n++; n == limit {
			break
		}
	}
	return n, nil
}

// KeptCounter counts a view's sessions in mem (CountKept, up to limit)
// as of now; nil when mem keeps nothing.
func KeptCounter(mem any, now time.Time, limit int) func(filter.View) (int, error) {
	kept, ok := mem.(Kept)
	if !ok || kept == nil {
		return nil
	}
	return func(v filter.View) (int, error) {
		ctx, cancel := context.WithTimeout(context.Background(), keptTimeout)
		defer cancel()
		return CountKept(ctx, kept, v, now, limit)
	}
}

// keptTimeout bounds a count: a store that does not answer leaves the
// tab's count as it was.
const keptTimeout = 10 * time.Second

// keptScan bounds what CountKept reads of the store for a view with a
// local filter: a count runs beside the user's work, not instead of it.
const keptScan = 5000

// ClickRow moves the cursor to the row drawn on line y of View (0 is its
// first line), and reports whether a row is there.
func (m Model) ClickRow(y int) (Model, tea.Cmd, bool) {
	pos := m.top + y - len(m.filterBar()) - 1
	if y <= len(m.filterBar()) || pos < m.top || pos >= min(m.top+m.listHeight(), len(m.view)) {
		return m, nil, false
	}
	m, cmd := m.move(pos - m.sel)
	m.warm()
	return m, cmd, true
}

// InForce is the filters in force in words, for saving them: "status
// open, handed off", or "none".
func (m Model) InForce() string {
	s := m.inForce()
	if s == " (none)" {
		return "none"
	}
	return strings.TrimPrefix(s, ": ")
}
