package review_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/overlay/noteedit"
	"github.com/opencx-tools/cxi/ui/review"
)

const sessionID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"

// memory is a store that keeps one session's mark and when it was written.
type memory struct {
	mark store.Mark
	at   []time.Time
	err  error
}

func (m *memory) SetReviewed(_ context.Context, _ string, on bool, at time.Time) error {
	m.at = append(m.at, at)
	if on {
		m.mark.ReviewedAt = at
	} else {
		m.mark.ReviewedAt = time.Time{}
	}
	return m.err
}

func (m *memory) SetNote(_ context.Context, _, text string, at time.Time) error {
	m.at = append(m.at, at)
	m.mark.Note, m.mark.NoteAt = text, at
	return m.err
}

func (m *memory) Marks(context.Context, []string) (map[string]store.Mark, error) {
	return map[string]store.Mark{sessionID: m.mark}, nil
}

func (m *memory) Stopped() error {
	if errors.As(m.err, new(*store.NotRememberingError)) {
		return m.err
	}
	return nil
}

// fullDisk is what the store answers, every time, once a full disk
// stopped it remembering (api/store's TestFullDiskTurnsTheStoreOff).
var fullDisk = &store.NotRememberingError{Path: "/state/cxi/org.sqlite", Err: errors.New("database or disk is full (13)")}

// clock is a test's time, moved by hand.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

func testCtx(c *clock) common.Context {
	return common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: c.Now}
}

func marked(t *testing.T, cmd tea.Cmd) review.MarkedMsg {
	t.Helper()
	msgs := keytest.Run(cmd)
	if len(msgs) != 1 {
		t.Fatalf("messages %v", msgs)
	}
	m, ok := msgs[0].(review.MarkedMsg)
	if !ok {
		t.Fatalf("%#v is no MarkedMsg", msgs[0])
	}
	return m
}

// TestANoteIsStampedWhenSaved: a note typed for minutes is stamped with
// the time ctrl+s saved it, not the time the editor opened; a mark with
// the time it is written.
func TestANoteIsStampedWhenSaved(t *testing.T) {
	opened := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	c, st := &clock{now: opened}, &memory{}
	var ed overlay.Overlay = noteedit.New(testCtx(c), &api.Session{ID: sessionID}, "", 80, 20, review.Saver(testCtx(c), st))
	c.now = opened.Add(7 * time.Minute)
	ed, _ = keytest.Press(t, ed, "c", "a", "l", "l")
	ed, cmd := ed.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	m := marked(t, cmd)
	if len(st.at) != 1 || !st.at[0].Equal(c.now) || m.Mark.Note != "call" || !m.Mark.NoteAt.Equal(c.now) || m.Said != "Note on 3c90c3cc kept." {
		t.Errorf("note written at %v, mark %+v, said %q; want %v", st.at, m.Mark, m.Said, c.now)
	}
	if ed, _, taken := ed.(overlay.Receiver).Receive(m); !taken || ed != nil {
		t.Errorf("the editor did not close when its note was kept: taken %v, %v", taken, ed)
	}

	asked := c.now
	cmd = review.Toggle(testCtx(c), st, &api.Session{ID: sessionID}, func(string) bool { return false })
	c.now = asked.Add(time.Second)
	if m := marked(t, cmd); !m.Mark.ReviewedAt.Equal(c.now) || m.Said != "Marked 3c90c3cc reviewed." {
		t.Errorf("mark %+v, said %q; want it at %v", m.Mark, m.Said, c.now)
	}
}

// TestAFailedWriteSaysWhich: a store that fails says which write was not
// kept, and why; a store that stopped remembering says so, for the header.
func TestAFailedWriteSaysWhich(t *testing.T) {
	c := &clock{now: time.Unix(0, 0)}
	for _, tt := range []struct {
		err     error
		cmd     func(st review.Store) tea.Cmd
		note    bool
		want    string
		stopped string
	}{
		{errors.New("disk I/O error"), func(st review.Store) tea.Cmd {
			return review.Toggle(testCtx(c), st, &api.Session{ID: sessionID}, func(string) bool { return true })
		}, false, "Could not keep the mark on 3c90c3cc: disk I/O error.", ""},
		{errors.New("disk I/O error"), func(st review.Store) tea.Cmd { return review.SaveNote(testCtx(c), st, sessionID, "x") },
			true, "Could not keep the note on 3c90c3cc: disk I/O error.", ""},
		{fullDisk, func(st review.Store) tea.Cmd {
			return review.Toggle(testCtx(c), st, &api.Session{ID: sessionID}, func(string) bool { return false })
		}, false, "Could not keep the mark on 3c90c3cc: the local store stopped remembering (database or disk is full).", "database or disk is full"},
		{fullDisk, func(st review.Store) tea.Cmd { return review.SaveNote(testCtx(c), st, sessionID, "x") },
			true, "Could not keep the note on 3c90c3cc: the local store stopped remembering (database or disk is full).", "database or disk is full"},
	} {
		msgs := keytest.Run(tt.cmd(&memory{err: tt.err}))
		f, ok := msgs[0].(review.FailedMsg)
		if len(msgs) != 1 || !ok || f.Said != tt.want || f.Note != tt.note || f.ID != sessionID {
			t.Errorf("said %#v, want %q", msgs, tt.want)
			continue
		}
		if f.Stopped() != tt.stopped {
			t.Errorf("%q: stopped %q, want %q", tt.want, f.Stopped(), tt.stopped)
		}
		if n, ok := keytest.Run(f.Notice())[0].(common.NoticeMsg); !ok || n.Text != tt.want || !n.Bad {
			t.Errorf("notice %#v, want %q as a warning", n, tt.want)
		}
	}
}

