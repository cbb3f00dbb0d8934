package actions

import (
	"context"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
)

// batch is a status change sent to several sessions in turn. It reads
// its targets by index: a target's ID and status cost nothing, and the
// session is decoded in the command that sends its change, so a batch of
// a month's sessions holds none of them decoded.
type batch struct {
	change  api.StatusChange
	targets common.Targets
	back    []api.Status // an undo: per target, the status it goes back to; nil for a change
	undo    bool         // this batch undoes the last one
	next    int          // the next target to weigh: those before it were sent or left alone
	changed []undone     // what was changed, as it was before: what an undo puts back
	left    leftAlone    // the sessions the change left alone, already in its status
	total   int          // the sessions to send
	done    int          // sessions answered
	ok      int          // changed: the API took it
	outcome []string     // every other session's outcome, in change's words, in order
	failed  []string     // sessions not changed or not confirmed, to stay selected
	notSent int          // sessions never sent: stopped before their turn
	reason  string       // a batch of one: its failure as a sentence
	stopped string       // why the batch stopped before its end ("with esc")

	// ctx is the batch's: esc cancels it, which stops a request still
	// waiting its turn in the limiter; one that has left is seen through
	// (the client does not abandon a write), and the batch waits for it.
	ctx    context.Context
	cancel context.CancelFunc
	out    int // the target whose request is out; none between two
	// A 429 the rule waits out: the target retry is sent once more at
	// retryAt (none when no wait is under way); now is the clock's last
	// tick, for the countdown.
	retry    int
	retryErr error // its 429
	retried  bool  // the session out now is that retry: a second 429 stops
	retryAt  time.Time
	now      time.Time
}

// none is no target: no request out, no 429 waited out.
const none = -1

// undone is a session a change took, as it was before: what ctrl+z puts
// back. An ID and a status, not the session: a batch of a month's
// sessions keeps its undo for ten seconds.
type undone struct {
	id     string
	status api.Status
}

func newBatch(ch api.StatusChange, targets common.Targets, total int) *batch {
	ctx, cancel := context.WithCancel(context.Background())
	return &batch{change: ch, targets: targets, total: total, out: none, retry: none, ctx: ctx, cancel: cancel}
}

// changeFor is the change target i gets: an undo puts each back.
func (b *batch) changeFor(i int) api.StatusChange {
	ch := b.change
	if b.back != nil {
		ch.Status = b.back[i]
	}
	return ch
}

// leftAloneAt reports that target i is already in the status its change
// sets: nothing is sent to it.
func (b *batch) leftAloneAt(i int) bool {
	return b.changeFor(i).Status == b.targets.Status(i)
}

// next sends the change to the next target not left alone, or ends the
// batch.
func (m Model) next() (Model, tea.Cmd) {
	b := m.run
	if b.stopped != "" {
		return m, nil
	}
	for ; b.next < b.targets.Len(); b.next++ {
		if !b.leftAloneAt(b.next) {
			i := b.next
			b.next++
			return m.send(i)
		}
	}
	return m, nil
}

// more reports whether a target is still to be sent.
func (b *batch) more() bool {
	for i := b.next; i < b.targets.Len(); i++ {
		if !b.leftAloneAt(i) {
			return true
		}
	}
	return false
}

// send sends the change to target i through change.SetStatus, without a
// read before (the row is the status it is weighed against: a request of
// the budget saved per session) and without waiting out a 429 (the batch
// counts it down on screen). The session is decoded in the command, not
// in Update.
func (m Model) send(i int) (Model, tea.Cmd) {
	b := m.run
	b.out = i
	client, ch, seq, ctx, now, targets := m.client, b.changeFor(i), m.seq, b.ctx, m.ctx.Now, b.targets
	id := targets.ID(i)
	return m, func() tea.Msg {
		s := targets.Session(i)
		r := change.SetStatus(ctx, client, change.StatusRequest{ID: id, Change: ch, Before: &s})
		return DoneMsg{seq: seq, ID: id, At: now(), Result: r}
	}
}

