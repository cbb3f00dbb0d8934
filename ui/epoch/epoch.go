// Package epoch tells the answers of one organization's commands from
// those of the next. When the TUI switches profile it rebuilds its views
// on another client and store, and the old ones' requests still answer;
// each view compares the answer with the request it made, but a new view
// counts its requests from the start again, so an old answer could pass
// for a new one, and show (or store) one organization's sessions in
// another's. Every command the root returns after a switch is tagged with
// the switch's number, and an answer with another number is dropped.
package epoch

import (
	"reflect"

	tea "github.com/charmbracelet/bubbletea"
)

// teaPkg is bubbletea's import path: its messages come from the program
// (keys, sizes) or steer it (quit, batches), and are nobody's answer.
var teaPkg = reflect.TypeOf(tea.KeyMsg{}).PkgPath()

// cmdType is tea.Cmd's type, for the lists of commands bubbletea's
// batches and sequences are.
var cmdType = reflect.TypeOf(tea.Cmd(nil))

// Msg is an answer tagged with the epoch of the command that gave it.
type Msg struct {
	n   int
	msg tea.Msg
}

// Wrap tags what cmd answers with epoch n. Epoch 0, before any switch,
// leaves cmd as it is, so that nothing changes for a run that never
// switches. Bubbletea's own messages pass as they are (a quit still
// quits), and the commands of a batch or a sequence are tagged each.
func Wrap(n int, cmd tea.Cmd) tea.Cmd {
	if n == 0 || cmd == nil {
		return cmd
	}
	return func() tea.Msg { return tag(n, cmd()) }
}

func tag(n int, msg tea.Msg) tea.Msg {
	if msg == nil {
		return nil
	}
	t := reflect.TypeOf(msg)
	named := t
	if t.Kind() == reflect.Pointer {
		named = t.Elem()
	}
	if named.PkgPath() != teaPkg {
		return Msg{n: n, msg: msg}
	}
	// tea.BatchMsg, and tea.Sequence's unexported message: lists of
	// commands the program runs, whose answers are tagged in turn.
	if t.Kind() == reflect.Slice && t.Elem() == cmdType {
		in := reflect.ValueOf(msg)
		out := reflect.MakeSlice(t, in.Len(), in.Len())
		for i := range in.Len() {
			c, _ := in.Index(i).Interface().(tea.Cmd)
			out.Index(i).Set(reflect.ValueOf(Wrap(n, c)))
		}
		return out.Interface()
	}
	return msg
}

// Open returns the message msg carries and whether it is of epoch n: a
// tagged answer of the same epoch, or one from the program itself (a key,
// a size). Once n is past 0, an untagged answer is epoch 0's, and stale.
func Open(n int, msg tea.Msg) (tea.Msg, bool) {
	if e, ok := msg.(Msg); ok {
		return e.msg, e.n == n
	}
	if n == 0 || msg == nil {
		return msg, true
	}
	t := reflect.TypeOf(msg)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return msg, t.PkgPath() == teaPkg
}
