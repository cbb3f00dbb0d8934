package overlay

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// named closes on esc and otherwise counts the keys it got.
type named struct {
	name string
	keys int
}

func (n named) Update(msg tea.KeyMsg) (Overlay, tea.Cmd) {
	if msg.Type == tea.KeyEsc {
		return nil, nil
	}
	n.keys++
	return n, nil
}
func (n named) View(int, int) string     { return n.name }
func (n named) ShortHelp() []key.Binding { return nil }

func TestTheTopOverlayGetsTheKeysAndClosingShowsTheOneBelow(t *testing.T) {
	var s Stack
	if !s.Empty() || s.Top() != nil {
		t.Fatal("the zero stack is not empty")
	}
	s = s.Push(named{name: "menu"}).Push(named{name: "help"})
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyDown})
	if top := s.Top().(named); top.name != "help" || top.keys != 1 {
		t.Fatalf("top %+v", top)
	}
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if top := s.Top().(named); top.name != "menu" || top.keys != 0 {
		t.Fatalf("after esc the top is %+v, want the untouched menu", top)
	}
	if s.Clear().Empty() != true {
		t.Error("Clear left something open")
	}
}

func TestPushDoesNotShareTheBackingArray(t *testing.T) {
	base := Stack{}.Push(named{name: "a"})
	one, two := base.Push(named{name: "b"}), base.Push(named{name: "c"})
	if one.Top().(named).name != "b" || two.Top().(named).name != "c" {
		t.Error("two pushes onto one stack overwrote each other")
	}
}

// waiting is an overlay that waits for the answer "done" (closes) or
// "again" (stays, counting).
type waiting struct {
	named
	answers int
}

func (w waiting) Receive(msg tea.Msg) (Overlay, tea.Cmd, bool) {
	switch msg {
	case "done":
		return nil, nil, true
	case "again":
		w.answers++
		return w, func() tea.Msg { return "asked again" }, true
	}
	return w, nil, false
}

func TestAnAnswerReachesTheOverlayWaitingForIt(t *testing.T) {
	s := Stack{}.Push(waiting{named: named{name: "editor"}}).Push(named{name: "help"})
	s, cmd, taken := s.Receive("again")
	if !taken || s.Top().(named).name != "help" || cmd == nil || cmd() != "asked again" {
		t.Fatalf("taken %v, top %v, command %v", taken, s.Top(), cmd)
	}
	if _, _, taken := s.Receive("nobody's"); taken {
		t.Error("an answer nobody waits for was taken")
	}
	s, _ = s.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if w := s.Top().(waiting); w.answers != 1 {
		t.Errorf("the editor under the help got %d answers, want 1", w.answers)
	}
	s, _, taken = s.Receive("done")
	if !taken || !s.Empty() {
		t.Errorf("taken %v, %d open after the answer that closes it", taken, len(s.open))
	}
}
