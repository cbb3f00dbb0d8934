package actions

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// confirmWord is what the user types to confirm a redaction, as
// `gh repo delete` asks for the name: a permanent act takes a word, not a key.
const confirmWord = "redact"

// RedactedMsg is a redaction answered.
type RedactedMsg struct {
	SessionID string
	MessageID string // the one message redacted; "" for every message of the session
	Result    *api.Redaction
	Err       error
	Kept      error // why the local store's copy could not be erased; nil when it was, or none was kept
	Unlogged  error // why the audit log could not record it; nil when it did
}

func (RedactedMsg) actMsg() {}

// RedactMenu asks to confirm the redaction of every message of s, or of
// the one message msg when it is set (the transcript's).
func (m Model) RedactMenu(s *api.Session, msg *api.Event) (overlay.Overlay, tea.Cmd) {
	switch {
	case s == nil:
		return nil, nil
	case m.set.ReadOnly != "":
		return nil, common.Say("Read-only ("+m.set.ReadOnly+"): nothing is sent, so nothing is redacted.", true)
	}
	// The API redacts one message by its id; the newer reference page's
	// history gives none. Such a message is not sent as messageId "" (or
	// at all): the whole session is offered instead, confirmed the same way.
	var alone string
	if msg != nil && !msg.HasID() {
		alone = "This message (" + excerpt(msg.Text) + ") cannot be redacted alone: the API redacts a message by its id, and this history did not give it one. Redact every message of the session instead?"
		msg = nil
	}
	word, reason := textinput.New(), textinput.New()
	word.Prompt, reason.Prompt = "type "+confirmWord+": ", "reason (optional): "
	word.Focus()
	return redactMenu{theme: m.ctx.Theme, keys: m.ctx.Keys.ForRedaction(), session: *s, message: msg, alone: alone, word: word, reason: reason,
		send: m.sendRedaction, org: m.set.Org}, nil
}

// redactSentMsg says a redaction left: until its answer, a switch of
// profile waits (Pending). It may arrive after the answer, as the batch
// runs both at once: the count goes back to 0 either way.
type redactSentMsg struct{}

func (redactSentMsg) actMsg() {}

// sendRedaction is redact, counted as pending until its answer.
func (m Model) sendRedaction(s api.Session, msg *api.Event, reason string) tea.Cmd {
	return tea.Batch(m.redact(s, msg, reason), func() tea.Msg { return redactSentMsg{} })
}

// RedactSelected is X in the queue: the redaction of the one session the
// queue's action takes (the selected row, else the one under the cursor).
// A redaction is permanent and cannot be undone, so it is confirmed one
// session at a time, with the session named: with several selected it
// sends nothing and says why. Only that one session is decoded.
func (m Model) RedactSelected(targets common.Targets) (overlay.Overlay, tea.Cmd) {
	switch {
	case targets.Len() == 0:
		return nil, nil
	case targets.Len() == 1:
		s := targets.Session(0)
		return m.RedactMenu(&s, nil)
	case m.set.ReadOnly != "":
		return nil, common.Say("Read-only ("+m.set.ReadOnly+"): nothing is sent, so nothing is redacted.", true)
	}
	k := m.ctx.Keys
	// Short, the count first: the status line is one line at 80 columns.
	return nil, common.Say("Nothing redacted: "+strconv.Itoa(targets.Len())+" selected, and "+keys.Name(k.Redact)+" redacts one session at a time.", true)
}

// redact sends the redaction through change.Redact, which reads the
// session first and sends nothing unless the API answers with it; the
// redaction is recorded in the audit log after the answer.
func (m Model) redact(s api.Session, msg *api.Event, reason string) tea.Cmd {
	client, audit, erase, now := m.client, m.set.Audit, m.set.Erase, m.ctx.Now
	return func() tea.Msg {
		ctx := context.Background()
		r, ok := client.(change.Redactor)
		if !ok {
			return RedactedMsg{SessionID: s.ID, Err: errNoRedaction}
		}
		req := change.RedactRequest{ID: s.ID, Reason: reason, Read: true, Erase: erase}
		if msg != nil {
			req.MessageID = msg.ID
		}
		res := change.Redact(ctx, r, req)
		done := RedactedMsg{SessionID: s.ID, MessageID: res.MessageID, Result: res.Redaction, Err: res.Err, Kept: res.Kept}
		if e := res.Entry(); audit != nil && e.Outcome != "" {
			e.At, e.Source = now(), store.SourceTUI
			done.Unlogged = audit.Audit(ctx, e)
		}
		return done
	}
}

