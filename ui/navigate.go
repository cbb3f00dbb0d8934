package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/transcript"
)

// viewKey handles a key while the view (not the input) has focus: keys the
// root owns first, then the view in focus.
func (m Model) viewKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		mm, cmd := m.quit()
		return mm.(Model), cmd
	case key.Matches(msg, k.Help):
		m.showFullHelp = true
		m.layout()
		return m, nil
	case key.Matches(msg, k.FocusInput), key.Matches(msg, k.SwitchFocus):
		m.focusInput()
		return m, nil
	case key.Matches(msg, k.Back):
		return m.back(), nil
	case key.Matches(msg, k.CopyExternalID):
		return m.copyExternalID(m.target())
	case key.Matches(msg, k.CopyMenu):
		return m.openCopyMenu(), nil
	case key.Matches(msg, k.OpenBrowser):
		return m.openInBrowser()
	case key.Matches(msg, k.CopySessionID):
		if s := m.target(); s != nil {
			return m, m.copier.Copy("session ID", s.ID)
		}
		return m, nil
	}
	switch m.view {
	case viewQueue:
		return m.queueKey(msg)
	case viewDetail:
		return m.detailKey(msg)
	default:
		var cmd tea.Cmd
		m.transcript, cmd = m.transcript.Update(msg)
		return m, cmd
	}
}

func (m Model) queueKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Lookup):
		if s := m.queue.Selected(); s != nil {
			return m.open(s)
		}
		return m, nil
	case key.Matches(msg, k.AutoRefresh):
		return m.toggleAutoRefresh()
	}
	var cmd tea.Cmd
	m.queue, cmd = m.queue.Update(msg)
	return m, cmd
}

func (m Model) detailKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Refresh):
		return m.refresh()
	case key.Matches(msg, k.Next):
		return m.step(1)
	case key.Matches(msg, k.Prev):
		return m.step(-1)
	case key.Matches(msg, k.Transcript):
		return m.openTranscript()
	}
	if m.failure == nil && m.session() != nil {
		var cmd tea.Cmd
		m.detail, cmd = m.detail.Update(msg)
		return m, cmd
	}
	return m, nil
}

// target is the session y/Y act on: the one in the pane, or the queue's
// selected row.
func (m Model) target() *api.Session {
	switch m.view {
	case viewQueue:
		return m.queue.Selected()
	case viewDetail:
		if m.failure == nil {
			return m.session()
		}
	}
	return nil
}

func (m Model) openTranscript() (Model, tea.Cmd) {
	s := m.session()
	if s == nil {
		return m, nil
	}
	m.transcript = m.transcript.Stop()
	m.transcript = transcript.New(m.theme, m.keys.ForTranscript(), m.client, s.ID, m.now)
	m.openView(viewTranscript)
	var cmd tea.Cmd
	m.transcript, cmd = m.transcript.Start()
	return m, cmd
}

// back is esc: transcript → detail → queue; from the input, back to the view.
func (m Model) back() Model {
	switch m.view {
	case viewTranscript:
		m.transcript = m.transcript.Stop()
		m.openView(viewDetail)
	case viewDetail:
		m.failure = nil
		m.endRequest() // a background refresh of the session left behind
		m.setInput(m.queueText())
		m.openView(viewQueue)
	}
	return m
}

// queueText is what the queue is filtered by, to put back in the input.
func (m Model) queueText() string {
	if strings.TrimSpace(m.filterText()) == "" {
		return ""
	}
	return m.input.Value()
}

// openView switches view and gives it focus; the full help, which
// belongs to the view left behind, closes.
func (m *Model) openView(v view) {
	m.view = v
	m.showFullHelp = false
	m.focusView()
}

func (m *Model) focusView() {
	m.focus = focusView
	m.input.Blur()
	m.layout()
}

// focusInput gives the input focus. A session ID left there by a lookup
// is cleared, so that what is typed or pasted next is not glued to it; a
// queue filter stays, to be edited.
func (m *Model) focusInput() {
	if _, err := api.ParseSessionID(m.input.Value()); err == nil {
		m.setInput("")
	}
	m.focus = focusInput
	m.input.Focus()
	m.input.CursorEnd()
	m.layout()
}

// openInBrowser opens the session's dashboard page. Where no browser can
// open (over SSH) the URL is copied instead; without a URL template, cxi
// does not guess the dashboard's address and says how to set one.
func (m Model) openInBrowser() (Model, tea.Cmd) {
	s := m.target()
	if s == nil {
		return m, nil
	}
	url := m.sessionURL(s.ID)
	switch {
	case url == "":
		return m.say("No session URL template: set session_url in config.toml, or start cxi with --session-url 'https://…/{id}'.", true)
	case m.openURL == nil:
		m, notice := m.say("No browser here (SSH): copying the link instead.", false)
		return m, tea.Batch(notice, m.copier.Copy("link", url))
	}
	open := m.openURL
	return m, func() tea.Msg {
		if err := open(url); err != nil {
			return browserFailedMsg{url: url, err: err}
		}
		return nil
	}
}
