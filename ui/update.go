package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/queue"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/transcript"
)

// budgetShareForRefresh is the budget below which background work
// (auto-refresh, prefetch) waits, leaving the rest for what the user asks.
const budgetShareForRefresh = 50

// Update routes a message: window size to every view, keys to whatever has
// focus, results to the view that asked for them.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
	case tea.KeyMsg:
		return m.handleKey(msg)
	case startMsg:
		m, cmd = m.start()
	case sessionLoadedMsg:
		m, cmd = m.loaded(msg)
	case sessionFailedMsg:
		m, cmd = m.failed(msg)
	case sessionPrefetchedMsg:
		m = m.prefetched(msg)
	case queue.PageLoadedMsg, queue.PageFailedMsg:
		m.queue, cmd = m.queue.Update(msg)
		if m.pendingStep && !m.queue.Loading() {
			// n was pressed on the last loaded row: finish the step.
			m.pendingStep = false
			if m.view == viewDetail {
				var step tea.Cmd
				m, step = m.step(1)
				cmd = tea.Batch(cmd, step)
			}
		}
	case transcript.PageLoadedMsg, transcript.PageFailedMsg:
		m.transcript, cmd = m.transcript.Update(msg)
	case resolvedMsg:
		m, cmd = m.resolved(msg)
	case browserFailedMsg:
		// No browser after all: the link goes to the clipboard instead.
		var notice tea.Cmd
		m, notice = m.say("Could not open a browser ("+render.Line(msg.err.Error())+"): copying the link instead.", true)
		cmd = tea.Batch(notice, m.copier.Copy("link", msg.url))
	case clipboard.CopiedMsg:
		m, cmd = m.copied(msg)
	case noticeExpiredMsg:
		if msg.seq == m.noticeSeq {
			m.notice = ""
		}
	case clockTickMsg:
		m = m.tick(msg)
		m.budget = m.client.Budget()
		cmd = m.tickClock()
	case retryDueMsg:
		m, cmd = m.retryDue(msg)
	case autoRefreshMsg:
		m, cmd = m.autoRefresh(msg)
	case spinner.TickMsg:
		if m.fetching() || m.resolving != 0 {
			m.spinner, cmd = m.spinner.Update(msg)
		}
	default:
		if m.focus == focusInput {
			m.input, cmd = m.input.Update(msg)
		}
	}
	m.syncKeys()
	m.hint = m.inputHint()
	return m, cmd
}

// start loads the queue and runs a command-line lookup.
func (m Model) start() (Model, tea.Cmd) {
	var cmds []tea.Cmd
	var cmd tea.Cmd
	m.queue, cmd = m.queue.Reload()
	cmds = append(cmds, cmd)
	if m.input.Value() != "" {
		m, cmd = m.lookup(m.input.Value())
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

func (m Model) tick(msg clockTickMsg) Model {
	minuteChanged := msg.now.Truncate(time.Minute) != m.now.Truncate(time.Minute)
	m.now = msg.now
	if minuteChanged {
		m.queue = m.queue.SetNow(msg.now)
		if m.session() != nil {
			m.detail = m.detail.SetNow(msg.now)
		}
	}
	return m
}

// autoRefresh refreshes the queue on schedule, unless the budget is low:
// background work never takes what a lookup the user asks for needs.
func (m Model) autoRefresh(msg autoRefreshMsg) (Model, tea.Cmd) {
	if msg.seq != m.refreshSeq || m.refreshEvery <= 0 {
		return m, nil
	}
	var cmd tea.Cmd
	if m.client.Budget() >= budgetShareForRefresh {
		m.queue, cmd = m.queue.Refresh()
	}
	return m, tea.Batch(cmd, m.scheduleRefresh())
}

func (m Model) toggleAutoRefresh() (Model, tea.Cmd) {
	m.refreshSeq++
	if m.refreshEvery > 0 {
		m.refreshEvery = 0
		return m.say("Auto-refresh off.", false)
	}
	m.refreshEvery = m.refreshGap
	m, notice := m.say("Auto-refresh every "+m.refreshGap.String()+".", false)
	return m, tea.Batch(notice, m.scheduleRefresh())
}

func (m Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, k.ForceQuit):
		return m.quit()
	case m.showFullHelp && (key.Matches(msg, k.Help) || key.Matches(msg, k.Back) || key.Matches(msg, k.Quit)):
		m.showFullHelp = false
		m.layout()
		return m, nil
	case m.menu != nil:
		m, cmd = m.menuKey(msg)
	case m.pick != nil && m.focus == focusView:
		m, cmd = m.pickerKey(msg)
	case m.resolving != 0 && key.Matches(msg, k.Back):
		m.resolving = 0
		m.endRequest()
		m, cmd = m.say("Search cancelled.", false)
	case m.fetching() && !m.current.quiet && key.Matches(msg, k.Back):
		m, cmd = m.cancelLookup()
	case msg.Paste && m.focus == focusView:
		// A paste is text wherever it lands: it goes to the input,
		// replacing what was there, never to the view as keys.
		m.focusInput()
		m.setInput("")
		m, cmd = m.inputKey(msg)
	case m.focus == focusView && msg.Type == tea.KeyRunes && len(msg.Runes) > 1:
		// Keys typed faster than they are read arrive as one message
		// ("jjj" over a slow link): each is a key of its own.
		var cmds []tea.Cmd
		for _, r := range msg.Runes {
			next, c := m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
			m, cmds = next.(Model), append(cmds, c)
		}
		return m, tea.Batch(cmds...)
	case m.focus == focusInput:
		m, cmd = m.inputKey(msg)
	default:
		m, cmd = m.viewKey(msg)
	}
	m.syncKeys()
	m.hint = m.inputHint()
	return m, cmd
}

func (m Model) quit() (tea.Model, tea.Cmd) {
	m.endRequest()
	m.stopAll()
	m.queue = m.queue.Stop()
	m.transcript = m.transcript.Stop()
	return m, tea.Quit
}
