package actions

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
)

// program runs commands as bubbletea does, each on a goroutine of its
// own, and hands their messages to one loop, in whatever order they end.
type program struct {
	pending int
	msgs    chan tea.Msg
}

func (p *program) start(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	p.pending++
	go func() { p.msgs <- cmd() }()
}

// next is the next message of a command, a batch's commands started; ok
// is false once no command is left.
func (p *program) next() (tea.Msg, bool) {
	for p.pending > 0 {
		msg := <-p.msgs
		p.pending--
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				p.start(c)
			}
			continue
		}
		if msg != nil {
			return msg, true
		}
	}
	return nil, false
}

// TestEveryTargetShowsSavingUntilItsAnswer: a batch larger than what is
// marked "saving…" at once, its commands run beside Update as in the
// program. A view that keeps what the events say (as the queue does)
// shows every target saving from the start or from the command that marks
// the rest until its answer, never one already answered, and none once
// the batch has ended; every target is sent once, those already in the
// status not at all.
func TestEveryTargetShowsSavingUntilItsAnswer(t *testing.T) {
	const n = 3 * savingAtOnce
	var sessions []api.Session
	left := 0
	a := &statusAPI{status: map[string]api.Status{}}
	for i := range n {
		s := api.Session{ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Status: api.StatusOpen}
		if i%10 == 0 {
			s.Status = api.StatusClosedResolved // left alone
			left++
		}
		sessions = append(sessions, s)
	}
	m := New(testCtx(), a, common.WriteSettings{})
	saving := map[string]api.Status{}
	answered := map[string]bool{}
	take := func(ev common.WriteEvent) {
		for id, st := range ev.Saving {
			if answered[id] {
				t.Errorf("%s shown saving after its answer", id)
			}
			saving[id] = st
		}
		for _, id := range ev.Settled {
			answered[id] = true
			delete(saving, id)
		}
	}

	p := &program{msgs: make(chan tea.Msg)}
	m, ev, cmd := m.Update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Targets: common.SessionTargets(sessions...)})
	take(ev)
	if len(saving) != savingAtOnce {
		t.Errorf("%d shown saving at once, want %d", len(saving), savingAtOnce)
	}
	p.start(cmd)
	for msg, ok := p.next(); ok; msg, ok = p.next() {
		if msg, ok := msg.(Msg); ok {
			m, ev, cmd = m.Update(msg)
			take(ev)
			p.start(cmd)
		}
	}
	if m.Running() || len(saving) != 0 {
		t.Errorf("after the batch: running %v, %d still saving", m.Running(), len(saving))
	}
	if len(a.patched) != n-left {
		t.Errorf("%d sent, want %d", len(a.patched), n-left)
	}
	for _, id := range a.patched {
		if !answered[id] || a.status[id] != api.StatusClosedResolved {
			t.Errorf("%s sent but not answered or not closed", id)
		}
	}
}
