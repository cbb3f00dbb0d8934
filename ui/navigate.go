package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/ui/cmdline"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/overlay/cmdmenu"
	"github.com/opencx-tools/cxi/ui/overlay/copymenu"
	"github.com/opencx-tools/cxi/ui/overlay/filterpicker"
	"github.com/opencx-tools/cxi/ui/overlay/noteedit"
	"github.com/opencx-tools/cxi/ui/overlay/rawview"
	"github.com/opencx-tools/cxi/ui/queue"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/review"
	"github.com/opencx-tools/cxi/ui/transcript"
)

// viewKey handles a key while the view (not the input) has focus: keys the
// root owns first, then the view in focus.
func (m Model) viewKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	// The selection is read only for the keys that copy it (share's
	// HandleKey): every key passes here, and the queue decodes each
	// selected session from its packed body, which for a selection of a
	// month's sessions takes seconds.
	var selected common.Targets
	if sk := k.ForShare(); key.Matches(msg, sk.CopyExternalID, sk.CopySessionID) {
		selected = m.selection()
	}
	if cmd, menu, ok := m.share.HandleKey(m.ctx, k.ForShare(), msg, m.target(), selected); ok {
		if menu != nil {
			m.overlays = m.overlays.Push(copymenu.Open(m.ctx, *menu))
		}
		return m, cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		return m.fullHelp(), nil
	case key.Matches(msg, k.CommandLine):
		m.overlays = m.overlays.Push(cmdline.New(m.ctx, m.commandNames(), m.history))
		return m, nil
	case key.Matches(msg, k.Pulse):
		return m.openPulse(pulse.Week)
	case key.Matches(msg, k.PulseLine):
		return m.showPulseLine(!m.pulseLine.Shown())
	case key.Matches(msg, k.FocusInput) && m.view != viewTranscript, key.Matches(msg, k.SwitchFocus):
		// In the transcript the input's key searches the history instead.
		m.focusInput()
		return m, nil
	case key.Matches(msg, k.Back):
		return m.back(), nil
	case key.Matches(msg, k.Undo):
		return m, m.act.Undo()
	case key.Matches(msg, k.Redact):
		return m.redact()
	case key.Matches(msg, k.SetStatus):
		return m.statusMenu("")
	case key.Matches(msg, k.Review):
		return m, review.ToggleAll(m.ctx, m.store, m.pickedTargets(), m.queue.Reviewed)
	case key.Matches(msg, k.Note):
		if s := m.target(); s != nil {
			m.overlays = m.overlays.Push(noteedit.New(m.ctx, s, m.queue.Note(s.ID), m.width, m.paneHeight(), review.Saver(m.ctx, m.store)))
		}
		return m, nil
	case key.Matches(msg, k.Commands):
		m.overlays = m.overlays.Push(cmdmenu.New(m.ctx, m.commands, m.pickedTargets().Len()))
		return m, nil
	case k.Commands.Enabled() && m.commandKey(msg) != "":
		return m.runCommand(m.commandKey(msg))
	case key.Matches(msg, k.NewestMatch):
		return m.openNewestMatch()
	case key.Matches(msg, k.NextToReview):
		if s := m.queue.NextUnreviewed(m.target()); s != nil {
			return m.openRow(s)
		}
		return m, common.Say("No session after this one in the queue is left to review.", false)
	}
	var cmd tea.Cmd
	switch m.view {
	case viewQueue:
		if key.Matches(msg, k.Lookup) {
			if s := m.queue.Selected(); s != nil {
				return m.open(s)
			}
			return m, nil
		}
		if key.Matches(msg, k.Preview) {
			return m.togglePreview()
		}
		if i, ok := m.tabs.Target(msg); ok {
			return m.switchTab(i)
		}
		if key.Matches(msg, k.SaveView) {
			return m.openSaveView(), nil
		}
		m.tabs = m.tabs.Found() // the user moves on: a restored cursor no longer waits
		if key.Matches(msg, k.ResetFilters) && m.tabs.Len() > 0 {
			return m.resetTab()
		}
		if key.Matches(msg, k.ResetFilters) {
			return m.resetFilters()
		}
		// A filter key opens the queue's picker over it; the value
		// chosen goes back to the queue as its own message.
		if c := m.queue.FilterChoice(msg); c != nil {
			km := m.ctx.Keys.ForFilterPicker() // as built, not as turned on for the view: esc closes it
			km.Toggle = c.Toggle
			m.overlays = m.overlays.Push(filterpicker.New(m.ctx.Theme, km, c.Filter, c.Choose))
			return m, nil
		}
		m.queue, cmd = m.queue.Update(msg)
	case viewDetail:
		switch {
		case key.Matches(msg, k.Next):
			return m.step(1)
		case key.Matches(msg, k.Prev):
			return m.step(-1)
		case key.Matches(msg, k.Transcript):
			return m.openTranscript()
		case key.Matches(msg, k.RawJSON):
			return m.rawJSON(), nil
		}
		return m.fromDetail(m.detail.Update(msg))
	default:
		switch {
		case key.Matches(msg, k.RawJSON):
			return m.rawJSON(), nil
		case m.transcript.Searching():
			// n and p move between the search's matches: the transcript's.
		case key.Matches(msg, k.Next):
			return m.stepTranscript(1)
		case key.Matches(msg, k.Prev):
			return m.stepTranscript(-1)
		}
		m.transcript, cmd = m.transcript.Update(msg)
	}
	return m, cmd
}

