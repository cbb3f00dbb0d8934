package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/render"
)

// Update routes a message: window size to every part, keys to whatever has
// focus, results to the lookup that asked for them.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil

	case tea.KeyMsg:
		return m.handleKey(msg)

	case tea.MouseMsg:
		if m.focus == focusPane {
			var cmd tea.Cmd
			m.detail, cmd = m.detail.Update(msg)
			return m, cmd
		}
		return m, nil

	case lookupNowMsg:
		return m.lookup(m.input.Value())

	case sessionLoadedMsg:
		if msg.req != m.current {
			return m, nil // stale: the user moved on
		}
		m.endRequest()
		m.failure = nil
		m.detail = m.detail.SetSession(msg.session, msg.at)
		m.focusPane()
		m.syncKeys()
		return m, nil

	case sessionFailedMsg:
		if msg.req != m.current {
			return m, nil
		}
		m.endRequest()
		f := describe(msg.err, msg.req.id)
		m.failure = &f
		m.focusPane()
		m.syncKeys()
		return m, nil

	case clipboard.CopiedMsg:
		return m.copied(msg)

	case noticeExpiredMsg:
		if msg.seq == m.noticeSeq {
			m.notice = ""
		}
		return m, nil

	case clockTickMsg:
		minuteChanged := msg.now.Truncate(60e9) != m.now.Truncate(60e9)
		m.now = msg.now
		if minuteChanged && m.session() != nil {
			m.detail = m.detail.SetNow(msg.now)
		}
		return m, tickClock(m.nowFunc)

	case spinner.TickMsg:
		if !m.fetching() {
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	}

	if m.focus == focusInput {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.ForceQuit):
		m.endRequest()
		return m, tea.Quit
	case m.showFullHelp && (key.Matches(msg, k.Help) || key.Matches(msg, k.Back)):
		m.showFullHelp = false
		m.layout()
		return m, nil
	case key.Matches(msg, k.Back):
		return m.back()
	}
	if m.focus == focusInput {
		return m.inputKey(msg)
	}
	return m.paneKey(msg)
}

// inputKey handles a key while the input has focus: printable keys type,
// so only enter, tab, esc and the suggestion keys act.
func (m Model) inputKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	empty := strings.TrimSpace(m.input.Value()) == ""
	switch {
	case key.Matches(msg, k.Lookup) && !msg.Paste:
		if empty && len(m.suggestions) > 0 && m.session() == nil {
			m.input.SetValue(m.suggestions[m.picked].ID)
			m.input.CursorEnd()
		}
		return m.lookup(m.input.Value())
	case key.Matches(msg, k.SwitchFocus):
		if m.session() != nil || m.failure != nil {
			m.focusPane()
			m.syncKeys()
		}
		return m, nil
	case m.showSuggestions() && key.Matches(msg, k.Up) && !isRune(msg):
		m.picked = (m.picked + len(m.suggestions) - 1) % len(m.suggestions)
		return m, nil
	case m.showSuggestions() && key.Matches(msg, k.Down) && !isRune(msg):
		m.picked = (m.picked + 1) % len(m.suggestions)
		return m, nil
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		m.inputErr = ""
	}
	return m, cmd
}

// isRune reports a printable key, which in the input always types (j and k
// are scroll keys elsewhere).
func isRune(msg tea.KeyMsg) bool { return msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace }

func (m Model) paneKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		m.endRequest()
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.showFullHelp = true
		m.layout()
		return m, nil
	case key.Matches(msg, k.FocusInput), key.Matches(msg, k.SwitchFocus):
		m.focusInput()
		return m, textinputBlink()
	case key.Matches(msg, k.Refresh):
		return m.refresh()
	case key.Matches(msg, k.CopyExternalID):
		return m.copyExternalID()
	case key.Matches(msg, k.CopySessionID):
		s := m.session()
		return m, m.copier.Copy("session ID", s.ID)
	case key.Matches(msg, k.Lookup):
		return m, nil
	}
	if m.failure == nil && m.session() != nil {
		var cmd tea.Cmd
		m.detail, cmd = m.detail.Update(msg)
		return m, cmd
	}
	return m, nil
}

