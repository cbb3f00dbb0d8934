package share

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/summary"
)

// The values a command copies by name (the command line's :copy FIELD).
const (
	NamedExternalID = "external_id"
	NamedID         = "id"
	NamedSummary    = "summary"
)

// CopyNamed copies the value called field of s, or for the two IDs of the
// selected sessions when there are any, with the routine its key or the
// copy menu calls: y (ExternalID, ExternalIDs), Y (SessionID, SessionIDs),
// the menu's Markdown summary. So a value with control characters is
// refused, and OSC 52 and tmux are asked, exactly as there.
func (m Model) CopyNamed(field string, k keys.Share, s *api.Session, selected common.Targets, now time.Time) tea.Cmd {
	if s == nil && selected.Len() == 0 {
		return common.Say("No session here to copy from: open one, or put the queue's cursor on one.", true)
	}
	switch field {
	case NamedExternalID:
		if selected.Len() > 0 {
			return m.ExternalIDs(selected, k)
		}
		return m.ExternalID(s, k)
	case NamedID:
		if selected.Len() > 0 {
			return m.SessionIDs(selected)
		}
		return m.SessionID(s)
	case NamedSummary:
		if s == nil { // the selection alone: a summary is of one session
			return common.Say("The summary is of one session: open it, or put the queue's cursor on it.", true)
		}
		return m.copier.CopyText("Markdown summary", summary.Markdown(s, now))
	}
	return common.Say("No value called "+render.Line(field)+" to copy.", true)
}
