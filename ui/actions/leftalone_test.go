package actions

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
)

// oneOpenTwoResolved is the selection: one open row, two resolved.
func oneOpenTwoResolved() []api.Session {
	return []api.Session{
		{ID: idAsked, Status: api.StatusOpen},
		{ID: idAsked2, Status: api.StatusClosedResolved},
		{ID: idOther, Status: api.StatusClosedResolved},
	}
}

// TestTheConfirmationCountsWhatItLeavesAlone: one open and two resolved
// rows, "close as resolved": the confirmation says it closes one and
// leaves two alone, never "Close 3 sessions"; before a status is picked
// each entry says how many it would leave alone.
func TestTheConfirmationCountsWhatItLeavesAlone(t *testing.T) {
	m := New(testCtx(), &statusAPI{status: map[string]api.Status{}}, common.WriteSettings{})
	o, _ := m.Menu(common.SessionTargets(oneOpenTwoResolved()...), nil, true)
	v := o.View(100, 30)
	for _, want := range []string{"Status of 3 sessions", "1  close as resolved    (2 already resolved)", "3  reopen               (1 already open)"} {
		if !strings.Contains(v, want) {
			t.Errorf("the menu lacks %q:\n%s", want, v)
		}
	}
	o, _ = o.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1")})
	if want := "Close 1 session as resolved · 2 already resolved, left alone · enter do it"; !strings.Contains(o.View(100, 30), want) {
		t.Errorf("the confirmation does not say exactly what happens:\n%s\nwant %q", o.View(100, 30), want)
	}
	// At 80 columns it wraps, never cut: every word of it is read.
	if v := o.View(80, 30); !strings.Contains(v, "left alone · enter do it ·") || !strings.Contains(v, "esc cancel") {
		t.Errorf("at 80 columns the confirmation is cut:\n%s", v)
	}
	o, _ = o.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("3")})
	if want := "Reopen 2 sessions · 1 already open, left alone"; !strings.Contains(o.View(100, 30), want) {
		t.Errorf("reopening:\n%s\nwant %q", o.View(100, 30), want)
	}
}

// TestTheSummaryAndTheUndoSayTheSame: the batch sends one change, and its
// summary says what the confirmation said; ctrl+z puts back only the one
// it changed, and says the two were left alone in the same words.
func TestTheSummaryAndTheUndoSayTheSame(t *testing.T) {
	a := &statusAPI{status: map[string]api.Status{}}
	d := &driver{t: t, m: New(testCtx(), a, common.WriteSettings{})}
	d.run(d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: oneOpenTwoResolved()}))
	if fmt.Sprint(a.patched) != "["+idAsked+"]" {
		t.Errorf("patched %v, want only the open one", a.patched)
	}
	if want := "1 closed as resolved · 2 already resolved, left alone · ctrl+z undoes it (10s)"; d.last().Text != want || d.last().Bad {
		t.Errorf("summary %+v\nwant %q", d.last(), want)
	}
	if ev := d.finished(); ev == nil || len(ev.Failed) != 0 {
		t.Errorf("finished %+v: the sessions left alone are no failure", ev)
	}

	d.said, d.events = nil, nil
	d.run(d.update(d.m.Undo()().(Msg)))
	if fmt.Sprint(a.patched) != "["+idAsked+" "+idAsked+"]" || a.status[idAsked] != api.StatusOpen {
		t.Errorf("the undo patched %v (status now %q), want the open one back to open only", a.patched, a.status[idAsked])
	}
	if want := "1 put back as it was · 2 already resolved, left alone"; d.last().Text != want {
		t.Errorf("the undo said %q\nwant %q", d.last().Text, want)
	}
}
