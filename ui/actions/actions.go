// Package actions changes sessions from the keyboard: the status menu (close as
// resolved, close as unresolved, reopen) on the session in view or the
// selected rows, a confirmation that says exactly what will be sent, and
// the batch that sends it through the shared limiter, one session after
// the other, each through change.SetStatus, the routine cxi close calls
// (without its read before: the row is what the change is weighed
// against). The views show the new status at once, marked "saving…", and
// take the confirmed session or go back. A 429 follows cxi close's rule
// (api/change), counted down on screen, and every outcome is said and
// recorded in the routine's words: nothing is called "not sent" once it
// may have left.
package actions

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// Client is what acting needs of the API client.
type Client interface {
	SetStatus(ctx context.Context, id string, ch api.StatusChange) error
	GetSession(ctx context.Context, id string) (*api.Session, error)
}

// Model runs one batch at a time.
type Model struct {
	ctx    common.Context
	client Client
	set    common.WriteSettings
	seq    int    // the batch; bumped by every start and stop
	run    *batch // the batch under way; nil when none
	// undo is the last batch's changes as they were before, until undoBy.
	undo   []undone
	undoTo api.Status // the status the undone change set
	undoBy time.Time
	// undoLeft is the sessions the change left alone: the undo leaves
	// them too, and says so in the same words.
	undoLeft leftAlone
	late     *lateWrite // a write whose answer the stopped batch did not wait for
	// redacting is the redactions sent less those answered (redactSentMsg).
	redacting int
}

// undoFor is how long after a status change ctrl+z can take it back.
const undoFor = 10 * time.Second

// New returns the runner.
func New(ctx common.Context, client Client, set common.WriteSettings) Model {
	return Model{ctx: ctx.WithDefaults(), client: client, set: set}
}

// Msg is every message of this package's commands.
type Msg interface{ actMsg() }

// ConfirmedMsg is the confirmation's enter: send change to Targets (or,
// for a caller that holds them decoded already, to Sessions).
type ConfirmedMsg struct {
	Change   api.StatusChange
	Targets  common.Targets
	Sessions []api.Session // used when Targets is empty
	Helpdesk bool          // the options as toggled, remembered for the next menu
	Summary  bool
}

// DoneMsg is one session's change answered: what came of it, as
// change.SetStatus says.
type DoneMsg struct {
	seq    int
	ID     string
	At     time.Time // when the answer came (a 429's wait counts from it)
	Result change.StatusResult
}

// undoMsg is ctrl+z.
type undoMsg struct{}

func (undoMsg) actMsg()      {}
func (ConfirmedMsg) actMsg() {}
func (DoneMsg) actMsg()      {}

// ReadOnly reports whether writes are refused this run.
func (m Model) ReadOnly() bool { return m.set.ReadOnly != "" }

// Running reports whether a batch is under way (esc stops it; once
// stopped, it may still wait for the answer to the request already out).
func (m Model) Running() bool { return m.run != nil }

// Pending reports whether a write may still be answered: a batch under
// way, the request a stopped one did not wait for, or a redaction. Switching profile
// waits for neither, or its answer would have no one to tell.
func (m Model) Pending() bool { return m.run != nil || m.late != nil || m.redacting > 0 }

// Menu is the status menu on the session in view, or in the queue on its
// selected rows (else the one under the cursor), or why there is none.
// queued is read lazily: the menu decodes only the few sessions it names.
func (m Model) Menu(queued common.Targets, shown *api.Session, inQueue bool) (overlay.Overlay, tea.Cmd) {
	targets := queued
	if !inQueue {
		targets = common.Targets{}
		if shown != nil {
			targets = common.SessionTargets(*shown)
		}
	}
	switch {
	case targets.Len() == 0:
		return nil, nil
	case m.set.ReadOnly != "":
		return nil, common.Say("Read-only ("+m.set.ReadOnly+"): nothing is sent, so the status stays as it is.", true)
	case m.run != nil:
		return nil, common.Say("A change is still being sent: wait for it, or esc stops it.", true)
	}
	return newMenu(m.ctx, targets, m.set), nil
}

