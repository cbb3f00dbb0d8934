package share

import (
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
)

// namedAtMost is how many skipped sessions a copy's notice names before
// it counts the rest: the status line is one line.
const namedAtMost = 3

// ExternalIDs copies the external_ids of the selected sessions, one a
// line, in the order on screen. A session without one, or with one that
// must not reach a clipboard (a line break, hidden characters), is
// skipped and named, never copied as an empty or dangerous line; the
// notice says how many were copied. With none to copy it says what k's
// keys copy instead. Each session is decoded in the command, not in
// Update: a month's selection takes seconds to decode.
func (m Model) ExternalIDs(sessions common.Targets, k keys.Share) tea.Cmd {
	if sessions.Len() == 1 {
		s := sessions.Session(0)
		return m.ExternalID(&s, k)
	}
	return func() tea.Msg {
		var values []string
		var none, unsafe []string
		for i := range sessions.Len() {
			s := sessions.Session(i)
			var ext string
			if t := s.TicketingSystem; t != nil {
				ext = t.ExternalID
			}
			switch {
			case strings.TrimSpace(ext) == "":
				none = append(none, s.ID)
			case clipboard.Check(ext) != nil:
				unsafe = append(unsafe, s.ID)
			default:
				values = append(values, ext)
			}
		}
		skipped := skippedWords(len(none), "without an external_id", none) + skippedWords(len(unsafe), "whose external_id holds a line break or hidden characters", unsafe)
		if len(values) == 0 {
			return common.NoticeMsg{Text: "Nothing copied: none of the " + strconv.Itoa(sessions.Len()) + " selected sessions has an external_id that can be copied; " +
				keys.Name(k.CopySessionID) + " copies their session IDs.", Bad: true}
		}
		return run(m.copyLines(plural.Count(len(values), "external_id"), values, skipped))
	}
}

// SessionIDs copies the selected sessions' IDs, one a line, in the order
// on screen; a session the API gave no usable ID is skipped and counted.
// The IDs are read without decoding a session.
func (m Model) SessionIDs(sessions common.Targets) tea.Cmd {
	if sessions.Len() == 1 {
		s := sessions.Session(0)
		return m.SessionID(&s)
	}
	return func() tea.Msg {
		var values []string
		skipped := 0
		for i := range sessions.Len() {
			id := sessions.ID(i)
			if clipboard.Check(id) != nil {
				skipped++
				continue
			}
			values = append(values, id)
		}
		said := skippedWords(skipped, "without a session ID that can be copied", nil)
		if len(values) == 0 {
			return common.NoticeMsg{Text: "Nothing copied: none of the " + strconv.Itoa(sessions.Len()) + " selected sessions has a session ID that can be copied.", Bad: true}
		}
		return run(m.copyLines(plural.Count(len(values), "session ID"), values, said))
	}
}

// copyLines copies values, one a line, and reports it as the clipboard
// says it went, with what was skipped after it.
func (m Model) copyLines(what string, values []string, skipped string) tea.Cmd {
	copyCmd := m.copier.CopyText(what, strings.Join(values, "\n"))
	if skipped == "" {
		return copyCmd
	}
	return func() tea.Msg {
		msg, ok := copyCmd().(clipboard.CopiedMsg)
		if !ok {
			return nil
		}
		text, bad := msg.Report()
		return common.NoticeMsg{Text: strings.TrimSuffix(text, ".") + skipped + ".", Bad: bad}
	}
}

// skippedWords is " · 2 skipped without an external_id: 5e0f3c1a,
// 7a1b2c3d", naming at most namedAtMost sessions and counting the rest;
// "" when n is 0. The count is always whole.
func skippedWords(n int, why string, ids []string) string {
	if n == 0 {
		return ""
	}
	s := " · " + strconv.Itoa(n) + " skipped " + why
	if len(ids) == 0 {
		return s
	}
	var names []string
	for i, id := range ids {
		if i == namedAtMost {
			names = append(names, "and "+strconv.Itoa(len(ids)-i)+" more")
			break
		}
		names = append(names, render.Line(api.ShortID(id)))
	}
	return s + ": " + strings.Join(names, ", ")
}

// run is what cmd answers, run now: inside a command that worked out
// what to copy.
func run(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}