// savingMsg is what the views show as "saving…" for a batch: every
// target it sends to, with its new status.
type savingMsg struct {
	seq    int
	saving map[string]api.Status
}

func (savingMsg) actMsg() {}

// savingAtOnce is how many targets the views show "saving…" at once, in
// Update: more than a screen of rows, a small part of a frame's work.
const savingAtOnce = 256

// markSaving is what the views show as "saving…": the batch's first
// targets at once, in the event it returns, and the others from a
// command (savingMsg), as a map of every target of a month's batch is
// more than a frame's work.
func (m Model) markSaving() (common.WriteEvent, tea.Cmd) {
	b, seq := m.run, m.seq
	n := b.targets.Len()
	now := map[string]api.Status{}
	i := 0
	for ; i < n && len(now) < savingAtOnce; i++ {
		if !b.leftAloneAt(i) {
			now[b.targets.ID(i)] = b.changeFor(i).Status
		}
	}
	ev := common.WriteEvent{Saving: now}
	if i == n {
		return ev, nil
	}
	from := i
	return ev, func() tea.Msg {
		rest := make(map[string]api.Status, n-from)
		for i := from; i < n; i++ {
			if !b.leftAloneAt(i) { // reads only what never changes: targets, back, change
				rest[b.targets.ID(i)] = b.changeFor(i).Status
			}
		}
		return savingMsg{seq: seq, saving: rest}
	}
}

// marked hands the views the batch's "saving…", less the targets already
// answered (or given up on) by the time it was worked out: the request
// out and a 429 waited out are still saving.
func (m Model) marked(msg savingMsg) (Model, common.WriteEvent, tea.Cmd) {
	b := m.run
	if b == nil || msg.seq != m.seq {
		return m, common.WriteEvent{}, nil // the batch is over: every row is settled
	}
	for i := range b.next {
		if i != b.out && i != b.retry {
			delete(msg.saving, b.targets.ID(i))
		}
	}
	return m, common.WriteEvent{Saving: msg.saving}, nil
}

// answered takes the answer of the request out: a 429 the rule waits
// out starts the countdown; any other answer is the session's outcome.
func (m Model) answered(msg DoneMsg) (Model, common.WriteEvent, tea.Cmd) {
	b := m.run
	i, id := b.out, b.targets.ID(b.out)
	b.out = none
	res := msg.Result
	if !b.retried && b.stopped == "" && !res.Took() {
		if wait, ok := change.RetryAfter(res.Err, msg.At); ok {
			b.retry, b.retryErr, b.retryAt, b.now = i, res.Err, msg.At.Add(wait), msg.At
			return m, common.WriteEvent{}, m.tick()
		}
	}
	b.retried = false
	b.done++
	ev := common.WriteEvent{Settled: []string{id}, Fresh: fresh(res)}
	switch {
	case res.Outcome == change.Stopped:
		b.notSent++
	case res.Outcome == change.Changed:
		b.ok++
	default:
		b.outcome = append(b.outcome, render.Line(res.Words()))
	}
	if res.Took() && !b.undo { // an undo is not undone
		b.changed = append(b.changed, undone{id: id, status: b.targets.Status(i)})
	}
	if !res.OK() {
		b.failed = append(b.failed, id)
	}
	if b.total == 1 {
		b.reason = m.reason(res)
	}
	if why, stop := res.Stops(); stop && res.Outcome != change.Stopped && b.stopped == "" {
		// The rest would fail the same way: not sent, kept selected.
		ev.Settled = append(ev.Settled, m.giveUp("after "+why)...)
	}
	record := m.record(m.entry(res, msg.At))
	if !b.more() || b.stopped != "" {
		m, ev, say := m.finish(ev)
		return m, ev, tea.Batch(record, say)
	}
	m, cmd := m.next()
	return m, ev, tea.Batch(record, cmd)
}