// rawJSON opens the session on display as the API sent it.
func (m Model) rawJSON() Model {
	if s := m.detail.Shown(); s != nil {
		m.overlays = m.overlays.Push(rawview.New(m.ctx, s, m.width, m.paneHeight()))
	}
	return m
}

// target is the session y, Y, c and o act on: the queue's selected row, or
// the session in the pane (whose transcript may be on screen).
func (m Model) target() *api.Session {
	if m.view == viewQueue {
		return m.queue.Selected()
	}
	return m.detail.Shown() // the transcript is the shown session's
}

// pickedTargets is the sessions an action on several acts on: in the
// queue its selection (else the row under the cursor), elsewhere the
// session in the pane. A count, the IDs and the statuses cost nothing;
// each session is decoded only when read.
func (m Model) pickedTargets() common.Targets {
	if m.view == viewQueue {
		return m.queue.Picked()
	}
	if s := m.detail.Shown(); s != nil {
		return common.SessionTargets(*s)
	}
	return common.Targets{}
}

// selection is the queue's selected sessions while the queue is in view;
// nil when none is selected (the copy keys then take the cursor's row).
func (m Model) selection() common.Targets {
	if m.view != viewQueue || !m.queue.HasSelection() {
		return common.Targets{}
	}
	return m.queue.Picked()
}

// open shows a session from the queue at once and refreshes it quietly.
func (m Model) open(s *api.Session) (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.detail, cmd = m.detail.Open(s)
	m.bar = m.bar.Remember(s.ID, render.Contact(s.Contact))
	m.nudge = m.nudge.Seen(s.ID)
	m.arrive(viewDetail)
	m, prefetch := m.prefetchAround(s.ID)
	return m, tea.Batch(cmd, prefetch)
}

// openRow opens a session of the queue and moves the queue's cursor to it,
// so that esc comes back there.
func (m Model) openRow(s *api.Session) (Model, tea.Cmd) {
	var sel tea.Cmd
	m.queue, sel = m.queue.Select(s.ID)
	m, cmd := m.open(s)
	return m, tea.Batch(cmd, sel)
}

// prefetchAround fetches the queue's neighbours of id ahead of n/p.
func (m Model) prefetchAround(id string) (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.detail, cmd = m.detail.Prefetch(m.queue.Neighbour(id, 1), m.queue.Neighbour(id, -1))
	return m, cmd
}

