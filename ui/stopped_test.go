package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api/store"
)

// fullStore is a real store on a disk that filled up while cxi ran: reads
// answer from what is there, and marks and notes fail as the store's own
// do once it stopped remembering (api/store's TestFullDiskTurnsTheStoreOff
// fills a real one with max_page_count).
type fullStore struct {
	*store.Store
	full *store.NotRememberingError // nil until the disk fills
}

func (f *fullStore) SetReviewed(ctx context.Context, id string, on bool, at time.Time) error {
	if f.full != nil {
		return f.full
	}
	return f.Store.SetReviewed(ctx, id, on, at)
}

func (f *fullStore) SetNote(ctx context.Context, id, text string, at time.Time) error {
	if f.full != nil {
		return f.full
	}
	return f.Store.SetNote(ctx, id, text, at)
}

func (f *fullStore) Stopped() error {
	if f.full != nil {
		return f.full
	}
	return nil
}

func diskFull(path string) *store.NotRememberingError {
	return &store.NotRememberingError{Path: path, Err: errors.New("database or disk is full (13)")}
}

const stoppedHeader = "not remembering: database or disk is full"

// TestSavesThatFailSaySo: with the disk full, a note is not said kept but
// stays in the editor with why, a mark is not said marked, and the header
// says the store stopped remembering and why, for good.
func TestSavesThatFailSaySo(t *testing.T) {
	st := openStore(t, t.TempDir())
	mem := &fullStore{Store: st}
	m := startedModel(t, &stubClient{sessions: stubSessions(3)}, func(o *Options) { o.Memory = mem })
	mem.full = diskFull(st.Path())

	m = press(m, "enter", "e")
	m = send(m, keyRunes("Refund owed; call back Monday"))
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	m = drain(next.(Model), cmd)
	v := m.View()
	flat := strings.Join(strings.Fields(v), " ")
	for _, want := range []string{"Your note on 00000000", "Refund owed; call back Monday",
		"Could not keep the note on 00000000: the local store stopped remembering (database or disk is full). Your text is still here."} {
		if !strings.Contains(flat, want) {
			t.Errorf("after ctrl+s on a full disk the screen lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "kept.") {
		t.Errorf("a note that was not kept is said kept:\n%s", v)
	}
	if h := strings.Split(v, "\n")[0]; !strings.Contains(h, stoppedHeader) {
		t.Errorf("the header does not say the store stopped:\n%s", h)
	}
	assertFits(t, v, 120, 40)

	m = press(m, "esc", "m")
	v = m.View()
	if strings.Contains(v, "Marked") || !strings.Contains(v, "Could not keep the mark on 00000000: the local store stopped remembering (database or disk is full).") {
		t.Errorf("m on a full disk:\n%s", v)
	}
	if marks, _ := st.Marks(context.Background(), []string{stubID(0)}); len(marks) != 0 {
		t.Errorf("the store holds %+v", marks)
	}

	// The disk freed, a note is kept again and the editor closes; the
	// header keeps saying the store stopped, as the store stays off.
	mem.full = nil
	m = press(m, "e")
	m = send(m, keyRunes("Second try"))
	next, cmd = m.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	m = drain(next.(Model), cmd)
	if v := m.View(); strings.Contains(v, "Your note on 00000000 ·") || !strings.Contains(v, "Note on 00000000 kept.") {
		t.Errorf("a note kept is not said kept, or the editor stayed:\n%s", v)
	}
}

// TestTheHeaderSaysTheStoreStoppedFromABackgroundWrite: a page the store
// could not keep is dropped quietly by the queue; the header still learns
// of it at the next tick of the clock.
func TestTheHeaderSaysTheStoreStoppedFromABackgroundWrite(t *testing.T) {
	st := openStore(t, t.TempDir())
	mem := &fullStore{Store: st}
	m := startedModel(t, &stubClient{sessions: stubSessions(3)}, func(o *Options) { o.Memory = mem })
	m = send(m, clockTickMsg{now: fixedNow()})
	if h := strings.Split(m.View(), "\n")[0]; strings.Contains(h, "remembering") {
		t.Fatalf("a store that keeps is said stopped:\n%s", h)
	}
	mem.full = diskFull(st.Path())
	m = send(m, clockTickMsg{now: fixedNow().Add(time.Second)})
	if h := strings.Split(m.View(), "\n")[0]; !strings.Contains(h, stoppedHeader) {
		t.Errorf("the header does not say the store stopped:\n%s", h)
	}
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if h := strings.Split(m.View(), "\n")[0]; !strings.Contains(h, stoppedHeader) {
		t.Errorf("at 80 columns the header lost it:\n%s", h)
	}
}

// TestAStoreThatCouldNotOpenIsInTheHeader: when the store could not be
// opened at start, the notice fades but the header keeps saying that
// nothing is remembered this run.
func TestAStoreThatCouldNotOpenIsInTheHeader(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(2)}, func(o *Options) {
		o.Notices = []string{"Not remembering this run: the local store /x/org.sqlite cannot be used (read-only file system)."}
		o.Unkept = "the store could not be opened (cxi store says why)"
	})
	m = m.tick(clockTickMsg{now: m.now.Add(time.Minute)})
	if v := m.View(); !strings.Contains(strings.Split(v, "\n")[0], "not remembering: the store could not be opened") {
		t.Errorf("the header does not say it:\n%s", v)
	}
}
