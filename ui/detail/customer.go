package detail

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/api/resolve/lookup"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// othersWindow is how far back the summary of the customer's other
// sessions counts ("3 other sessions in 30 days"); the list holds every
// one found.
const othersWindow = 30 * 24 * time.Hour

// othersShown is how many of the other sessions the panel lists; the
// picker (the Others key) has them all.
const othersShown = 5

// othersState is what is known of the customer's other sessions.
type othersState struct {
	done    bool
	by      string         // what they were looked for by ("email ana@example.com")
	matches []lookup.Match // newest first, the session on display left out
	note    string         // why the API did not answer, or why nothing was looked for
}

// OthersMsg carries the customer's other sessions: what the queue, the
// store and the API search know of the contact.
type OthersMsg struct {
	ID      string // the session they are the others of
	By      string
	Matches []lookup.Match
	Note    string
}

func (OthersMsg) detailMsg() {}

// contactKey is what the customer's other sessions are looked for by: the
// verified email, else the phone number (what the search endpoint and the
// store's index take), with its words for the panel; "" when the contact
// has neither.
func contactKey(c *api.Contact) (text, by string) {
	if c == nil {
		return "", ""
	}
	if e := strings.TrimSpace(render.Ptr(c.Email)); c.Email != nil && e != "" && e != dash {
		return *c.Email, "email " + e
	}
	if p := strings.TrimSpace(render.Ptr(c.PhoneNumber)); c.PhoneNumber != nil && p != "" && p != dash {
		return *c.PhoneNumber, "phone " + p
	}
	return "", ""
}

// maxKeys bounds the emails and phone numbers the other sessions are
// looked for by: the session's own, then those of the contact records the
// search found (a person's record with the same email may hold a phone
// number that their phone calls came from).
const maxKeys = 4

// findOthers looks for the customer's other sessions once, in the
// background, for one request: the API's search names the contact records
// of the session's email or phone, and the sessions are those of the
// loaded queue and of the store with any of their emails or phone numbers.
// The API has no list by contact: walking the list for them would cost
// pages on every session opened.
func (m Model) findOthers(ctx context.Context, s api.Session, queueRows func() resolve.Loaded) tea.Cmd {
	text, by := contactKey(s.Contact)
	if text == "" {
		return func() tea.Msg { return OthersMsg{ID: s.ID, Note: "no email or phone on the contact to look for"} }
	}
	var loaded resolve.Loaded
	if queueRows != nil {
		loaded = queueRows()
	}
	client, mem := m.client, m.mem
	return func() tea.Msg {
		msg := OthersMsg{ID: s.ID, By: by}
		keys := []string{text}
		res, err := client.Search(api.Background(ctx), text)
		switch {
		case ctx.Err() != nil:
			return nil // the user moved on
		case err != nil:
			msg.Note = "the API search did not answer: " + explain.Describe(err, "").Sentence
		default:
			for _, c := range res.Contacts {
				for _, k := range []string{c.Email, c.Phone} {
					if k != "" && len(keys) < maxKeys && !slices.ContainsFunc(keys, func(have string) bool { return strings.EqualFold(have, k) }) {
						keys = append(keys, k)
					}
				}
			}
		}
		found := map[string]lookup.Match{}
		for _, k := range keys {
			q, err := resolve.Classify(k)
			if err != nil || (q.Kind != resolve.KindEmail && q.Kind != resolve.KindPhone) {
				continue // a contact record's odd value finds nothing
			}
			if mem != nil {
				kept, _ := mem.FindText(ctx, k) // a store that cannot be read says so in the header
				for _, f := range kept {
					if _, ok := found[f.Session.ID]; !ok {
						found[f.Session.ID] = lookup.Match{Session: f.Session, From: lookup.Kept, Sources: []lookup.Source{lookup.Kept}, KeptAt: f.FetchedAt}
					}
				}
			}
			if loaded == nil {
				continue
			}
			for _, l := range loaded.Matching(q) {
				f := lookup.Match{Session: l, From: lookup.Queue, Sources: []lookup.Source{lookup.Queue}}
				if k, ok := found[l.ID]; ok && k.From == lookup.Kept {
					f.Sources, f.KeptAt = []lookup.Source{lookup.Kept, lookup.Queue}, k.KeptAt
				}
				found[l.ID] = f
			}
		}
		delete(found, s.ID)
		for _, f := range found {
			msg.Matches = append(msg.Matches, f)
		}
		slices.SortFunc(msg.Matches, func(a, b lookup.Match) int {
			if c := b.Session.UpdatedAt.Time.Compare(a.Session.UpdatedAt.Time); c != 0 {
				return c
			}
			return strings.Compare(a.Session.ID, b.Session.ID)
		})
		return msg
	}
}

// othersFound shows the other sessions that arrived for the session on display.
func (m Model) othersFound(msg OthersMsg) Model {
	if msg.ID != m.extras.id {
		return m
	}
	m.extras.others = othersState{done: true, by: msg.By, matches: msg.Matches, note: msg.Note}
	m.pane = m.pane.SetExtras(m.extras)
	return m
}

// HasOthers reports whether the customer has other sessions to pick from.
func (m Model) HasOthers() bool { return m.Shown() != nil && len(m.extras.others.matches) > 0 }

// othersChoice is the picker of the customer's other sessions; picking one
// opens it as a search's match does.
func (m Model) othersChoice() Event {
	o := m.extras.others
	if len(o.matches) == 0 {
		return Event{}
	}
	sessions := make([]api.Session, len(o.matches))
	where := make([]string, len(o.matches))
	byID := make(map[string]lookup.Match, len(o.matches))
	for i, f := range o.matches {
		sessions[i] = f.Session
		where[i] = f.Where(func(t time.Time) string { return render.Age(t, m.now) })
		byID[f.Session.ID] = f
	}
	title := "The customer's other sessions (" + plural.CountAs(len(o.matches), "session", "sessions") + ", by " + render.Line(o.by) + ")"
	choose := func(s api.Session) tea.Cmd {
		f := byID[s.ID]
		return func() tea.Msg { return chosen(f) }
	}
	return Event{Pick: &overlay.SessionChoice{Title: title, Sessions: sessions, Where: where, Choose: choose}}
}

// othersSummary is the panel's first line: "3 other sessions in 30 days ·
// 2 angry · 1 still open", and the older ones after.
func othersSummary(matches []lookup.Match, now time.Time) string {
	recent, angry, open := 0, 0, 0
	for _, f := range matches {
		s := f.Session
		if !s.UpdatedAt.Valid() || now.Sub(s.UpdatedAt.Time) > othersWindow {
			continue
		}
		recent++
		if s.Sentiment != nil && *s.Sentiment == api.SentimentAngry {
			angry++
		}
		if s.Status == api.StatusOpen {
			open++
		}
	}
	parts := []string{plural.CountAs(recent, "other session", "other sessions") + " in 30 days"}
	if angry > 0 {
		parts = append(parts, fmt.Sprintf("%d angry", angry))
	}
	if open > 0 {
		parts = append(parts, fmt.Sprintf("%d still open", open))
	}
	if older := len(matches) - recent; older > 0 {
		parts = append(parts, fmt.Sprintf("%d older", older))
	}
	return strings.Join(parts, " · ")
}
