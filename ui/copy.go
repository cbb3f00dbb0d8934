package ui

import (
	"errors"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/render"
)

func (m Model) copyExternalID(s *api.Session) (Model, tea.Cmd) {
	switch {
	case s == nil:
		return m, nil
	case s.TicketingSystem == nil:
		return m.say("Session "+api.ShortID(s.ID)+" has no ticketing system: there is no external_id to copy.", true)
	case strings.TrimSpace(s.TicketingSystem.ExternalID) == "":
		return m.say("Session "+api.ShortID(s.ID)+"'s ticket has an empty external_id: nothing to copy.", true)
	}
	return m, m.copier.Copy("external_id", s.TicketingSystem.ExternalID)
}

func (m Model) copied(msg clipboard.CopiedMsg) (Model, tea.Cmd) {
	switch {
	case errors.Is(msg.Err, clipboard.ErrUnsafeValue):
		return m.say("Not copied: the "+msg.What+" contains a line break or control character.", true)
	case msg.Err != nil:
		return m.say("Could not copy the "+msg.What+": "+render.Line(msg.Err.Error())+".", true)
	}
	shown := render.Line(msg.Value)
	if n := strings.Count(msg.Value, "\n"); n > 0 {
		shown = fmt.Sprintf("the %s (%d lines)", msg.What, n+1)
	}
	if msg.NativeErr != nil {
		// Only the escape sequence went: whether it landed is up to the
		// terminal (and tmux's set-clipboard), so say how it was sent.
		return m.say("Copied "+shown+" via the terminal (OSC 52); no native clipboard here", false)
	}
	return m.say("Copied "+shown, false)
}

// say puts a confirmation or warning on the status line for a few seconds.
func (m Model) say(text string, bad bool) (Model, tea.Cmd) {
	m.noticeSeq++
	m.notice, m.noticeBad = text, bad
	return m, m.expireNotice(m.noticeSeq)
}
