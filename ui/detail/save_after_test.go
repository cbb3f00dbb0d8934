package detail_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/detail"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
)

// TestFetchedSessionIsSavedAfterItIsShown: the lookup's answer reaches the
// pane before the store has it (the save is no longer on the way to the
// panels), and the command the answer returns saves it, then recalls it.
func TestFetchedSessionIsSavedAfterItIsShown(t *testing.T) {
	st, notices, err := store.Open(store.Options{Dir: filepath.Join(t.TempDir(), "cxi"), Demo: true})
	if err != nil || st == nil {
		t.Fatalf("store: %v %v", notices, err)
	}
	t.Cleanup(func() { st.Close() })
	sA := session(idA, "Dana Whitfield")
	m, _ := newModel(t, newStub(sA))
	m = m.WithMemory(st)
	kept := func() bool {
		t.Helper()
		_, _, ok, err := st.Session(context.Background(), idA)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}

	m, _, cmd := m.Lookup(idA)
	loaded := one(t, cmd)
	if kept() {
		t.Fatal("the lookup saved the session before the pane had it")
	}
	m, ev, cmd := m.Update(loaded)
	if m.Shown() != sA || ev.Arrived != sA {
		t.Fatalf("not shown: event %+v", ev)
	}
	if kept() {
		t.Fatal("saved before the pane's command ran")
	}
	if cmd == nil {
		t.Fatal("no command to save the session")
	}
	msgs := keytest.Run(cmd)
	if !kept() {
		t.Error("the session was not saved after it was shown")
	}
	var recalled bool
	for _, msg := range msgs {
		if r, ok := msg.(detail.RecalledMsg); ok && r.ID == idA {
			recalled = true
		}
	}
	if !recalled {
		t.Errorf("no recall after the save: %#v", msgs)
	}
}