// TestANoteNotKeptStaysInTheEditor: ctrl+s on a store that stopped
// remembering (a full disk) leaves the editor open, the text in it and the
// reason above it; nothing says "kept". Once the store takes it, the
// editor closes.
func TestANoteNotKeptStaysInTheEditor(t *testing.T) {
	c, st := &clock{now: time.Unix(0, 0)}, &memory{err: fullDisk}
	var ed overlay.Overlay = noteedit.New(testCtx(c), &api.Session{ID: sessionID}, "", 100, 20, review.Saver(testCtx(c), st))
	ed = typeInto(ed, "Refund owed; call back Monday")
	ed, cmd := ed.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	if ed == nil {
		t.Fatal("ctrl+s closed the editor before the store answered")
	}
	if v := ed.View(100, 20); !strings.Contains(v, "saving…") {
		t.Errorf("no word of the save under way:\n%s", v)
	}
	if again, _ := ed.Update(tea.KeyMsg{Type: tea.KeyCtrlS}); again == nil {
		t.Error("a second ctrl+s while saving closed the editor")
	}
	msgs := keytest.Run(cmd)
	if len(msgs) != 1 {
		t.Fatalf("messages %#v", msgs)
	}
	ed, _, taken := ed.(overlay.Receiver).Receive(msgs[0])
	if !taken || ed == nil {
		t.Fatalf("the answer closed the editor (taken %v): the note was not kept", taken)
	}
	v := ed.View(100, 20)
	for _, want := range []string{"Refund owed; call back Monday", "Could not keep the note on 3c90c3cc: the local store stopped", "Your text is still here."} {
		if !strings.Contains(strings.Join(strings.Fields(v), " "), want) {
			t.Errorf("the editor does not show %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "kept.") || strings.Contains(v, "saving…") {
		t.Errorf("the editor says the note was kept, or is still saving:\n%s", v)
	}
	if n := len(strings.Split(v, "\n")); n > 20 {
		t.Errorf("the editor draws %d lines in a pane of 20", n)
	}
	// An answer about another session, or a mark, is not the editor's.
	if _, _, taken := ed.(overlay.Receiver).Receive(review.MarkedMsg{ID: sessionID}); taken {
		t.Error("the editor took a review mark's answer")
	}

	st.err = nil
	ed, cmd = ed.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	if m := marked(t, cmd); m.Mark.Note != "Refund owed; call back Monday" {
		t.Errorf("kept %q", m.Mark.Note)
	} else if ed, _, taken := ed.(overlay.Receiver).Receive(m); !taken || ed != nil {
		t.Error("the editor stayed open after its note was kept")
	}
}

// TestANoteWithoutAStoreStaysInTheEditor: with the store off, ctrl+s says
// why in the editor instead of closing it with the text.
func TestANoteWithoutAStoreStaysInTheEditor(t *testing.T) {
	var ed overlay.Overlay = noteedit.New(testCtx(&clock{}), &api.Session{ID: sessionID}, "", 100, 20, review.Saver(testCtx(&clock{}), nil))
	ed = typeInto(ed, "keep me")
	ed, cmd := ed.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	ed, _, taken := ed.(overlay.Receiver).Receive(keytest.Run(cmd)[0])
	if !taken || ed == nil || !strings.Contains(ed.View(100, 20), "keep me") || !strings.Contains(ed.View(100, 20), "Notes live in the local store") {
		t.Errorf("taken %v, editor %v", taken, ed)
	}
}

// typeInto types text into o as one key message, as a paste arrives.
func typeInto(o overlay.Overlay, text string) overlay.Overlay {
	o, _ = o.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text)})
	return o
}
