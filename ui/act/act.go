// Package act changes sessions from the keyboard: the status menu (close as
// resolved, close as unresolved, reopen) on the session in view or the
// selected rows, a confirmation that says exactly what will be sent, and
// the batch that sends it through the shared limiter, one session after
// the other, each confirmed by one GET whose answer must be that session
// (api.ReadConfirmation, as cxi close reads it). The views show the new
// status at once, marked "saving…", and take the confirmed session or go
// back.
package act

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/statusline"
)

// Client is what acting needs of the API client.
type Client interface {
	SetStatus(ctx context.Context, id string, ch api.StatusChange) error
	GetSession(ctx context.Context, id string) (*api.Session, error)
}

// Settings are how acting is set up for a run.
type Settings struct {
	ReadOnly string // why nothing may be sent ("--read-only"); "" when writes are allowed
	// Helpdesk and Summary are the menu's two options as config.toml
	// remembers them; Save writes them back when the user changes them
	// (nil: not remembered).
	Helpdesk, Summary bool
	Save              func(helpdesk, summary bool) error
	Audit             Auditor // where every write is recorded; nil records nothing
	Erase             Eraser  // the copy a redaction erases too; nil keeps none
}

// Eraser erases, locally, what a redaction erased from the API: the local
// store's copy.
type Eraser interface {
	EraseRedacted(ctx context.Context, sessionID, messageID string) error
}

// Auditor records a write after its answer: the local store's audit log.
type Auditor interface {
	Audit(ctx context.Context, e store.AuditEntry) error
}

// Model runs one batch at a time.
type Model struct {
	ctx    common.Context
	client Client
	set    Settings
	seq    int    // the batch; bumped by every start and stop
	run    *batch // the batch under way; nil when none
	// undo is the last batch's changes as they were before, until undoBy.
	undo   []api.Session
	undoTo api.Status // the status the undone change set
	undoBy time.Time
}

// undoFor is how long after a status change ctrl+z can take it back.
const undoFor = 10 * time.Second

// batch is a status change sent to several sessions in turn.
type batch struct {
	change  api.StatusChange
	to      map[string]api.Status // per session, when they differ (an undo puts each back)
	undo    bool                  // this batch undoes the last one
	todo    []api.Session         // still to send, the next first
	changed []api.Session         // what was changed, as it was before: what an undo puts back
	all     []api.Session         // every session of the batch, as it was before
	done    int
	total   int
	ok      int
	missing int
	// unconfirmed counts changes sent whose confirming read answered
	// another session: what came of them is not known.
	unconfirmed int
	failed      []string // sessions whose change failed, to stay selected
	reason      string   // the last failure, in words
	stopped     string   // why the batch stopped before its end
}

// New returns the runner.
func New(ctx common.Context, client Client, set Settings) Model {
	return Model{ctx: ctx, client: client, set: set}
}

// Msg is every message of this package's commands.
type Msg interface{ actMsg() }

// ConfirmedMsg is the confirmation's enter: send change to sessions.
type ConfirmedMsg struct {
	Change   api.StatusChange
	Sessions []api.Session
	Helpdesk bool // the options as toggled, remembered for the next menu
	Summary  bool
}

// DoneMsg is one session's change answered: its confirmed copy, or why not.
type DoneMsg struct {
	seq     int
	ID      string
	Session *api.Session
	Err     error
}

// undoMsg is ctrl+z.
type undoMsg struct{}

func (undoMsg) actMsg()      {}
func (ConfirmedMsg) actMsg() {}
func (DoneMsg) actMsg()      {}

// Event is what an update means for the views.
type Event struct {
	Saving   map[string]api.Status // sessions to show at once with their new status, "saving…"
	Settled  []string              // sessions whose saving is over (confirmed or not)
	Fresh    *api.Session          // a confirmed copy
	Failed   []string              // at the end: the sessions to keep selected for a retry
	Finished bool
	Redacted string // a session whose messages were redacted: its transcript reloads
}

// ReadOnly reports whether writes are refused this run.
func (m Model) ReadOnly() bool { return m.set.ReadOnly != "" }

// Running reports whether a batch is under way (esc stops it).
func (m Model) Running() bool { return m.run != nil }

