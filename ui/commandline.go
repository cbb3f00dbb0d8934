package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/cmdline"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/overlay/fullhelp"
)

// command runs a line of the command line with the routine its key runs,
// and keeps the line in the history (the store's, or this run's alone).
func (m Model) command(msg cmdline.SubmittedMsg) (Model, tea.Cmd) {
	m.history = m.history.Add(msg.Line)
	record := cmdline.Record(m.store, msg.Line, m.ctx.Now())
	var cmd tea.Cmd
	switch do := msg.Do.(type) {
	case cmdline.OpenMsg: // as if typed in the input and entered
		m.setInput(do.Text)
		m, cmd = m.submit()
	case cmdline.StatusMsg:
		m, cmd = m.statusMenu(do.Status)
	case cmdline.RedactMsg:
		m, cmd = m.redact()
	case cmdline.FilterMsg:
		m, cmd = m.filter(do)
	case cmdline.CopyMsg:
		cmd = m.share.CopyNamed(do.Field, m.keys.ForShare(), m.target(), m.selection(), m.ctx.Now())
	case cmdline.HelpMsg:
		m = m.fullHelp()
	case cmdline.NewestMatchMsg:
		m, cmd = m.openNewestMatch()
	case cmdline.QuitMsg:
		m, cmd = m.quit()
	case cmdline.ViewMsg:
		m, cmd = m.switchNamed(do.Name)
	case cmdline.ProfileMsg:
		m, cmd = m.switchProfile(do.Name)
	case cmdline.RunMsg:
		m, cmd = m.runCommand(do.Name)
	case cmdline.PulseMsg:
		m, cmd = m.pulseCommand(do)
	}
	return m, tea.Batch(record, cmd)
}

// statusMenu is S (status ""), or :close and :reopen with status chosen:
// the status menu on what S acts on.
func (m Model) statusMenu(status api.Status) (Model, tea.Cmd) {
	var queued common.Targets
	if m.view == viewQueue {
		queued = m.queue.Picked() // no session decoded: a month may be selected
	}
	menu, cmd := m.act.Menu(queued, m.detail.Shown(), m.view == viewQueue)
	if status != "" {
		menu, cmd = m.act.MenuAt(status, queued, m.detail.Shown(), m.view == viewQueue)
	}
	if menu != nil && m.offline() {
		return m, m.sayOffline()
	}
	m.overlays = m.overlays.Push(menu)
	return m, cmd
}

// redact is X, and :redact: in the queue the row's session, elsewhere the
// session in the pane or the transcript's message at the top.
func (m Model) redact() (Model, tea.Cmd) {
	if m.view == viewQueue {
		menu, cmd := m.act.RedactSelected(m.queue.Picked())
		m.overlays = m.overlays.Push(menu)
		return m, cmd
	}
	menu, cmd := m.act.RedactMenu(m.detail.Shown(), m.transcript.Current(m.view == viewTranscript))
	if menu != nil && m.offline() {
		return m, m.sayOffline()
	}
	m.overlays = m.overlays.Push(menu)
	return m, cmd
}

// filter is :filter: the queue's filters it names set, or all reset; it
// acts on the queue, so it goes back there first.
func (m Model) filter(do cmdline.FilterMsg) (Model, tea.Cmd) {
	for m.view != viewQueue {
		m = m.back()
	}
	if do.Reset {
		return m.resetFilters()
	}
	var cmd tea.Cmd
	if do.Flag != nil {
		var err error
		if m.queue, err = m.queue.SetFlagFilter(*do.Flag); err != nil {
			return m, common.Say(err.Error(), true) // the command line checked the name: not reached
		}
	}
	m.queue, cmd = m.queue.ApplyFilters(do.Apply(m.queue.Filters()))
	if do.Text != nil {
		m.setInput(*do.Text)
	}
	if do.Reason != nil {
		var local tea.Cmd
		m.queue, local = m.queue.SetReason(*do.Reason)
		cmd = tea.Batch(cmd, local)
	}
	return m, cmd
}

// resetFilters is the reset key, and :filter reset: every filter back to
// those cxi started with, the input's text filter with them.
func (m Model) resetFilters() (Model, tea.Cmd) {
	if m.bar.Filter() != "" {
		m.setInput("")
	}
	var cmd tea.Cmd
	m.queue, cmd = m.queue.ResetFilters()
	return m, cmd
}

// fullHelp is ?, and :help.
func (m Model) fullHelp() Model {
	help := fullhelp.New(m.ctx, append(helpSections(m.keys, m.view), m.commandHelp()...), fullhelp.Notes(m.ctx, m.queueOrder(), m.suggest))
	m.overlays = m.overlays.Push(help.SetSize(m.width, m.paneHeight()))
	return m
}

// commandNames are the names :view, :profile and :run complete and check,
// as they are now: a view saved a moment ago is among them.
func (m Model) commandNames() common.Registry {
	r := m.registry
	r.Views, r.Profiles, r.Actions = m.tabs.Names(), m.profiles.Names, m.commands.Names()
	return r
}
