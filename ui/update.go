package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/ui/actions"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/cmdline"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/detail"
	"github.com/opencx-tools/cxi/ui/integrity"
	"github.com/opencx-tools/cxi/ui/lookupbar"
	"github.com/opencx-tools/cxi/ui/notify"
	"github.com/opencx-tools/cxi/ui/overlay/picker"
	"github.com/opencx-tools/cxi/ui/overlay/pulseview"
	"github.com/opencx-tools/cxi/ui/overlay/runpane"
	"github.com/opencx-tools/cxi/ui/overlay/viewsave"
	"github.com/opencx-tools/cxi/ui/pulseline"
	"github.com/opencx-tools/cxi/ui/queue"
	"github.com/opencx-tools/cxi/ui/reasons"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/review"
	"github.com/opencx-tools/cxi/ui/share"
	"github.com/opencx-tools/cxi/ui/statusline"
	"github.com/opencx-tools/cxi/ui/tabs"
	"github.com/opencx-tools/cxi/ui/transcript"
	"github.com/opencx-tools/cxi/ui/useraction"
)

// route routes a message: window size to every view, keys to whatever has
// focus, every other message to the package whose command produced it.
// Update (profile.go) drops an old profile's answers first.
func (m Model) route(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	loading := m.queue.Loading()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
	case tea.KeyMsg:
		m, cmd = m.handleKey(msg)
	case startMsg:
		m, cmd = m.start()
	case detail.Msg:
		m, cmd = m.fromDetail(m.detail.Update(msg))
	case queue.Msg:
		m, cmd = m.fromQueue(msg)
	case reasons.Msg:
		m, cmd = m.fromReasons(msg)
	case integrity.Msg:
		m, cmd = m.fromIntegrity(msg)
	case transcript.Msg:
		m.transcript, cmd = m.transcript.Update(msg)
		if kept, ok := msg.(transcript.KeptMsg); ok {
			cmd = tea.Batch(cmd, m.checkShownFlags(kept.ID))
		}
	case common.NoticeMsg, statusline.Msg, clipboard.CopiedMsg, spinner.TickMsg:
		m.status, cmd = m.status.Update(msg)
	case share.BrowserFailedMsg:
		cmd = m.share.Update(msg)
	case actions.OptionsSavedMsg:
		// Said in the menu that toggled them; on the status line when it
		// was closed before the answer came.
		var taken bool
		m.act = m.act.Remembered(msg)
		if m.overlays, cmd, taken = m.overlays.Receive(msg); !taken {
			cmd = msg.Notice()
		}
	case actions.Msg:
		var ev common.WriteEvent
		m.act, ev, cmd = m.act.Update(msg)
		var reload tea.Cmd
		m.queue, m.detail = m.queue.Acted(ev), m.detail.Acted(ev)
		m.transcript, reload = m.transcript.Acted(ev.Redacted)
		cmd = tea.Batch(cmd, reload)
	case review.MarkedMsg:
		m.overlays, _, _ = m.overlays.Receive(msg) // a note editor waiting for it closes
		for id, mk := range msg.All() {
			m.queue, m.detail = m.queue.SetMark(id, mk), m.detail.SetMark(id, mk)
		}
		cmd = msg.Notice()
	case review.FailedMsg:
		// Said where it was made: in the note editor, which keeps the
		// text, or on the status line when no editor waits for it.
		var taken bool
		if m.overlays, cmd, taken = m.overlays.Receive(msg); !taken {
			cmd = msg.Notice()
		}
		if r := msg.Stopped(); r != "" {
			m.stopped = r
		}
	case useraction.RunMsg:
		m, cmd = m.runCommand(msg.Name)
	case useraction.RanMsg:
		var taken bool
		if m.overlays, cmd, taken = m.overlays.Receive(msg); !taken {
			cmd = runpane.Notice(msg)
		}
	case cmdline.SubmittedMsg:
		m, cmd = m.command(msg)
	case pulseline.LoadedMsg:
		m.pulseLine = m.pulseLine.Update(msg)
	case pulseview.LoadedMsg:
		m.overlays, cmd, _ = m.overlays.Receive(msg) // the view closed: nobody waits for it
	case notify.SentMsg:
		cmd = notifySent(msg)
	case previewSavedMsg:
		cmd = m.previewSaved(msg)
	case tabs.CountedMsg:
		m.tabs = m.tabs.Counted(msg)
	case tabs.SwitchMsg:
		m, cmd = m.switchNamed(msg.Name)
	case viewsave.SavedMsg:
		m, cmd = m.viewSaved(msg)
	case tea.MouseMsg:
		m, cmd = m.mouse(msg)
	case clockTickMsg:
		m = m.tick(msg)
		cmd = m.tickClock()
	default:
		if m.focus == focusInput {
			m.bar, _, cmd = m.bar.Update(msg) // the cursor's blink
		}
	}
	var enrich tea.Cmd
	m.detail, enrich = m.detail.Enrich(m.queue.Sessions) // once per session opened
	cmd = tea.Batch(cmd, enrich)
	m, recount := m.afterQueue(loading)
	m.syncKeys()
	m.syncPreview()
	var spin tea.Cmd
	m.status, spin = m.status.SetBusy(m.act.Busy(), m.detail.Busy())
	return m, tea.Batch(cmd, spin, recount)
}

