package review_test

import (
	"context"
	"errors"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/review"
	"github.com/opencx-tools/cxi/ui/statusline"
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
	ed := review.Editor(testCtx(c), st, &api.Session{ID: sessionID}, "", 80, 20)
	c.now = opened.Add(7 * time.Minute)
	ed, _ = keytest.Press(t, ed, "c", "a", "l", "l")
	_, cmd := ed.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	m := marked(t, cmd)
	if len(st.at) != 1 || !st.at[0].Equal(c.now) || m.Mark.Note != "call" || !m.Mark.NoteAt.Equal(c.now) || m.Said != "Note on 3c90c3cc kept." {
		t.Errorf("note written at %v, mark %+v, said %q; want %v", st.at, m.Mark, m.Said, c.now)
	}

	asked := c.now
	cmd = review.Toggle(testCtx(c), st, &api.Session{ID: sessionID}, func(string) bool { return false })
	c.now = asked.Add(time.Second)
	if m := marked(t, cmd); !m.Mark.ReviewedAt.Equal(c.now) || m.Said != "Marked 3c90c3cc reviewed." {
		t.Errorf("mark %+v, said %q; want it at %v", m.Mark, m.Said, c.now)
	}
}

// TestAFailedWriteSaysWhich: a store that fails says which write was not
// kept, and why.
func TestAFailedWriteSaysWhich(t *testing.T) {
	c, st := &clock{now: time.Unix(0, 0)}, &memory{err: errors.New("disk full")}
	for _, tt := range []struct {
		cmd  tea.Cmd
		want string
	}{
		{review.Toggle(testCtx(c), st, &api.Session{ID: sessionID}, func(string) bool { return true }), "Could not keep the mark: disk full."},
		{review.SaveNote(testCtx(c), st, sessionID, "x"), "Could not keep the note: disk full."},
	} {
		msgs := keytest.Run(tt.cmd)
		if n, ok := msgs[0].(statusline.NoticeMsg); len(msgs) != 1 || !ok || n.Text != tt.want || !n.Bad {
			t.Errorf("said %v, want %q", msgs, tt.want)
		}
	}
}