// Update takes the confirmation and the answers.
func (m Model) Update(msg Msg) (Model, common.WriteEvent, tea.Cmd) {
	switch msg := msg.(type) {
	case ConfirmedMsg:
		return m.start(msg)
	case DoneMsg:
		if m.run == nil || msg.seq != m.seq {
			return m.lateAnswer(msg)
		}
		return m.answered(msg)
	case retryTickMsg:
		if m.run == nil || msg.seq != m.seq || m.run.retry == none {
			return m, common.WriteEvent{}, nil
		}
		return m.counted(msg.at)
	case savingMsg:
		return m.marked(msg)
	case undoMsg:
		return m.undoLast()
	case RedactedMsg:
		return m.redacted(msg)
	case redactSentMsg:
		m.redacting++
		return m, common.WriteEvent{}, nil
	case stopMsg:
		if m.run == nil || msg.seq != m.seq {
			return m, common.WriteEvent{}, nil
		}
		return m.stop()
	}
	return m, common.WriteEvent{}, nil
}

func (m Model) start(msg ConfirmedMsg) (Model, common.WriteEvent, tea.Cmd) {
	var remember tea.Cmd
	if (msg.Helpdesk != m.set.Helpdesk || msg.Summary != m.set.Summary) && m.set.Save != nil {
		save, h, s := m.set.Save, msg.Helpdesk, msg.Summary
		remember = func() tea.Msg {
			if err := save(h, s); err != nil {
				return common.NoticeMsg{Text: "The menu's options are not remembered: " + err.Error() + ".", Bad: true}
			}
			return nil
		}
	}
	m.set.Helpdesk, m.set.Summary = msg.Helpdesk, msg.Summary
	targets := msg.Targets
	if targets.Len() == 0 {
		targets = common.SessionTargets(msg.Sessions...)
	}
	// A session already in the new status is left alone: nothing to send.
	// It is counted, not listed: the batch skips it when its turn comes.
	skipped := targets.In(msg.Change.Status)
	if skipped == targets.Len() {
		return m, common.WriteEvent{}, tea.Batch(remember, common.Say("Nothing to send: "+plural.CountAs(skipped, "session is", "sessions are")+" already "+render.Status(msg.Change.Status)+".", false))
	}
	m.seq++
	m.run = newBatch(msg.Change, targets, targets.Len()-skipped)
	m.run.left = leftAlone{n: skipped, status: msg.Change.Status}
	ev, rest := m.markSaving()
	m, cmd := m.next()
	return m, ev, tea.Batch(cmd, rest, remember)
}

// Undo is ctrl+z: for a few seconds after a status change, the inverse
// change, each session back to its status before.
func (m Model) Undo() tea.Cmd { return func() tea.Msg { return undoMsg{} } }

func (m Model) undoLast() (Model, common.WriteEvent, tea.Cmd) {
	switch {
	case m.run != nil:
		return m, common.WriteEvent{}, common.Say("A change is still being sent: wait for it before undoing.", true)
	case len(m.undo) == 0 || m.ctx.Now().After(m.undoBy):
		return m, common.WriteEvent{}, common.Say("Nothing to undo: a status change can be undone for "+render.Duration(undoFor)+" after it.", false)
	}
	// Each session goes back to its status before; what it is now is the
	// change's status, the audit log's "before".
	back := make([]api.Status, len(m.undo))
	for i, u := range m.undo {
		back[i] = u.status
	}
	m.seq++
	m.run = newBatch(api.StatusChange{Status: m.undo[0].status}, common.NewTargets(undoTargets{list: m.undo, now: m.undoTo}), len(m.undo))
	m.run.back, m.run.undo, m.run.left = back, true, m.undoLeft
	m.undo = nil
	ev, rest := m.markSaving()
	m, cmd := m.next()
	return m, ev, tea.Batch(cmd, rest)
}

// undoTargets is the sessions an undo puts back, each now in status now:
// an ID and a status are all a status change is weighed against.
type undoTargets struct {
	list []undone
	now  api.Status
}

func (u undoTargets) Len() int              { return len(u.list) }
func (u undoTargets) ID(i int) string       { return u.list[i].id }
func (u undoTargets) Status(int) api.Status { return u.now }
func (u undoTargets) Session(i int) api.Session {
	return api.Session{ID: u.list[i].id, Status: u.now}
}

// capitalize starts a sentence that explain words as a clause.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func verb(s api.Status) string {
	if s == api.StatusOpen {
		return "Reopening"
	}
	return "Closing"
}

// errNoRedaction is a client that cannot redact (a test's).
var errNoRedaction = errors.New("this client cannot redact")
