// Package review is the user's own marks on sessions: `m` marks the session
// in view reviewed, or unmarks it, in the local store; the views that show
// marks take the answer.
package review

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
)

// Store is what marks and notes need of the local store.
type Store interface {
	SetReviewed(ctx context.Context, id string, on bool, at time.Time) error
	SetNote(ctx context.Context, id, text string, at time.Time) error
	Marks(ctx context.Context, ids []string) (map[string]store.Mark, error)
	// Stopped is why the store stopped remembering while cxi ran, or nil.
	Stopped() error
}

// MarkedMsg is a mark written: the session, and its mark as the store now
// holds it; or, for several sessions marked at once, each one's in Marks.
type MarkedMsg struct {
	ID    string
	Mark  store.Mark
	Marks map[string]store.Mark // several sessions' marks (ToggleAll); nil for one
	Said  string                // what the status line says of it
	Note  bool                  // it was the note that was written (the editor waits for it)
}

// All is every session's mark the message carries, by session ID.
func (m MarkedMsg) All() map[string]store.Mark {
	if m.Marks != nil {
		return m.Marks
	}
	return map[string]store.Mark{m.ID: m.Mark}
}

// NoteAnswer tells the note editor its note was kept.
func (m MarkedMsg) NoteAnswer() (string, bool, error) { return m.ID, m.Note, nil }

// FailedMsg is a mark or note the store did not keep.
type FailedMsg struct {
	ID   string
	Note bool   // it was the note (the editor, if still open, says it and keeps the text)
	Said string // what was not kept, and why, in a sentence
	Err  error
}

// NoteAnswer tells the note editor its note was not kept, and why.
func (m FailedMsg) NoteAnswer() (string, bool, error) { return m.ID, m.Note, errors.New(m.Said) }

// Notice is what the status line says of the failure, when no editor is
// left to say it.
func (m FailedMsg) Notice() tea.Cmd { return common.Say(m.Said, true) }

// Stopped is what the header says for good when the failure was the store
// stopping remembering (a full or read-only disk): its reason in a few
// words; "" for a failure of this write only.
func (m FailedMsg) Stopped() string { return StoppedReason(m.Err) }

// StoppedReason is the few words the header says of a store that stopped
// remembering, err being why (store.Stopped); "" when err is not that.
func StoppedReason(err error) string {
	var nr *store.NotRememberingError
	if !errors.As(err, &nr) {
		return ""
	}
	return nr.Reason()
}

// why is err as the end of "Could not keep …: why".
func why(err error) string {
	if r := StoppedReason(err); r != "" {
		return "the local store stopped remembering (" + r + ")"
	}
	return strings.TrimSuffix(err.Error(), ".")
}

// Toggle marks session s reviewed, or unmarks it when reviewed says it is,
// at the time ctx's clock tells when the mark is written. Without a store
// it says why nothing happens.
func Toggle(ctx common.Context, st Store, s *api.Session, reviewed func(id string) bool) tea.Cmd {
	switch {
	case s == nil:
		return nil
	case st == nil:
		return common.Say("Review marks live in the local store, which is off this run (--no-store or store = \"off\").", true)
	}
	id, on := s.ID, !reviewed(s.ID)
	said := "Marked " + api.ShortID(id) + " reviewed."
	if !on {
		said = "Unmarked " + api.ShortID(id) + "."
	}
	return write(st, id, false, ctx.Now, func(c context.Context, at time.Time) error { return st.SetReviewed(c, id, on, at) },
		said, "Could not keep the mark on "+api.ShortID(id))
}

// Notice is what the status line says of the mark; nil when the failure
// that came with it says it.
func (m MarkedMsg) Notice() tea.Cmd {
	if m.Said == "" {
		return nil
	}
	return common.Say(m.Said, false)
}

// SaveNote writes text (empty deletes) as the note on session id, at the
// time ctx's clock tells when it is written; without a store it says why
// nothing happens.
func SaveNote(ctx common.Context, st Store, id, text string) tea.Cmd {
	if st == nil {
		// A FailedMsg, not a notice: the editor waits for an answer, and
		// keeps the text it could not give to anyone.
		return func() tea.Msg {
			return FailedMsg{ID: id, Note: true, Said: "Notes live in the local store, which is off this run (--no-store or store = \"off\")."}
		}
	}
	said := "Note on " + api.ShortID(id) + " kept."
	if text == "" {
		said = "Note on " + api.ShortID(id) + " removed."
	}
	return write(st, id, true, ctx.Now, func(c context.Context, at time.Time) error { return st.SetNote(c, id, text, at) },
		said, "Could not keep the note on "+api.ShortID(id))
}

// write is the command that runs save in st at now() (the time of the
// write, not of the key that asked for it), reads session id's mark back
// and says said of it, or failed and why. A note is only said kept when
// the store took it and reads it back.
func write(st Store, id string, note bool, now func() time.Time, save func(ctx context.Context, at time.Time) error, said, failed string) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		err := save(ctx, now())
		var marks map[string]store.Mark
		if err == nil {
			marks, err = st.Marks(ctx, []string{id})
		}
		if err != nil {
			return FailedMsg{ID: id, Note: note, Said: failed + ": " + why(err) + ".", Err: err}
		}
		return MarkedMsg{ID: id, Mark: marks[id], Said: said, Note: note}
	}
}

// Saver is what the note editor runs on ctrl+s: it keeps the note in st,
// stamped when it is saved. The root opens the editor with it; the review
// does not import the editor (views are leaves).
func Saver(ctx common.Context, st Store) func(id, text string) tea.Cmd {
	return func(id, text string) tea.Cmd { return SaveNote(ctx, st, id, text) }
}
