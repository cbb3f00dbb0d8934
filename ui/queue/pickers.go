package queue

import (
	"slices"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api/filter"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/overlay"
)

// teamFilter is the local team filter: the loaded sessions of one team
// (or of none). The list endpoint takes no team, so it cannot ask the
// server; it narrows what is loaded, as the text filter does.
type teamFilter struct {
	on     bool
	key    string // row.teamKey; "" for sessions without a team
	name   string // as shown
	byName bool   // a saved view's team, by its name: whatever its ID (see Restore)
}

func (f teamFilter) keeps(r *row) bool {
	return !f.on || (f.byName && strings.EqualFold(r.team, f.name)) || (!f.byName && r.teamKey == f.key)
}

func (f teamFilter) label() string {
	if !f.on {
		return "any"
	}
	return f.name
}

// Team is the local team filter's team as shown, "" when it is off.
func (m Model) Team() string {
	if !m.team.on {
		return ""
	}
	return m.team.name
}

// filterKind is which filter a picker sets.
type filterKind int

const (
	pickStatus filterKind = iota
	pickChannel
	pickWindow
	pickTeam
	pickReason
	pickFlag
)

// filterValue is one value a picker offers: the field of its kind is set.
type filterValue struct {
	status  api.Status
	channel api.ChannelType
	window  time.Duration
	team    teamFilter
	reason  reasonFilter
	flag    flagFilter
}

// FilterChosenMsg is a value picked in a filter picker. The picker's
// command makes it, and the queue, which owns the filters, sets it.
type FilterChosenMsg struct {
	kind  filterKind
	value filterValue
}

// FilterChoice is the picker a filter key asks for (status, channel,
// updated within, team), or nil when msg is no such key. The root builds
// the picker and pushes it on its overlay stack; the value chosen comes
// back as a FilterChosenMsg.
func (m Model) FilterChoice(msg tea.KeyMsg) *overlay.FilterChoice {
	k := m.keys
	var kind filterKind
	var toggle key.Binding
	switch {
	case key.Matches(msg, k.Status):
		kind, toggle = pickStatus, k.Status
	case key.Matches(msg, k.Channel):
		kind, toggle = pickChannel, k.Channel
	case key.Matches(msg, k.Window):
		kind, toggle = pickWindow, k.Window
	case key.Matches(msg, k.Team):
		kind, toggle = pickTeam, k.Team
	case key.Matches(msg, k.Reason):
		kind, toggle = pickReason, k.Reason
	case key.Matches(msg, k.Flagged):
		kind, toggle = pickFlag, k.Flagged
	default:
		return nil
	}
	f, values := m.choices(kind)
	return &overlay.FilterChoice{Filter: f, Toggle: toggle, Choose: func(i int) tea.Cmd {
		chosen := FilterChosenMsg{kind: kind, value: values[i]}
		return func() tea.Msg { return chosen }
	}}
}

// setFilter applies a picked value. A server-side filter reloads the
// queue, unless the value is the one in force (no request for nothing);
// the team filter only narrows the loaded rows.
func (m Model) setFilter(msg FilterChosenMsg) (Model, tea.Cmd) {
	f, v := m.filters, msg.value
	switch msg.kind {
	case pickStatus:
		f.Status = v.status
	case pickChannel:
		f.Channel = v.channel
	case pickWindow:
		f.Window = v.window
	case pickTeam:
		m.team = v.team
		m.rebuild()
		return m.maybeLoadMore()
	case pickReason:
		return m.SetReason(v.reason.reason)
	case pickFlag:
		m.flag = v.flag
		m.rebuild()
		return m.maybeLoadMore()
	}
	if f == m.filters {
		return m, nil
	}
	m.filters = f
	return m.Reload()
}

// choices is what the picker of kind offers, and the value of each option.
func (m Model) choices(kind filterKind) (overlay.Filter, []filterValue) {
	switch kind {
	case pickStatus:
		return serverChoices(m, "Status", filter.Statuses(), m.filters.Status, statusName,
			func(r *row) api.Status { return r.rawStatus }, func(s api.Status) filterValue { return filterValue{status: s} })
	case pickChannel:
		return serverChoices(m, "Channel", append([]api.ChannelType{""}, api.Channels()...), m.filters.Channel, channelName,
			func(r *row) api.ChannelType { return r.channelType }, func(c api.ChannelType) filterValue { return filterValue{channel: c} })
	case pickWindow:
		return m.windowChoices()
	case pickReason:
		return m.reasonChoices()
	case pickFlag:
		return m.flagChoices()
	}
	return m.teamChoices()
}

