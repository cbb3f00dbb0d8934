package detail

import (
	"context"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/explain"
)

// extras is what the pane shows of the session beyond its own body, read
// from elsewhere: why the AI handed off (the handoff events, handed in by
// the root), the customer's rating and their other sessions, each asked
// once per session opened, in the background.
type extras struct {
	id     string // the session they are about; "" before any
	why    *api.HandoffWhy
	rating ratingState
	others othersState
}

// ratingState is the customer's rating as far as it is known.
type ratingState struct {
	done   bool         // an answer came: kept, fetched, or why there is none
	rating store.Rating // Rated false: the API answered null
	note   string       // why it is not known ("not asked: …", the error); "" when done and known
}

// RatedMsg carries the customer's rating of a session: the store's copy,
// or the API's answer (then kept), or why neither is there.
type RatedMsg struct {
	ID     string
	Rating store.Rating
	Known  bool   // Rating holds an answer (Rated false: none given)
	Note   string // why it is not known, when it is not
}

func (RatedMsg) detailMsg() {}

// SetWhy gives the pane why each session was handed off, by lower-case
// session ID (ui/reasons); the one on display is drawn again when its
// reasons changed.
func (m Model) SetWhy(why map[string]api.HandoffWhy) Model {
	m.why = why
	s := m.pane.Session()
	if s == nil {
		return m
	}
	w, ok := why[strings.ToLower(s.ID)]
	if !ok && m.extras.why == nil {
		return m
	}
	if ok {
		m.extras.why = &w
	} else {
		m.extras.why = nil
	}
	m.pane = m.pane.SetExtras(m.extras)
	return m
}

// Enrich starts, for a session newly on display, what the pane shows of
// it beyond its body: the rating (the store's, else the API's when the
// budget allows) and the customer's other sessions. The root calls it
// after every message; for the session already enriched it does nothing,
// so it never spends a request per frame. loaded is the queue's sessions,
// read only then.
func (m Model) Enrich(loaded func() resolve.Loaded) (Model, tea.Cmd) {
	s := m.Shown()
	if s == nil || s.ID == m.extras.id {
		return m, nil
	}
	if m.stopExtras != nil {
		m.stopExtras() // the last session's questions are no longer wanted
	}
	ctx, cancel := context.WithCancel(m.background)
	m.stopExtras = cancel
	m.extras = extras{id: s.ID}
	if w, ok := m.why[strings.ToLower(s.ID)]; ok {
		m.extras.why = &w
	}
	ask := m.client.Budget() >= budgetShareForPrefetch
	m.pane = m.pane.SetExtras(m.extras)
	return m, tea.Batch(rate(ctx, m.client, m.mem, s.ID, ask, m.ctx.Now), m.findOthers(ctx, *s, loaded))
}

// rate reads the kept rating of id, and when none is kept asks the API
// (a background request, only when ask: the budget allows it) and keeps
// the answer, the API's null included, so that it is asked once.
func rate(ctx context.Context, client Client, mem Memory, id string, ask bool, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		if mem != nil {
			if r, ok, err := mem.CSAT(ctx, id); err == nil && ok {
				return RatedMsg{ID: id, Rating: r, Known: true}
			}
		}
		if !ask {
			return RatedMsg{ID: id, Note: "not asked: the request budget is low"}
		}
		score, err := client.CSAT(api.Background(ctx), id)
		if err != nil {
			if ctx.Err() != nil {
				return nil // the user moved on
			}
			if scope, ok := api.MissingScope(err); ok {
				return RatedMsg{ID: id, Note: "the API key lacks the scope " + scope}
			}
			return RatedMsg{ID: id, Note: explain.Describe(err, "").Sentence}
		}
		at := now()
		if mem != nil {
			_ = mem.SaveCSAT(ctx, id, score, at) // a failed save is the store's to report
		}
		return RatedMsg{ID: id, Rating: asRating(score, at), Known: true}
	}
}

// asRating is the API's answer as the store keeps it.
func asRating(score *api.CSATScore, at time.Time) store.Rating {
	r := store.Rating{Fetched: at}
	if score == nil {
		return r
	}
	r.Rated, r.Score, r.At = true, score.Score, score.CreatedAt.Time
	if score.Comment != nil {
		r.Comment = *score.Comment
	}
	return r
}

// rated shows a rating that arrived for the session on display.
func (m Model) rated(msg RatedMsg) Model {
	if msg.ID != m.extras.id {
		return m
	}
	m.extras.rating = ratingState{done: true, rating: msg.Rating, note: msg.Note}
	if !msg.Known && msg.Note == "" {
		m.extras.rating.note = "not known"
	}
	m.pane = m.pane.SetExtras(m.extras)
	return m
}
