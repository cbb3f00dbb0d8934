package epoch

import (
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

type answerMsg struct{ id int }

func answer(id int) tea.Cmd { return func() tea.Msg { return answerMsg{id} } }

func TestEpochZeroChangesNothing(t *testing.T) {
	if msg := Wrap(0, answer(1))(); msg != (answerMsg{1}) {
		t.Errorf("epoch 0 tagged %#v", msg)
	}
	if msg, ok := Open(0, answerMsg{1}); !ok || msg != (answerMsg{1}) {
		t.Errorf("Open(0) = %#v, %v", msg, ok)
	}
	if Wrap(3, nil) != nil {
		t.Error("a nil command became one")
	}
}

func TestAnOldAnswerIsDropped(t *testing.T) {
	old := Wrap(1, answer(7))()
	if msg, ok := Open(1, old); !ok || msg != (answerMsg{7}) {
		t.Errorf("same epoch: %#v, %v", msg, ok)
	}
	if _, ok := Open(2, old); ok {
		t.Error("epoch 1's answer taken in epoch 2")
	}
	// Untagged: a command from before the first switch.
	if _, ok := Open(1, answerMsg{7}); ok {
		t.Error("epoch 0's answer taken in epoch 1")
	}
	// The program's own messages are nobody's answer.
	for _, msg := range []tea.Msg{tea.KeyMsg{Type: tea.KeyEnter}, tea.WindowSizeMsg{Width: 80, Height: 24}} {
		if got, ok := Open(5, msg); !ok || !reflect.DeepEqual(got, msg) {
			t.Errorf("Open(%#v) = %#v, %v", msg, got, ok)
		}
	}
}

func TestBatchesAndQuitsKeepWorking(t *testing.T) {
	batch := Wrap(2, tea.Batch(answer(1), answer(2)))()
	cmds, ok := batch.(tea.BatchMsg)
	if !ok || len(cmds) != 2 {
		t.Fatalf("a batch became %#v", batch)
	}
	for i, c := range cmds {
		if msg, ok := Open(2, c()); !ok || msg != (answerMsg{i + 1}) {
			t.Errorf("batch's command %d answers %#v, %v", i, msg, ok)
		}
	}
	seq := Wrap(2, tea.Sequence(answer(1), answer(2)))()
	v := reflect.ValueOf(seq)
	if v.Kind() != reflect.Slice || v.Len() != 2 {
		t.Fatalf("a sequence became %#v", seq)
	}
	if msg, ok := Open(2, v.Index(1).Interface().(tea.Cmd)()); !ok || msg != (answerMsg{2}) {
		t.Errorf("sequence's second command answers %#v, %v", msg, ok)
	}
	if msg := Wrap(2, tea.Quit)(); msg != (tea.QuitMsg{}) {
		t.Errorf("quit became %#v", msg)
	}
}