// serverChoices builds the picker of a server-side filter whose values
// are compared with a row's own (status, channel): "any" and the known
// values, then those the loaded rows have that known lacks. While the
// filter is on one value, only sessions with it are loaded: the others'
// counts are not known, and show as none rather than as 0.
func serverChoices[T comparable](m Model, name string, known []T, current T, label func(T) string, of func(*row) T, value func(T) filterValue) (overlay.Filter, []filterValue) {
	var zero T
	values := seenAfter(known, m.rows, of)
	counts := map[T]int{}
	for i := range m.rows {
		counts[of(m.rows[i])]++
	}
	f := overlay.Filter{Name: name, Note: m.countNote(current != zero)}
	out := make([]filterValue, len(values))
	for i, v := range values {
		n := counts[v]
		switch {
		case v == zero && current == zero:
			n = len(m.rows)
		case current != zero && v != current:
			n = overlay.Unknown
		}
		if v == current {
			f.Current = i
		}
		f.Options = append(f.Options, overlay.Option{Label: label(v), Count: n})
		out[i] = value(v)
	}
	return f, out
}

// windowChoices counts the loaded sessions updated within each window; a
// window wider than the one in force counts sessions that are not loaded.
func (m Model) windowChoices() (overlay.Filter, []filterValue) {
	cur := m.filters.Window
	f := overlay.Filter{Name: "Updated within", Note: m.countNote(cur != 0)}
	var out []filterValue
	for i, d := range filter.Windows() {
		n := overlay.Unknown
		if cur == 0 || (d != 0 && d <= cur) {
			n = 0
			within := filter.Filters{Window: d}
			var s api.Session
			var h api.Handoff
			for _, r := range m.rows {
				if r.slim(&s, &h); within.Match(&s, m.now) {
					n++
				}
			}
		}
		if d == cur {
			f.Current = i
		}
		f.Options = append(f.Options, overlay.Option{Label: windowName(d), Count: n})
		out = append(out, filterValue{window: d})
	}
	return f, out
}

// teamChoices lists the teams of the loaded sessions, most sessions
// first, then "no team" when some have none.
func (m Model) teamChoices() (overlay.Filter, []filterValue) {
	type team struct {
		f     teamFilter
		count int
	}
	byKey := map[string]*team{}
	var teams []*team
	for i := range m.rows {
		r := m.rows[i]
		t, ok := byKey[r.teamKey]
		if !ok {
			name := r.team
			if r.teamKey == "" {
				name = "no team"
			}
			t = &team{f: teamFilter{on: true, key: r.teamKey, name: name}}
			byKey[r.teamKey] = t
			teams = append(teams, t)
		}
		t.count++
	}
	slices.SortStableFunc(teams, func(a, b *team) int {
		noneA, noneB := a.f.key == "", b.f.key == ""
		switch {
		case noneA != noneB: // "no team" last
			if noneA {
				return 1
			}
			return -1
		case a.count != b.count:
			return b.count - a.count
		}
		return strings.Compare(strings.ToLower(a.f.name), strings.ToLower(b.f.name))
	})
	note := "The list has no team filter: this one keeps the loaded sessions of a team (" +
		plural.CountAs(len(m.rows), "session", "sessions") + " loaded)."
	f := overlay.Filter{Name: "Team", Note: note, Options: []overlay.Option{{Label: "any", Count: len(m.rows)}}}
	out := []filterValue{{}}
	for _, t := range teams {
		if m.team.on && t.f.key == m.team.key {
			f.Current = len(out)
		}
		f.Options = append(f.Options, overlay.Option{Label: t.f.name, Count: t.count})
		out = append(out, filterValue{team: t.f})
	}
	return f, out
}

// countNote says what a picker's counts count: the loaded sessions, and
// while the filter is on, only those of its value are loaded.
func (m Model) countNote(on bool) string {
	n := plural.CountAs(len(m.rows), "loaded session", "loaded sessions")
	if on {
		return "Counts among the " + n + ", all of the value set: the others are not loaded."
	}
	return "Counts among the " + n + "."
}

// seenAfter is known followed by the values of the loaded rows it lacks,
// in the order they were loaded: the API's enums grow, and a new value is
// as filterable as an old one.
func seenAfter[T comparable](known []T, rows []*row, of func(*row) T) []T {
	out := slices.Clone(known)
	for i := range rows {
		if v := of(rows[i]); !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