// fresh is the API's copy of the session after the change, when it
// answered with it.
func fresh(r change.StatusResult) *api.Session {
	if r.Outcome == change.Changed || r.Outcome == change.Disputed {
		return r.Session
	}
	return nil
}

// entry is r as the audit log records it, from the TUI at time at.
func (m Model) entry(r change.StatusResult, at time.Time) store.AuditEntry {
	e := r.Entry()
	e.At, e.Source = at, store.SourceTUI
	return e
}

// reason is a batch of one's failure as a sentence, "" for a success
// (the summary's count says it): a write that got no answer says it may
// have happened; an answer about another session says which.
func (m Model) reason(r change.StatusResult) string {
	switch r.Outcome {
	case change.Changed, change.ChangedNotConfirmed, change.Already, change.Stopped:
		return ""
	case change.Disputed:
		return capitalize(render.Line(r.Words())) + "."
	case change.NotConfirmed:
		return capitalize(explain.Describe(r.Err, r.ID).Sentence)
	}
	advice := explain.Describe(r.Err, r.ID).Advice(keys.Name(m.ctx.Keys.Refresh))
	if r.Outcome == change.Unknown {
		return "Sent, result unknown (it may or may not have happened): " + advice
	}
	return "Status not changed: " + advice
}

// giveUp stops the batch for why: what is still to send is not sent and
// stays selected; it returns those sessions, for the views to settle.
func (m Model) giveUp(why string) []string {
	b := m.run
	var ids []string
	for ; b.next < b.targets.Len(); b.next++ {
		if !b.leftAloneAt(b.next) {
			ids = append(ids, b.targets.ID(b.next))
		}
	}
	b.failed = append(b.failed, ids...)
	b.notSent += len(ids)
	b.stopped = why
	return ids
}

// record writes e to the audit log, after its answer (a crash cannot log
// a write that never happened); an entry without an outcome is nothing to
// record.
func (m Model) record(e store.AuditEntry) tea.Cmd {
	audit := m.set.Audit
	if audit == nil || e.Outcome == "" {
		return nil
	}
	return func() tea.Msg {
		if err := audit.Audit(context.Background(), e); err != nil {
			return common.NoticeMsg{Text: "Not recorded in the audit log (" + api.ShortID(e.SessionID) + "): " + render.Line(err.Error()) + ".", Bad: true}
		}
		return nil
	}
}

// Stop ends the batch between two requests (esc): nothing more is sent. A
// request still waiting its turn is cancelled (never sent); one that has
// left is seen through, and the batch ends with its answer, counted as
// what it was. The views hear of it from Update.
func (m Model) Stop() (Model, tea.Cmd) {
	seq := m.seq
	return m, func() tea.Msg { return stopMsg{seq: seq} }
}

// stopMsg is esc during a batch.
type stopMsg struct{ seq int }

func (stopMsg) actMsg() {}

func (m Model) stop() (Model, common.WriteEvent, tea.Cmd) {
	b := m.run
	if b.stopped != "" && b.out != none {
		// esc again: stop waiting. The request out was sent and its
		// result is unknown until its answer, which is said and recorded
		// when it comes (lateAnswer); its row stays "saving…" till then.
		id := b.targets.ID(b.out)
		m.late = &lateWrite{seq: m.seq, id: id}
		b.out = none
		b.outcome, b.failed = append(b.outcome, change.SentUnknown), append(b.failed, id)
		return m.finish(common.WriteEvent{})
	}
	if b.stopped != "" {
		return m, common.WriteEvent{}, nil
	}
	b.cancel()
	ev := common.WriteEvent{}
	var record tea.Cmd
	if i := b.retry; i != none {
		// Answered 429 and waiting its one retry: that answer is its outcome.
		id := b.targets.ID(i)
		r := change.StatusResult{ID: id, Outcome: change.Refused, Change: b.changeFor(i), Before: b.targets.Status(i), Err: b.retryErr, Sent: true}
		e := m.entry(r, m.ctx.Now())
		b.outcome, b.failed = append(b.outcome, r.Words()), append(b.failed, id)
		ev.Settled, b.retry = []string{id}, none
		record = m.record(e)
	}
	ev.Settled = append(ev.Settled, m.giveUp("with esc")...)
	if b.out != none {
		return m, ev, nil // the answer ends the batch
	}
	m, ev, say := m.finish(ev)
	return m, ev, tea.Batch(record, say)
}

