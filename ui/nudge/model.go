// Package nudge is the TUI's side of the watch rules: at each refresh of
// the queue it asks api/watch which sessions newly match, rings the
// terminal (ui/notify) for them, and keeps them for the header ("⚑ 2 new:
// …") until they are opened. The first load is what was already there and
// rings nothing; only a refresh with auto-refresh on does.
package nudge

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/watch"
	"github.com/opencx-tools/cxi/ui/notify"
	"github.com/opencx-tools/cxi/ui/render"
)

// Model is the nudge's state: what matched at the last look, and the
// matches not seen yet, newest first.
type Model struct {
	tracker  *watch.Tracker
	notifier notify.Notifier
	primed   bool          // a page was looked at: the next ones can be news
	unseen   []watch.Match // newest first, one per session
}

// New watches with rules and rings through n.
func New(rules []watch.Rule, n notify.Notifier) Model {
	return Model{tracker: watch.NewTracker(rules), notifier: n}
}

// Observe looks at a page of the list. refresh is whether it refreshes
// rows already shown (not a first load, not an older page) and auto
// whether auto-refresh is on; only then is a newly matching session news,
// rung once and kept until seen. keep says which sessions the queue
// shows (its filters); nil keeps every one.
func (m Model) Observe(items []api.Session, refresh, auto bool, keep func(*api.Session) bool) (Model, tea.Cmd) {
	if keep != nil {
		items = slices.DeleteFunc(slices.Clone(items), func(s api.Session) bool { return !keep(&s) })
	}
	announce := m.primed && refresh && auto
	m.primed = true
	news := m.tracker.Observe(items, announce)
	if len(news) == 0 {
		return m, nil
	}
	for _, n := range news {
		m.unseen = slices.DeleteFunc(m.unseen, func(u watch.Match) bool { return u.Session.ID == n.Session.ID })
	}
	// The list is newest first, and so are news: the first is the newest.
	m.unseen = append(slices.Clone(news), m.unseen...)
	return m, m.notifier.Send("cxi", Summary(news))
}

// Seen drops id's match: it was opened.
func (m Model) Seen(id string) Model {
	m.unseen = slices.DeleteFunc(slices.Clone(m.unseen), func(u watch.Match) bool { return u.Session.ID == id })
	return m
}

// Len is the number of matches not seen yet.
func (m Model) Len() int { return len(m.unseen) }

// Newest is the newest match not seen yet, for the key that jumps to it.
func (m Model) Newest() (api.Session, bool) {
	if len(m.unseen) == 0 {
		return api.Session{}, false
	}
	return m.unseen[0].Session, true
}

// Header is the header's words for what is not seen yet, with the key
// that opens the newest: "⚑ 2 new, W opens: Jane Doe (handed off and
// angry), Bob"; "" when nothing is. The API's text is sanitized here.
func (m Model) Header(key string) string {
	if len(m.unseen) == 0 {
		return ""
	}
	return fmt.Sprintf("⚑ %d new, %s opens: %s", len(m.unseen), key, names(m.unseen))
}

// Summary is a notification's text for news: "2 new: Jane Doe (handed
// off and angry), Bob (handed off and angry)".
func Summary(news []watch.Match) string {
	return fmt.Sprintf("%d new: %s", len(news), names(news))
}

// names lists the matches' contacts, each with the rules it matches: the
// first fully, so that the header says why even when it is cut.
func names(ms []watch.Match) string {
	parts := make([]string, len(ms))
	for i, u := range ms {
		parts[i] = Name(u)
		if i == 0 {
			parts[i] += " (" + strings.Join(u.Labels(), ", ") + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// Name is how a match is named: its contact, or its session ID's start
// when the contact has no name.
func Name(u watch.Match) string {
	if c := render.Contact(u.Session.Contact); c != render.Dash {
		return c // sanitized by render.Contact
	}
	id := u.Session.ID
	if len(id) > 8 {
		id = id[:8]
	}
	return "session " + render.Line(id)
}