// start loads the queue and runs a command-line lookup.
func (m Model) start() (Model, tea.Cmd) {
	var load, lookup, walk tea.Cmd
	m.queue, load = m.queue.Start()
	m.reasons, walk = m.reasons.Start(m.now, m.queue.Filters().Window)
	if m.bar.Value() != "" {
		m, lookup = m.lookup(m.bar.Value())
	}
	return m, tea.Batch(load, lookup, walk, m.lint.Start())
}

func (m Model) tick(msg clockTickMsg) Model {
	if msg.now.Truncate(time.Minute) != m.now.Truncate(time.Minute) {
		m.queue = m.queue.SetNow(msg.now)
	}
	m.now = msg.now
	m.detail = m.detail.Tick(msg.now)
	m.status = m.status.SetBudget(m.client.Budget())
	if m.stopped == "" && m.store != nil {
		// A page or transcript the store could not keep is dropped
		// quietly by the view that fetched it; the header says it here.
		m.stopped = review.StoppedReason(m.store.Stopped())
	}
	return m
}

// fromDetail applies what an update of the detail pane means for the rest
// of the screen.
func (m Model) fromDetail(d detail.Model, ev detail.Event, cmd tea.Cmd) (Model, tea.Cmd) {
	m.detail = d
	if ev.Fresh != nil {
		m.queue = m.queue.Upsert(ev.Fresh)
	}
	if r := ev.Seen; r != nil {
		m.queue = m.queue.Seen(r.ID).SetMark(r.ID, r.Mark)
	}
	if ev.Refused != "" {
		m.bar = m.bar.SetError(ev.Refused)
	}
	if c := ev.Pick; c != nil {
		m.overlays = m.overlays.Push(picker.New(m.ctx, c.Title, c.Sessions, c.Choose).WithWhere(c.Where))
		m.focusView()
	}
	if ev.Failed {
		m.arrive(viewDetail)
	}
	if s := ev.Arrived; s != nil {
		m.bar = m.bar.Remember(s.ID, render.Contact(s.Contact))
		m.nudge = m.nudge.Seen(s.ID)
		m.arrive(viewDetail)
		var prefetch tea.Cmd
		m, prefetch = m.prefetchAround(s.ID)
		cmd = tea.Batch(cmd, prefetch)
	}
	return m, cmd
}

// fromQueue gives the queue its page, and finishes an n that waited for it.
func (m Model) fromQueue(msg queue.Msg) (Model, tea.Cmd) {
	var cmd, line, ring tea.Cmd
	wasLoading := m.queue.Loading()
	m.queue, cmd = m.queue.Update(msg)
	if queue.FirstPage(msg) {
		var walk tea.Cmd
		m.reasons, walk = m.reasons.Refresh(m.now, m.queue.Filters().Window)
		cmd = tea.Batch(cmd, walk)
	}
	if wasLoading && !m.queue.Loading() {
		m.pulseLine, line = m.pulseLine.Loaded(m.queue.Facts(), !m.queue.End(), m.ctx.Now())
		var check tea.Cmd // a page came in: its sessions' flags
		m, check = m.checkFlags()
		line = tea.Batch(line, check)
	}
	m, ring = m.watchPage(msg)
	cmd = tea.Batch(cmd, line, ring)
	if m.pendingStep && !m.queue.Loading() {
		m.pendingStep = false
		var step tea.Cmd
		switch m.view {
		case viewDetail:
			m, step = m.step(1)
		case viewTranscript: // n in a transcript lands in the next one
			m, step = m.stepTranscript(1)
		}
		cmd = tea.Batch(cmd, step)
	}
	return m, cmd
}

