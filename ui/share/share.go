// Package share is how a session leaves cxi: its values copied (y, Y, the
// copy menu) and its dashboard page opened in a browser (o), with the link
// copied instead where no browser can open.
package share

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/summary"
)

// Model holds the ways out: the clipboard, the dashboard URL template and
// the browser.
type Model struct {
	copier      clipboard.Copier
	urlTemplate string             // "{id}" is replaced; "" when unknown
	openURL     func(string) error // nil where no browser can open (over SSH)
	handover    Handover           // the local store's reviewed and noted sessions; nil without one
}

// Handover is what the copy menu's handover entry needs of the store.
type Handover interface {
	Handover(ctx context.Context, since time.Time) ([]store.HandoverItem, error)
}

// ShiftLength is how far back "since start of shift" reaches, as
// `cxi handover` does by default.
const ShiftLength = 8 * time.Hour

// WithHandover gives the copy menu the handover of the sessions reviewed or
// noted in the last shift, read from h (nil: no such entry).
func (m Model) WithHandover(h Handover) Model { m.handover = h; return m }

// New returns the ways out.
func New(copier clipboard.Copier, urlTemplate string, openURL func(string) error) Model {
	return Model{copier: copier, urlTemplate: urlTemplate, openURL: openURL}
}

// BrowserFailedMsg says the browser could not be started for URL.
type BrowserFailedMsg struct {
	URL string
	Err error
}

// ExternalID copies the ticket's external_id, or says why there is none
// and what the keys k can copy instead (the session ID, and in the copy
// menu the ticket number when there is one).
func (m Model) ExternalID(s *api.Session, k keys.Share) tea.Cmd {
	var why string
	switch {
	case s == nil:
		return nil
	case s.TicketingSystem == nil:
		why = "Session " + api.ShortID(s.ID) + " has no ticketing system, so no external_id"
	case strings.TrimSpace(s.TicketingSystem.ExternalID) == "":
		why = "Session " + api.ShortID(s.ID) + "'s ticket has an empty external_id"
	default:
		return m.copier.Copy("external_id", s.TicketingSystem.ExternalID)
	}
	instead := keys.Name(k.CopySessionID) + " copies the session ID"
	if n := render.Number(s.TicketNumber); n != render.Dash {
		instead += ", " + keys.Name(k.CopyMenu) + " the ticket number #" + n + " and more"
	} else {
		instead += ", " + keys.Name(k.CopyMenu) + " the rest"
	}
	return common.Say(why+": "+instead+".", true)
}

// SessionID copies the session's ID.
func (m Model) SessionID(s *api.Session) tea.Cmd {
	if s == nil {
		return nil
	}
	return m.copier.Copy("session ID", s.ID)
}

// Menu is the copy menu on s, as a choice the root opens: the share
// does not import the menu (views are leaves).
func (m Model) Menu(ctx common.Context, s *api.Session) overlay.CopyChoice {
	c := overlay.CopyChoice{Session: s, Link: m.Link(s.ID), Copier: m.copier}
	if m.handover == nil {
		return c
	}
	h, copier, now := m.handover, m.copier, ctx.Now()
	since := now.Add(-ShiftLength)
	c.Later = append(c.Later, overlay.LaterCopy{What: "handover", About: "the sessions you reviewed or noted since " + since.Local().Format("15:04") + ", as Markdown",
		// The store is read when the entry is chosen, inside the command:
		// a query never runs in Update.
		Copy: func() tea.Msg {
			items, err := h.Handover(context.Background(), since)
			switch {
			case err != nil:
				return common.NoticeMsg{Text: "Could not read the handover: " + render.Line(err.Error()) + ".", Bad: true}
			case len(items) == 0:
				return common.NoticeMsg{Text: "Nothing to hand over: no session reviewed or noted since " + since.Local().Format("15:04") + ".", Bad: true}
			}
			return copier.CopyText("handover", summary.HandoverMarkdown(items, since, now))()
		}})
	return c
}

// Link is the session's dashboard URL, or "" without a template: cxi does
// not guess the dashboard's address.
func (m Model) Link(id string) string {
	if m.urlTemplate == "" {
		return ""
	}
	return strings.ReplaceAll(m.urlTemplate, "{id}", id)
}

// Open opens the session's dashboard page. Where no browser can open
// (over SSH) the link is copied instead; without a template it says how to
// set one.
func (m Model) Open(s *api.Session) tea.Cmd {
	if s == nil {
		return nil
	}
	url := m.Link(s.ID)
	switch {
	case url == "":
		return common.Say("No session URL template: set session_url in config.toml, or start cxi with --session-url 'https://…/{id}'.", true)
	case m.openURL == nil:
		return tea.Batch(common.Say("No browser here (SSH): copying the link instead.", false), m.copier.Copy("link", url))
	}
	open := m.openURL
	return func() tea.Msg {
		if err := open(url); err != nil {
			return BrowserFailedMsg{URL: url, Err: err}
		}
		return common.NoticeMsg{Text: "Opened " + render.Line(url) + " in the browser."}
	}
}

// Update takes a failed browser start: the link goes to the clipboard.
func (m Model) Update(msg BrowserFailedMsg) tea.Cmd {
	return tea.Batch(common.Say("Could not open a browser ("+render.Line(msg.Err.Error())+"): copying the link instead.", true),
		m.copier.Copy("link", msg.URL))
}

// HandleKey acts on a share key for session s (nil when none is in view),
// or, for the copy keys, on the selected sessions when there are any: the
// command to run, or the copy menu to open over the view. ok is false for
// a key that is not a share key.
func (m Model) HandleKey(ctx common.Context, k keys.Share, msg tea.KeyMsg, s *api.Session, selected common.Targets) (cmd tea.Cmd, menu *overlay.CopyChoice, ok bool) {
	switch {
	case key.Matches(msg, k.CopyExternalID) && selected.Len() > 0:
		return m.ExternalIDs(selected, k), nil, true
	case key.Matches(msg, k.CopySessionID) && selected.Len() > 0:
		return m.SessionIDs(selected), nil, true
	case key.Matches(msg, k.CopyExternalID):
		return m.ExternalID(s, k), nil, true
	case key.Matches(msg, k.CopySessionID):
		return m.SessionID(s), nil, true
	case key.Matches(msg, k.OpenBrowser):
		return m.Open(s), nil, true
	case key.Matches(msg, k.CopyMenu):
		if s == nil {
			return nil, nil, true
		}
		c := m.Menu(ctx, s)
		return nil, &c, true
	}
	return nil, nil, false
}