// redacted says how the redaction went; the views reload what changed.
func (m Model) redacted(msg RedactedMsg) (Model, common.WriteEvent, tea.Cmd) {
	m.redacting--
	var e *api.Error
	if errors.Is(msg.Err, api.ErrRedactionUnknown) && errors.As(msg.Err, &e) && e.Err != nil {
		// Sent and accepted: something may have changed, so the transcript
		// reloads; what the answer did not say is said.
		return m, common.WriteEvent{Redacted: msg.SessionID}, common.Say("Redaction sent, but "+render.Line(e.Err.Error())+"; the transcript shows what the API now returns."+kept(msg.Kept)+unlogged(msg.Unlogged), true)
	}
	if msg.Err != nil {
		return m, common.WriteEvent{}, common.Say("Not redacted: "+explain.Describe(msg.Err, msg.SessionID).Advice(keys.Name(m.ctx.Keys.Refresh))+unlogged(msg.Unlogged), true)
	}
	// The count cxi redact prints.
	n := change.RedactResult{MessageID: msg.MessageID, Redaction: msg.Result}.Count()
	return m, common.WriteEvent{Redacted: msg.SessionID}, common.Say("Redacted "+plural.Count(n, "message")+" of "+api.ShortID(msg.SessionID)+"; the transcript shows what the API now returns."+kept(msg.Kept)+unlogged(msg.Unlogged), msg.Kept != nil || msg.Unlogged != nil)
}

// kept says that the local store still holds what was redacted, and why;
// "" when it does not.
func kept(err error) string {
	if err == nil {
		return ""
	}
	return " But cxi could not erase the local store's copy: " + render.Line(err.Error()) + "."
}

// unlogged is what the words of a write add when the audit log could not
// record it.
func unlogged(err error) string {
	if err == nil {
		return ""
	}
	return " Not recorded in the audit log: " + render.Line(err.Error()) + "."
}

// redactMenu is the typed confirmation of a redaction.
type redactMenu struct {
	theme   *styles.Theme
	keys    keys.Redaction
	session api.Session
	message *api.Event
	alone   string // why the message asked for cannot be redacted alone; "" when it can, or none was
	word    textinput.Model
	reason  textinput.Model
	send    func(s api.Session, msg *api.Event, reason string) tea.Cmd
	org     string // the profile it goes to; "" when there is one
}

// Update types into the two fields (Field moves between them), sends on
// Confirm once the word is typed, and leaves on Close.
func (m redactMenu) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Close):
		return nil, nil
	case key.Matches(msg, m.keys.Field):
		if m.word.Focused() {
			m.word.Blur()
			m.reason.Focus()
		} else {
			m.reason.Blur()
			m.word.Focus()
		}
		return m, nil
	case key.Matches(msg, m.keys.Confirm):
		if strings.TrimSpace(m.word.Value()) != confirmWord {
			return m, nil // only the word sends it
		}
		return nil, m.send(m.session, m.message, strings.TrimSpace(m.reason.Value()))
	}
	var cmd tea.Cmd
	if m.word.Focused() {
		m.word, cmd = m.word.Update(msg)
	} else {
		m.reason, cmd = m.reason.Update(msg)
	}
	return m, cmd
}

// ShortHelp is the confirmation's keys.
func (m redactMenu) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Confirm, m.keys.Field, m.keys.Close}
}

// View says what will be redacted, that it is permanent, and asks for the word.
func (m redactMenu) View(width, _ int) string {
	t := m.theme
	what := "every message of session " + render.Line(api.ShortID(m.session.ID))
	if m.message != nil {
		what = "the message " + render.Line(m.message.ID) + " (" + excerpt(m.message.Text) + ")"
	}
	if m.org != "" {
		what += " in " + m.org
	}
	ready := strings.TrimSpace(m.word.Value()) == confirmWord
	hint, hintText := t.Muted, "type "+confirmWord+" to confirm · "+keys.Name(m.keys.Field)+" moves to the reason · "+keys.Name(m.keys.Close)+" cancel"
	if ready {
		hint, hintText = t.Marker, keys.Name(m.keys.Confirm)+" redacts it · "+keys.Name(m.keys.Close)+" cancel"
	}
	inner := width - t.Panel.GetHorizontalFrameSize()
	// The warning is wrapped, never cut: on a narrow terminal it is what
	// must still be read whole. The inputs are one line each.
	var lines []string
	if m.alone != "" {
		lines = append(render.WrapStyled(t.Marker, m.alone, inner), "")
	}
	lines = append(lines, render.WrapStyled(t.Error, "Redact "+what+" — permanent, cannot be undone", inner)...)
	lines = append(lines, render.WrapStyled(t.Error, "Permanent: a redaction cannot be undone.", inner)...)
	lines = append(lines, render.WrapStyled(t.Muted, "The text becomes [REDACTED] and attachments are deleted, for everyone.", inner)...)
	lines = append(lines, "", render.ClipLine(m.word.View(), inner), render.ClipLine(m.reason.View(), inner), "")
	lines = append(lines, render.WrapStyled(hint, hintText, inner)...)
	return render.Box(t.Panel, strings.Join(lines, "\n"), width) // a Devanagari message keeps the border in place
}

// excerpt is a message's text cut to 40 cells for the confirmation, without
// the padding render.Fit adds for a table column ("(hi      )").
func excerpt(text string) string {
	return strings.TrimRight(render.Fit(render.Line(text), 40), " ")
}