// Menu is the status menu on the session in view, or in the queue on its
// selected rows (else the one under the cursor), or why there is none.
func (m Model) Menu(queued []api.Session, shown *api.Session, inQueue bool) (overlay.Overlay, tea.Cmd) {
	sessions := queued
	if !inQueue && shown != nil {
		sessions = []api.Session{*shown}
	} else if !inQueue {
		sessions = nil
	}
	switch {
	case len(sessions) == 0:
		return nil, nil
	case m.set.ReadOnly != "":
		return nil, statusline.Say("Read-only ("+m.set.ReadOnly+"): nothing is sent, so the status stays as it is.", true)
	case m.run != nil:
		return nil, statusline.Say("A change is still being sent: wait for it, or esc stops it.", true)
	}
	return newMenu(m.ctx, sessions, m.set), nil
}

// Update takes the confirmation and the answers.
func (m Model) Update(msg Msg) (Model, Event, tea.Cmd) {
	switch msg := msg.(type) {
	case ConfirmedMsg:
		return m.start(msg)
	case DoneMsg:
		if m.run == nil || msg.seq != m.seq {
			// The answer of a request sent before esc stopped the batch:
			// it still says what the API now holds.
			return m, Event{Settled: []string{msg.ID}, Fresh: msg.Session}, nil
		}
		return m.answered(msg)
	case undoMsg:
		return m.undoLast()
	case RedactedMsg:
		return m.redacted(msg)
	case stopMsg:
		if m.run == nil || msg.seq != m.seq {
			return m, Event{}, nil
		}
		return m.stop()
	}
	return m, Event{}, nil
}

func (m Model) start(msg ConfirmedMsg) (Model, Event, tea.Cmd) {
	var remember tea.Cmd
	if (msg.Helpdesk != m.set.Helpdesk || msg.Summary != m.set.Summary) && m.set.Save != nil {
		save, h, s := m.set.Save, msg.Helpdesk, msg.Summary
		remember = func() tea.Msg {
			if err := save(h, s); err != nil {
				return statusline.NoticeMsg{Text: "The menu's options are not remembered: " + err.Error() + ".", Bad: true}
			}
			return nil
		}
	}
	m.set.Helpdesk, m.set.Summary = msg.Helpdesk, msg.Summary
	// A session already in the new status is left alone: nothing to send.
	var todo []api.Session
	for _, s := range msg.Sessions {
		if s.Status != msg.Change.Status {
			todo = append(todo, s)
		}
	}
	skipped := len(msg.Sessions) - len(todo)
	if msg.Sessions = todo; len(todo) == 0 {
		return m, Event{}, tea.Batch(remember, statusline.Say("Nothing to send: "+plural.CountAs(skipped, "session is", "sessions are")+" already "+render.Status(msg.Change.Status)+".", false))
	}
	m.seq++
	m.run = &batch{change: msg.Change, todo: append([]api.Session(nil), msg.Sessions...), all: msg.Sessions, total: len(msg.Sessions)}
	saving := map[string]api.Status{}
	for _, s := range msg.Sessions {
		saving[s.ID] = msg.Change.Status
	}
	m, cmd := m.next()
	return m, Event{Saving: saving}, tea.Batch(cmd, remember)
}

// next sends the change to the next session, or ends the batch.
func (m Model) next() (Model, tea.Cmd) {
	b := m.run
	if len(b.todo) == 0 || b.stopped != "" {
		return m, nil
	}
	s := b.todo[0]
	b.todo = b.todo[1:]
	client, change, seq, audit, now := m.client, b.change, m.seq, m.set.Audit, m.ctx.Now
	if to, ok := b.to[s.ID]; ok {
		change.Status = to
	}
	return m, func() tea.Msg {
		ctx := context.Background()
		done := DoneMsg{seq: seq, ID: s.ID, Err: client.SetStatus(ctx, s.ID, change)}
		if done.Err == nil {
			// The PATCH answers no body: one GET says what the API now
			// holds, if it answers with this session.
			done.Session, done.Err = api.ReadConfirmation(ctx, client, s.ID)
		}
		record(ctx, audit, s, change, done, now())
		return done
	}
}