// step moves the detail pane to the next (delta 1) or previous (-1)
// session of the queue, moving the queue's cursor along so that esc comes
// back to it.
func (m Model) step(delta int) (Model, tea.Cmd) {
	s := m.detail.Shown()
	if s == nil {
		return m, nil
	}
	next := m.queue.Neighbour(s.ID, delta)
	if next == nil {
		var cmd tea.Cmd
		m.queue, cmd, m.pendingStep = m.queue.Beyond(s.ID, delta, m.client.Delay())
		return m, cmd
	}
	held := m.bar.Value() != "" && m.bar.Filter() == "" // the input holds the last session's ID
	m, cmd := m.openRow(next)
	if held {
		m.setInput(next.ID) // it follows the session in view, so r and a paste act on this one
	}
	return m, cmd
}

// stepTranscript is n and p in the transcript: the next (delta 1) or
// previous (-1) session of the queue, and its transcript. A step beyond
// the loaded rows waits for the next page (pendingStep), then lands here
// too.
func (m Model) stepTranscript(delta int) (Model, tea.Cmd) {
	was := m.detail.Shown()
	m, cmd := m.step(delta)
	if s := m.detail.Shown(); s == nil || was == nil || s.ID == was.ID {
		return m, cmd // at either end, or waiting for a page: the transcript stays
	}
	m, open := m.openTranscript()
	return m, tea.Batch(cmd, open)
}

func (m Model) openTranscript() (Model, tea.Cmd) {
	s := m.detail.Shown()
	if s == nil {
		return m, nil
	}
	m.transcript = m.transcript.Stop()
	m.transcript = transcript.New(m.ctx.Theme, m.ctx.Keys.ForTranscript(), m.client, s.ID, m.now).WithMemory(m.store)
	if m.transcriptAtLatest {
		m.transcript = m.transcript.AtLatest()
	}
	m.openView(viewTranscript)
	var cmd tea.Cmd
	m.transcript, cmd = m.transcript.Start()
	return m, cmd
}

// back is esc: transcript → detail → queue; in the queue it clears the
// text filter, then the selection.
func (m Model) back() Model {
	switch m.view {
	case viewQueue:
		// The text filter first, as k9s does, then what was selected.
		if m.bar.Filter() != "" {
			m.setInput("")
			break
		}
		m.queue = m.queue.SetSelection(nil)
	case viewTranscript:
		if m.transcript.Searching() {
			m.transcript = m.transcript.ClearSearch() // esc clears the search before it leaves
			break
		}
		m.transcript = m.transcript.Stop()
		m.openView(viewDetail)
	case viewDetail:
		m.detail = m.detail.Leave()
		m.setInput(m.queueText())
		m.openView(viewQueue)
	}
	return m
}

// queueText is what the queue is filtered by, to put back in the input.
func (m Model) queueText() string {
	if strings.TrimSpace(m.bar.Filter()) == "" {
		return ""
	}
	return m.bar.Value()
}

// arrive switches to the view an answer is for. Focus moves with it unless
// the user has typed in the input since asking: keys meant as text must
// never land in the view as commands.
func (m *Model) arrive(v view) {
	if m.bar.TypedSince() {
		m.view = v
		m.layout()
		return
	}
	m.openView(v)
}

// openView switches view and gives it focus; the overlays, which belong
// to the view left behind, close.
func (m *Model) openView(v view) {
	m.view = v
	m.overlays = m.overlays.Clear()
	m.focusView()
}

func (m *Model) focusView() {
	m.focus = focusView
	m.bar = m.bar.Blur()
	m.layout()
}

func (m *Model) focusInput() {
	m.bar = m.bar.Focus()
	m.queue = m.queue.SetText(m.bar.Filter())
	m.focus = focusInput
	m.layout()
}

// queueOrder is the queue's "needs attention" rule in words while the
// queue is in focus, for the full help; "" elsewhere.
func (m Model) queueOrder() string {
	if m.view != viewQueue {
		return ""
	}
	return queue.AttentionRule
}