// back cancels a lookup first; otherwise it leaves the input for the pane.
func (m Model) back() (tea.Model, tea.Cmd) {
	if m.fetching() {
		id := m.current.id
		m.endRequest()
		return m.say(fmt.Sprintf("Cancelled the lookup of %s.", api.ShortID(id)), false)
	}
	if m.focus == focusInput && (m.session() != nil || m.failure != nil) {
		m.focusPane()
		m.syncKeys()
	}
	return m, nil
}

// lookup validates the input and, when it holds a session ID, starts the
// fetch. Invalid input is reported at once and sends nothing.
func (m Model) lookup(text string) (tea.Model, tea.Cmd) {
	id, err := api.ParseSessionID(text)
	if err != nil {
		m.inputErr = describe(err, "").sentence
		return m, nil
	}
	m.inputErr = ""
	m.input.SetValue(id)
	m.input.CursorEnd()
	return m.start(id)
}

func (m Model) refresh() (tea.Model, tea.Cmd) {
	if m.lastID == "" {
		return m, nil
	}
	if f := m.failure; f != nil && f.retryAt.After(m.now) {
		wait := f.retryAt.Sub(m.now).Round(1e9)
		return m.say(fmt.Sprintf("Still rate limited: retry in %s.", wait), true)
	}
	return m.start(m.lastID)
}

// start fetches id as a new request, superseding and cancelling any other.
func (m Model) start(id string) (tea.Model, tea.Cmd) {
	// One spinner tick chain at a time: a lookup that supersedes another
	// keeps the running one.
	spin := m.spinner.Tick
	if m.fetching() {
		spin = nil
	}
	m.endRequest()
	m.seq++
	m.current = request{seq: m.seq, id: id}
	m.lastID = id
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	m.syncKeys()
	return m, tea.Batch(fetchSession(ctx, m.client, m.current, m.nowFunc), spin)
}

// endRequest forgets the current lookup and cancels its context: to
// abandon it (its answer will then be dropped as stale) or, once answered,
// to release the context.
func (m *Model) endRequest() {
	if m.cancel != nil {
		m.cancel()
	}
	m.cancel = nil
	m.current = request{}
}

func (m Model) copyExternalID() (tea.Model, tea.Cmd) {
	s := m.session()
	if s.TicketingSystem == nil {
		return m.say("This session has no ticketing system: there is no external_id to copy.", true)
	}
	ext := s.TicketingSystem.ExternalID
	if strings.TrimSpace(ext) == "" {
		return m.say("This session's ticket has an empty external_id: nothing to copy.", true)
	}
	return m, m.copier.Copy("external_id", ext)
}

func (m Model) copied(msg clipboard.CopiedMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.Err == clipboard.ErrUnsafeValue:
		return m.say("Not copied: the "+msg.What+" contains a line break or control character.", true)
	case msg.Err != nil:
		return m.say("Could not copy the "+msg.What+": "+render.Line(msg.Err.Error())+".", true)
	}
	return m.say("Copied "+render.Line(msg.Value), false)
}

// say puts a confirmation or warning on the status line for a few seconds.
func (m Model) say(text string, bad bool) (tea.Model, tea.Cmd) {
	m.noticeSeq++
	m.notice, m.noticeBad = text, bad
	return m, expireNotice(m.noticeSeq)
}

func (m *Model) focusPane() {
	m.focus = focusPane
	m.input.Blur()
	m.layout()
}

func (m *Model) focusInput() {
	m.focus = focusInput
	m.input.Focus()
	m.syncKeys()
	m.layout()
}

// showSuggestions reports whether the first-screen list is up.
func (m Model) showSuggestions() bool {
	return len(m.suggestions) > 0 && m.session() == nil && m.failure == nil && m.focus == focusInput
}
