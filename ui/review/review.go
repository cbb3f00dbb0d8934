// Package review is the user's own marks on sessions: `m` marks the session
// in view reviewed, or unmarks it, in the local store; the views that show
// marks take the answer.
package review

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/statusline"
)

// Store is what marking needs of the local store.
type Store interface {
	SetReviewed(ctx context.Context, id string, on bool, at time.Time) error
	Marks(ctx context.Context, ids []string) (map[string]store.Mark, error)
}

// MarkedMsg is a mark written: the session, and its mark as the store now
// holds it.
type MarkedMsg struct {
	ID   string
	Mark store.Mark
	On   bool
}

// Toggle marks the session id reviewed (on) or unmarks it, at time now.
// Without a store it says why nothing happens.
func Toggle(st Store, s *api.Session, on bool, now time.Time) tea.Cmd {
	switch {
	case s == nil:
		return nil
	case st == nil:
		return statusline.Say("Review marks live in the local store, which is off this run (--no-store or store = \"off\").", true)
	}
	id := s.ID
	return func() tea.Msg {
		ctx := context.Background()
		err := st.SetReviewed(ctx, id, on, now)
		var marks map[string]store.Mark
		if err == nil {
			marks, err = st.Marks(ctx, []string{id})
		}
		if err != nil {
			return statusline.NoticeMsg{Text: "Could not keep the mark: " + err.Error() + ".", Bad: true}
		}
		return MarkedMsg{ID: id, Mark: marks[id], On: on}
	}
}

// Notice is what the status line says of the mark.
func (m MarkedMsg) Notice() tea.Cmd {
	if m.On {
		return statusline.Say("Marked "+api.ShortID(m.ID)+" reviewed.", false)
	}
	return statusline.Say("Unmarked "+api.ShortID(m.ID)+".", false)
}