// retryTickMsg is the clock during a 429's wait.
type retryTickMsg struct {
	seq int
	at  time.Time
}

func (retryTickMsg) actMsg() {}

// tick asks for the clock in a second (or at the retry, if sooner).
func (m Model) tick() tea.Cmd {
	b, seq := m.run, m.seq
	wait := min(time.Second, max(b.retryAt.Sub(b.now), 0))
	return m.ctx.Timer(wait, func(at time.Time) tea.Msg { return retryTickMsg{seq: seq, at: at} })
}

// tickAt is the tick at time at.
func (m Model) tickAt(at time.Time) Msg { return retryTickMsg{seq: m.seq, at: at} }

// counted moves the countdown; at its end the session is sent once more.
func (m Model) counted(at time.Time) (Model, common.WriteEvent, tea.Cmd) {
	b := m.run
	b.now = at
	if at.Before(b.retryAt) {
		return m, common.WriteEvent{}, m.tick()
	}
	i := b.retry
	b.retry, b.retried = none, true
	m, cmd := m.send(i)
	return m, common.WriteEvent{}, cmd
}

// waiting reports a 429's countdown under way.
func (m Model) waiting() bool { return m.run != nil && m.run.retry != none }

func (m Model) finish(ev common.WriteEvent) (Model, common.WriteEvent, tea.Cmd) {
	b := m.run
	b.cancel()
	m.run, ev.Finished, ev.Failed = nil, true, b.failed
	m.seq++ // an answer still in flight is the batch's no more
	said := summary(b)
	if m.undo, m.undoTo, m.undoBy, m.undoLeft = b.changed, b.change.Status, m.ctx.Now().Add(undoFor), b.left; len(b.changed) > 0 {
		said += " · " + keys.Name(m.ctx.Keys.Undo) + " undoes it (" + render.Duration(undoFor) + ")" // short: at 80 columns the whole summary fits
	}
	return m, ev, common.Say(said, len(b.failed) > 0)
}

// leftAlone is the sessions of a batch already in the status it sets:
// nothing is sent to them, and every line about the batch says so.
type leftAlone struct {
	n      int
	status api.Status
}

// words is "2 already resolved, left alone"; "" when none was.
func (l leftAlone) words() string {
	if l.n == 0 {
		return ""
	}
	return fmt.Sprintf("%d %s", l.n, render.Line(change.LeftAlone(l.status)))
}

// lateWrite is a request whose batch stopped waiting for its answer.
type lateWrite struct {
	seq int
	id  string
}

// lateAnswer is an answer no batch waits for. That of a write given up on
// with esc says what came of it, and is recorded then; any other still
// tells the views what the API now holds.
func (m Model) lateAnswer(msg DoneMsg) (Model, common.WriteEvent, tea.Cmd) {
	l := m.late
	res := msg.Result
	if l == nil || l.seq != msg.seq || l.id != msg.ID {
		return m, common.WriteEvent{Settled: []string{msg.ID}, Fresh: fresh(res)}, nil
	}
	m.late = nil
	say := common.Say(api.ShortID(l.id)+", sent before the batch was stopped: "+render.Line(res.Words())+".", !res.OK())
	return m, common.WriteEvent{Settled: []string{msg.ID}, Fresh: fresh(res)}, tea.Batch(m.record(m.entry(res, msg.At)), say)
}