// record writes the write to the audit log after its answer, so that a
// crash cannot log a write that never happened.
func record(ctx context.Context, audit Auditor, s api.Session, ch api.StatusChange, done DoneMsg, at time.Time) {
	if audit == nil {
		return
	}
	e := store.StatusEntry(s.ID, s.Status, ch)
	e.At, e.After, e.Outcome, e.Source = at, ch.Status, "ok", store.SourceTUI
	switch {
	case done.Err != nil && api.KindOf(done.Err) == api.KindNotFound:
		e.Outcome = "not found"
	case errors.Is(done.Err, api.ErrOtherSession):
		e.After, e.Outcome = "", notConfirmed // as cxi close records it
	case done.Err != nil:
		e.Outcome = "failed (" + failure(done.Err) + ")"
	case done.Session != nil:
		e.After = done.Session.Status
	}
	_ = audit.Audit(ctx, e)
}

func (m Model) answered(msg DoneMsg) (Model, Event, tea.Cmd) {
	b := m.run
	b.done++
	ev := Event{Settled: []string{msg.ID}}
	switch kind := api.KindOf(msg.Err); {
	case msg.Err == nil:
		b.ok++
		ev.Fresh = msg.Session
		if before, ok := b.before(msg.ID); ok {
			b.changed = append(b.changed, before)
		}
	case kind == api.KindNotFound:
		b.missing++
		b.failed = append(b.failed, msg.ID)
	case errors.Is(msg.Err, api.ErrOtherSession):
		// Sent, but the read after it is about another session: neither
		// done nor failed, and never shown as the session's new copy.
		b.unconfirmed++
		b.failed = append(b.failed, msg.ID)
		if b.total == 1 {
			b.reason = capitalize(explain.Describe(msg.Err, msg.ID).Sentence)
		}
	case kind == api.KindUnauthorized || kind == api.KindForbidden:
		// The rest would fail the same way: stop here.
		b.failed = append(b.failed, msg.ID)
		for _, s := range b.todo {
			b.failed = append(b.failed, s.ID)
			ev.Settled = append(ev.Settled, s.ID)
		}
		b.todo, b.stopped = nil, explain.Describe(msg.Err, msg.ID).CommandLine()
	default:
		b.failed = append(b.failed, msg.ID)
		b.reason = failure(msg.Err)
		if b.total == 1 {
			// One session: its error as the one sentence every error is.
			b.reason = explain.Describe(msg.Err, msg.ID).Advice(keys.Name(m.ctx.Keys.Refresh))
		}
	}
	if len(b.todo) == 0 {
		return m.finish(ev)
	}
	m, cmd := m.next()
	return m, ev, cmd
}

// Stop ends the batch between two requests (esc): the one in flight still
// lands, the rest is not sent. The views hear of it from Update.
func (m Model) Stop() (Model, tea.Cmd) {
	seq := m.seq
	return m, func() tea.Msg { return stopMsg{seq: seq} }
}

// stopMsg is esc during a batch.
type stopMsg struct{ seq int }

func (stopMsg) actMsg() {}

func (m Model) stop() (Model, Event, tea.Cmd) {
	ev := Event{}
	for _, s := range m.run.todo {
		ev.Settled = append(ev.Settled, s.ID)
		m.run.failed = append(m.run.failed, s.ID)
	}
	m.run.todo, m.run.stopped = nil, "stopped with esc"
	return m.finish(ev)
}

func (m Model) finish(ev Event) (Model, Event, tea.Cmd) {
	b := m.run
	m.run, ev.Finished, ev.Failed = nil, true, b.failed
	m.seq++ // an answer still in flight is the batch's no more
	said := summary(b)
	if m.undo, m.undoTo, m.undoBy = b.changed, b.change.Status, m.ctx.Now().Add(undoFor); len(b.changed) > 0 {
		said += " · " + keys.Name(m.ctx.Keys.Undo) + " undoes it for " + render.Duration(undoFor)
	}
	return m, ev, statusline.Say(said, len(b.failed) > 0)
}

