// Package integrity keeps the TUI's integrity flags (api/lint): which
// rules each loaded session trips, worked out in a command from the
// sessions the queue holds and what the store keeps of them (one routine
// with cxi lint: api/lint/kept), and the office hours the no-reply rule
// counts in, asked once in the background. The root hands the result to
// the queue (marker and filter) and to the detail pane (the flags and
// their reasons); this package draws nothing.
package integrity

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/api/lint/kept"
)

// Scheduler is the client's office hours call; a client without it (a
// test's) leaves the no-reply rule on the wall clock.
type Scheduler interface {
	OfficeHours(ctx context.Context) ([]api.OfficeHours, error)
}

// Model is the flags of the loaded sessions and what they are worked out
// with.
type Model struct {
	th       lint.Thresholds
	store    kept.Store // nil: the rules that need kept data say nothing
	client   Scheduler  // nil: no office hours
	schedule *api.OfficeHours
	byID     map[string][]lint.Flag
	// running is a full check under way; next is the one asked for since,
	// started when it answers: pages that come in a burst (the ranking's
	// walk) cost one check under way and one after it, not one each.
	running bool
	next    func() tea.Cmd
}

// New is the flags of nothing yet, checked with th (lint.Defaults when
// th is zero).
func New(th lint.Thresholds, store kept.Store, client Scheduler) Model {
	if th.IsZero() {
		th = lint.Defaults()
	}
	return Model{th: th, store: store, client: client, byID: map[string][]lint.Flag{}}
}

// Msg is what this package's commands answer; the root hands it back to
// Update.
type Msg interface{ integrityMsg() }

// CheckedMsg is the flags of the sessions a check was given.
type CheckedMsg struct {
	byID  map[string][]lint.Flag
	ids   []string // the sessions checked: those without flags lose theirs
	err   error
	whole bool
}

// ScheduleMsg is the office hours as the API answered, or why not.
type ScheduleMsg struct {
	schedule *api.OfficeHours
	err      error
}

func (CheckedMsg) integrityMsg()  {}
func (ScheduleMsg) integrityMsg() {}

// Start asks for the office hours in the background, when the no-reply
// rule counts in them: one request a run.
func (m Model) Start() tea.Cmd {
	if m.client == nil || !m.th.OfficeHours || !m.th.On(lint.NoReply) {
		return nil
	}
	c := m.client
	return func() tea.Msg {
		all, err := c.OfficeHours(api.Background(context.Background()))
		return ScheduleMsg{schedule: kept.Schedule(all), err: err}
	}
}

// CheckAll works out the flags of the loaded sessions, replacing the ones
// known; one asked for while another runs starts when that one answers.
// sessions is called in the command: the queue decodes its rows there.
func (m Model) CheckAll(sessions func() []api.Session, now time.Time) (Model, tea.Cmd) {
	cmd := m.check(sessions, now, true)
	if m.running {
		m.next = func() tea.Cmd { return cmd }
		return m, nil
	}
	m.running = true
	return m, cmd
}

// CheckSome works out again the flags of a few sessions (one whose
// transcript was just kept), merged into the ones known.
func (m Model) CheckSome(sessions []api.Session, now time.Time) tea.Cmd {
	return m.check(func() []api.Session { return sessions }, now, false)
}

func (m Model) check(decode func() []api.Session, now time.Time, whole bool) tea.Cmd {
	st, schedule, th := m.store, m.schedule, m.th
	return func() tea.Msg {
		sessions := decode()
		ids := make([]string, len(sessions))
		for i := range sessions {
			ids[i] = sessions[i].ID
		}
		ins, err := kept.Inputs(context.Background(), st, sessions, schedule, now)
		if err != nil {
			return CheckedMsg{err: err, whole: whole}
		}
		out := map[string][]lint.Flag{}
		for _, in := range ins {
			if fl := lint.Check(in, th); len(fl) > 0 {
				out[in.Session.ID] = fl
			}
		}
		return CheckedMsg{byID: out, ids: ids, whole: whole}
	}
}

// Update takes a command's answer, and starts the full check asked for
// while one ran. changed says the flags changed and the root should hand
// them on; an error is for the status line.
func (m Model) Update(msg Msg) (_ Model, cmd tea.Cmd, changed bool, err error) {
	switch msg := msg.(type) {
	case ScheduleMsg:
		// Without a schedule the rule counts every hour: no error worth
		// a notice, since most organizations have none.
		m.schedule = msg.schedule
		return m, nil, false, nil
	case CheckedMsg:
		if msg.whole {
			m.running = false
			if m.next != nil {
				cmd, m.next, m.running = m.next(), nil, true
			}
		}
		if msg.err != nil {
			return m, cmd, false, msg.err
		}
		if msg.whole {
			// An older check's answer is still the freshest there is
			// while the next one runs: the rows it saw are not gone.
			m.byID = msg.byID
			return m, cmd, true, nil
		}
		byID := make(map[string][]lint.Flag, len(m.byID))
		for id, fl := range m.byID {
			byID[id] = fl
		}
		for _, id := range msg.ids {
			delete(byID, id)
		}
		for id, fl := range msg.byID {
			byID[id] = fl
		}
		m.byID = byID
		return m, nil, true, nil
	}
	return m, nil, false, nil
}

// Flags are the rules session id trips, and what each saw; nil for none.
func (m Model) Flags(id string) []lint.Flag { return m.byID[id] }

// All is every flagged session's flags, by ID. The map is never changed
// after it is handed out (a new check makes a new one), so a view may keep it.
func (m Model) All() map[string][]lint.Flag { return m.byID }

// Rules are the rules each flagged session trips, for the queue.
func (m Model) Rules() map[string][]lint.Rule {
	out := make(map[string][]lint.Rule, len(m.byID))
	for id, fl := range m.byID {
		rules := make([]lint.Rule, len(fl))
		for i, f := range fl {
			rules[i] = f.Rule
		}
		out[id] = rules
	}
	return out
}
