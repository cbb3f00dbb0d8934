package ui

import (
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/epoch"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/render"
)

// Profiles are the organizations the config names, which :profile NAME
// switches between. The zero Profiles (one organization) switches nowhere.
type Profiles struct {
	Current string   // the profile in use
	Names   []string // every profile, the default first: :profile's completions
	// Open makes the options of profile name: its client, its store and
	// what the store holds for the queue, its label and write settings.
	// It does I/O, and runs in a command.
	Open func(name string) (Options, error)
}

// SwitchProfileMsg asks the root to switch to profile Name: client,
// store, views and queue together, as :profile NAME does. A write still
// waiting for its answer refuses it.
type SwitchProfileMsg struct{ Name string }

// profileOpenedMsg is profile name's options, made, or why they were not.
type profileOpenedMsg struct {
	name string
	opts Options
	err  error
}

// Update drops the answers of a profile switched away from (ui/epoch),
// switches profile, and routes everything else.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	msg, current := epoch.Open(m.epoch, msg)
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case SwitchProfileMsg: // asked from outside, or by a command of this epoch
		m, cmd = m.switchProfile(msg.Name)
	case profileOpenedMsg:
		if !current {
			return m, nil
		}
		m, cmd = m.profileOpened(msg)
	default:
		if !current {
			return m, nil
		}
		m, cmd = m.route(msg)
	}
	return m, epoch.Wrap(m.epoch, cmd)
}

// switchProfile opens profile name in a command, unless it is the one in
// use, unknown, or a write waits for its answer.
func (m Model) switchProfile(name string) (Model, tea.Cmd) {
	p := m.profiles
	switch {
	case p.Open == nil || !slices.Contains(p.Names, name):
		known := "this run has no profiles (add [profiles.NAME] to config.toml)"
		if len(p.Names) > 0 {
			known = "known: " + strings.Join(p.Names, ", ")
		}
		return m, common.Say("No profile \""+render.Line(name)+"\": "+known+".", true)
	case name == p.Current:
		return m, common.Say("Already in profile "+name+".", false)
	case m.act.Pending():
		return m, common.Say("A change is still being sent in "+p.Current+": wait for its answer, then switch to "+name+".", true)
	}
	open := p.Open
	return m, func() tea.Msg {
		opts, err := open(name)
		return profileOpenedMsg{name: name, opts: opts, err: err}
	}
}

// profileOpened replaces every part of the model that belongs to one
// organization: a new model on the profile's options, at this size, in
// the next epoch, so that no answer of the old one reaches it.
func (m Model) profileOpened(msg profileOpenedMsg) (Model, tea.Cmd) {
	switch {
	case msg.err != nil:
		return m, common.Say("Still in "+m.profiles.Current+": "+msg.name+" could not be opened: "+explain.Describe(msg.err, "").CommandLine(), true)
	case m.act.Pending(): // a write started while the profile was opening
		return m, common.Say("A change is still being sent in "+m.profiles.Current+": wait for its answer, then switch to "+msg.name+".", true)
	}
	n := New(msg.opts)
	n.epoch, n.width, n.height = m.epoch+1, m.width, m.height
	n.layout()
	// Init's commands, tagged with the new epoch by Update.
	return n, tea.Batch(n.Init(), common.Say("Switched to profile "+msg.name+".", false))
}
