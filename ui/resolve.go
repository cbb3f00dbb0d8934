package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/render"
)

// resolvedMsg carries what a search for the input's text found.
type resolvedMsg struct {
	seq    int
	result *resolve.Result
	err    error
}

// picker lists the sessions a search found, to open one.
type picker struct {
	title    string
	sessions []api.Session
	at       int
}

// startResolve searches for text that is not a session ID: a ticket
// reference in the loaded queue first, then the API.
func (m Model) startResolve(q resolve.Query, text string) (Model, tea.Cmd) {
	m.endRequest()
	m.seq++
	m.resolving = m.seq
	m.resolvingWhat = searchingText(q)
	m.inputAtRequest = m.input.Value()
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	client, loaded, seq := m.client, m.queue.Sessions(), m.seq
	return m, tea.Batch(m.spinner.Tick, func() tea.Msg {
		res, err := resolve.Resolve(ctx, client, text, loaded)
		return resolvedMsg{seq: seq, result: res, err: err}
	})
}

// searchingText says what the input understood, before anything is sent.
func searchingText(q resolve.Query) string {
	switch q.Kind {
	case resolve.KindTicket:
		return "ticket " + render.Line(q.Value) + " → the loaded queue, then the newest sessions"
	case resolve.KindEmail, resolve.KindPhone:
		return q.Kind.String() + " → searching contacts"
	}
	return "name → searching contacts and messages"
}

func (m Model) resolved(msg resolvedMsg) (Model, tea.Cmd) {
	if msg.seq != m.resolving {
		return m, nil // superseded or cancelled
	}
	m.resolving = 0
	m.endRequest()
	if msg.err != nil {
		m.inputErr = explain.Describe(msg.err, "").Sentence
		return m, nil
	}
	res := msg.result
	what := res.Query.Kind.String() + " " + render.Line(res.Query.Value)
	switch len(res.Sessions) {
	case 0:
		m.inputErr = "No session found for " + what + ": " + render.Line(res.Looked) + "."
		return m, nil
	case 1:
		s := res.Sessions[0]
		m.fetchedAt[s.ID] = m.now
		return m.show(&s, m.now)
	}
	m.pick = &picker{title: fmt.Sprintf("%d sessions for %s · %s", len(res.Sessions), what, render.Line(res.Looked)), sessions: res.Sessions}
	m.focusView()
	return m, nil
}

func (m Model) pickerKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, p := m.keys, m.pick
	switch {
	case key.Matches(msg, k.Back):
		m.pick = nil
		return m, nil
	case key.Matches(msg, k.Up):
		p.at = (p.at + len(p.sessions) - 1) % len(p.sessions)
	case key.Matches(msg, k.Down):
		p.at = (p.at + 1) % len(p.sessions)
	case key.Matches(msg, k.Lookup):
		s := p.sessions[p.at]
		m.pick = nil
		m.fetchedAt[s.ID] = m.now
		return m.show(&s, m.now)
	}
	return m, nil
}

// pickerView lists the found sessions: contact, channel, status, age.
func (m Model) pickerView() string {
	t := m.theme
	inner := m.width - t.Panel.GetHorizontalFrameSize()
	lines := []string{ansi.Truncate(t.PanelTitle.Render(m.pick.title), inner, "…"), t.Muted.Render("↑/↓ pick · enter opens · esc closes")}
	// Only the rows that fit, kept around the cursor.
	rows := max(m.paneHeight()-len(lines)-t.Panel.GetVerticalFrameSize(), 1)
	first := min(max(m.pick.at-rows/2, 0), max(len(m.pick.sessions)-rows, 0))
	last := min(first+rows, len(m.pick.sessions))
	for i := first; i < last; i++ {
		s := m.pick.sessions[i]
		contact, age := render.Contact(s.Contact), render.Since(s.UpdatedAt, m.now)
		row := fmt.Sprintf("%s  %s  %s  %s  %s", render.Line(api.ShortID(s.ID)), render.Fit(contact, 24), render.Fit(render.Enum(s.Channel.Type), 11), render.Fit(render.Enum(s.Status), 17), age)
		if i == m.pick.at {
			row = t.Selected.Render("› " + row)
		} else {
			row = "  " + row
		}
		lines = append(lines, render.ClipLine(row, inner))
	}
	return t.Panel.Width(m.width - t.Panel.GetHorizontalBorderSize()).Render(strings.Join(lines, "\n"))
}