func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, m.keys.ForceQuit):
		return m.quit()
	case !m.overlays.Empty():
		m.overlays, cmd = m.overlays.Update(msg) // no overlay changes the pane's size: nothing to lay out again
	case m.view == viewTranscript && m.focus == focusView && m.transcript.Typing():
		// A search being typed takes every key, letters and esc included,
		// as the input does: q and y are text there.
		m.transcript, cmd = m.transcript.Update(msg)
	case m.act.Running() && key.Matches(msg, m.keys.Back):
		m.act, cmd = m.act.Stop()
	case m.detail.Cancellable() && key.Matches(msg, m.keys.Back):
		m.detail, cmd = m.detail.Cancel()
		// The input goes back to the session on display, so that r
		// refreshes what is seen.
		if s := m.detail.Shown(); s != nil && m.view == viewDetail && m.focus == focusView {
			m.setInput(s.ID)
		}
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
			var c tea.Cmd
			m, c = m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
			cmds = append(cmds, c)
		}
		return m, tea.Batch(cmds...)
	case m.focus == focusInput:
		m, cmd = m.inputKey(msg)
	default:
		m, cmd = m.viewKey(msg)
	}
	return m, cmd
}

// inputKey gives a key to the lookup bar; the queue is filtered by what
// it holds as it is typed.
func (m Model) inputKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	var act lookupbar.Action
	var cmd tea.Cmd
	m.bar, act, cmd = m.bar.Update(msg)
	switch act {
	case lookupbar.Submit:
		return m.submit()
	case lookupbar.Leave:
		// esc leaves the way k9s's filter prompt does: the text filter
		// goes with it (tab and enter keep it).
		if key.Matches(msg, m.ctx.Keys.Back) && m.view == viewQueue && m.bar.Filter() != "" {
			m.setInput("")
		}
		m.focusView()
	}
	m.queue = m.queue.SetText(m.bar.Filter())
	return m, cmd
}

// submit is enter in the input: a session ID is looked up; a name that
// matches loaded rows is a filter, so enter just moves to the list;
// anything else is searched for.
func (m Model) submit() (Model, tea.Cmd) {
	q, lookup := m.bar.Query()
	switch {
	case lookup:
		return m.lookup(m.bar.Value())
	case q.Kind == resolve.KindName && m.view == viewQueue && m.queue.Len() > 0:
		m.focusView()
		return m, nil
	}
	m.bar = m.bar.MarkRequest()
	var cmd tea.Cmd
	m.detail, cmd = m.detail.Search(q, strings.TrimSpace(m.bar.Value()), m.queue.Sessions())
	return m, cmd
}

// lookup fetches the session text holds, or says why it holds none.
func (m Model) lookup(text string) (Model, tea.Cmd) {
	var ev detail.Event
	var cmd tea.Cmd
	m.detail, ev, cmd = m.detail.Lookup(text)
	m.bar = m.bar.SetError(ev.Refused)
	if ev.Refused == "" {
		m.setInput(m.detail.Current().ID)
		m.bar = m.bar.MarkRequest()
	}
	return m, cmd
}

// setInput replaces the input's text and keeps the queue's filter in step
// with it: the two must never disagree.
func (m *Model) setInput(text string) {
	m.bar = m.bar.SetValue(text)
	m.queue = m.queue.SetText(m.bar.Filter())
}

func (m Model) quit() (Model, tea.Cmd) {
	m.commands.Stop() // a user's command still running is killed with cxi
	m.detail = m.detail.Stop()
	m.queue = m.queue.Stop()
	m.reasons = m.reasons.Stop()
	m.transcript = m.transcript.Stop()
	return m, tea.Quit
}