// Undo is ctrl+z: for a few seconds after a status change, the inverse
// change, each session back to its status before.
func (m Model) Undo() tea.Cmd { return func() tea.Msg { return undoMsg{} } }

func (m Model) undoLast() (Model, Event, tea.Cmd) {
	switch {
	case m.run != nil:
		return m, Event{}, statusline.Say("A change is still being sent: wait for it before undoing.", true)
	case len(m.undo) == 0 || m.ctx.Now().After(m.undoBy):
		return m, Event{}, statusline.Say("Nothing to undo: a status change can be undone for "+render.Duration(undoFor)+" after it.", false)
	}
	// Each session's status to go back to is also what the views show
	// while saving: one map serves both (the views only read it).
	to := map[string]api.Status{}
	todo := make([]api.Session, len(m.undo))
	for i, s := range m.undo {
		to[s.ID] = s.Status
		todo[i] = s
		todo[i].Status = m.undoTo // what it is now, for the audit log's "before"
	}
	m.seq++
	// Without all, no session is "changed": an undo is not undone.
	m.run = &batch{change: api.StatusChange{Status: m.undo[0].Status}, to: to, todo: todo, total: len(todo), undo: true}
	m.undo = nil
	m, cmd := m.next()
	return m, Event{Saving: to}, cmd
}

// before is session id as it was when the batch started.
func (b *batch) before(id string) (api.Session, bool) {
	for _, s := range b.all {
		if s.ID == id {
			return s, true
		}
	}
	return api.Session{}, false
}

// Busy is the status line while a batch runs: "Closing 12 of 40" ("" when
// none runs).
func (m Model) Busy() string {
	b := m.run
	if b == nil {
		return ""
	}
	v := verb(b.change.Status)
	if b.undo {
		v = "Undoing"
	}
	at := fmt.Sprintf("%s %d of %d", v, min(b.done+1, b.total), b.total)
	if b.total < 2 {
		return at
	}
	// bubbles' progress bar, drawn as it stands: the batch moves it, not
	// an animation.
	bar := progress.New(progress.WithWidth(20), progress.WithoutPercentage())
	return bar.ViewAs(float64(b.done)/float64(b.total)) + " " + at
}

// summary is the status line at the end: "38 closed · 1 not found · 1
// failed (HTTP 500)".
func summary(b *batch) string {
	if b.total == 1 && b.unconfirmed == 1 {
		return b.reason
	}
	if b.total == 1 && len(b.failed) == 1 && b.reason != "" {
		return "Status not changed: " + b.reason
	}
	word := done(b.change.Status)
	if b.undo {
		word = "put back as they were"
	}
	parts := []string{fmt.Sprintf("%d %s", b.ok, word)}
	if b.missing > 0 {
		parts = append(parts, fmt.Sprintf("%d not found", b.missing))
	}
	if b.unconfirmed > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", b.unconfirmed, notConfirmed))
	}
	if n := len(b.failed) - b.missing - b.unconfirmed; n > 0 && b.reason != "" {
		parts = append(parts, fmt.Sprintf("%d failed (%s)", n, b.reason))
	}
	if b.stopped != "" {
		parts = append(parts, "stopped: "+b.stopped+" ("+plural.Count(b.total-b.done, "session")+" not sent)")
	}
	if len(b.failed) > 0 {
		parts = append(parts, "the ones that failed stay selected")
	}
	return strings.Join(parts, " · ")
}

// notConfirmed is a change sent whose confirming read answered another
// session, in the words cxi close uses for it.
const notConfirmed = "sent, not confirmed (the API answered another session)"

// capitalize starts a sentence that explain words as a clause.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func failure(err error) string {
	var e *api.Error
	if errors.As(err, &e) && e.Status != 0 {
		return fmt.Sprintf("HTTP %d", e.Status)
	}
	return explain.Describe(err, "").CommandLine()
}

func verb(s api.Status) string {
	if s == api.StatusOpen {
		return "Reopening"
	}
	return "Closing"
}

func done(s api.Status) string {
	if s == api.StatusOpen {
		return "reopened"
	}
	return "closed"
}

// errNoRedaction is a client that cannot redact (a test's).
var errNoRedaction = errors.New("this client cannot redact")
