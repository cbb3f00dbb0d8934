package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// chromeHeight is the lines around the pane: header, input, hint, status, help.
const chromeHeight = 5

func textinputBlink() tea.Cmd { return textinput.Blink }

// layout sizes the parts after a resize or a change of what is shown; the
// detail pane re-renders its panels here, not in View.
func (m *Model) layout() {
	if m.width <= 0 {
		return
	}
	m.help.Width = m.width
	m.input.Width = max(m.width-lipgloss.Width(m.input.Prompt)-1, 1)
	m.detail = m.detail.SetSize(m.width, m.paneHeight())
}

func (m Model) paneHeight() int { return max(m.height-chromeHeight, 1) }

func (m Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// View draws the screen from the model; it changes nothing.
func (m Model) View() string {
	if m.width == 0 {
		return ""
	}
	if m.tooSmall() {
		msg := fmt.Sprintf("Terminal too small (%d×%d): cxi needs at least %d×%d. Enlarge it, or press ctrl+c to quit.",
			m.width, m.height, MinWidth, MinHeight)
		return clip(lipgloss.NewStyle().Width(m.width).Render(msg), m.width, m.height)
	}
	pane := m.paneView()
	return lipgloss.JoinVertical(lipgloss.Left,
		m.headerView(),
		m.input.View(),
		m.hintView(),
		clip(pane, m.width, m.paneHeight()),
		m.statusView(),
		m.helpView(),
	)
}

func (m Model) headerView() string {
	t := m.theme
	left := t.Title.Render("cxi")
	if m.label != "" {
		left += " " + t.Marker.Render(m.label)
	}
	right := t.Header.Render(render.Line(m.client.BaseURL()))
	space := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if space < 2 {
		return ansi.Truncate(left, m.width, "…")
	}
	return left + strings.Repeat(" ", space) + right
}

// hintView says what the input understood, or why it is not an ID.
func (m Model) hintView() string {
	t := m.theme
	switch {
	case m.inputErr != "":
		return ansi.Truncate(t.Error.Render(m.inputErr), m.width, "…")
	case m.focus != focusInput:
		return ""
	}
	text := strings.TrimSpace(m.input.Value())
	if text == "" {
		return ""
	}
	id, err := api.ParseSessionID(text)
	if err != nil {
		return ""
	}
	hint := "enter looks up " + id
	if !strings.EqualFold(id, text) {
		hint = "found " + id + " · enter looks it up"
	}
	return ansi.Truncate(t.Muted.Render(hint), m.width, "…")
}

func (m Model) paneView() string {
	switch {
	case m.showFullHelp:
		return m.help.FullHelpView(m.keys.FullHelp())
	case m.failure != nil:
		return m.failureView()
	case m.session() != nil:
		return m.detail.View()
	}
	return m.welcomeView()
}

func (m Model) failureView() string {
	t := m.theme
	f := m.failure
	inner := m.width - t.ErrorPanel.GetHorizontalFrameSize()
	lines := []string{t.Error.Bold(true).Render("Lookup failed"), t.Value.Width(inner).Render(f.sentence)}
	if f.detail != "" {
		lines = append(lines, t.Muted.Width(inner).Render(f.detail))
	}
	if !f.retryAt.IsZero() {
		if wait := f.retryAt.Sub(m.now).Round(1e9); wait > 0 {
			lines = append(lines, t.Marker.Render(fmt.Sprintf("Retry possible in %s.", wait)))
		} else {
			lines = append(lines, t.Marker.Render("You can retry now: press "+m.keys.Refresh.Help().Key+"."))
		}
	}
	return t.ErrorPanel.Width(m.width - t.ErrorPanel.GetHorizontalBorderSize()).Render(strings.Join(lines, "\n"))
}

// welcomeView is the first screen: what to type, and in demo mode which
// sessions exist, so a newcomer never has to guess an ID.
func (m Model) welcomeView() string {
	t := m.theme
	lines := []string{t.Muted.Render("Paste a session ID, or any text that contains one (a dashboard URL, a log line), and press enter.")}
	if len(m.suggestions) > 0 {
		lines = append(lines, "", t.PanelTitle.Render("Demo sessions")+t.Muted.Render(" · ↑/↓ pick · enter opens"))
		for i, s := range m.suggestions {
			row := fmt.Sprintf("%s  %s", s.ID, render.Line(s.Title))
			if i == m.picked {
				row = t.Selected.Render("› " + row)
			} else {
				row = "  " + t.Value.Render(row)
			}
			lines = append(lines, ansi.Truncate(row, m.width, "…"))
		}
	}
	return lipgloss.NewStyle().Width(m.width).Render(strings.Join(lines, "\n"))
}

func (m Model) statusView() string {
	t := m.theme
	var left string
	switch {
	case m.fetching():
		left = m.spinner.View() + " Fetching " + api.ShortID(m.current.id) + "…" + t.Muted.Render("  esc cancels")
	case m.notice != "" && m.noticeBad:
		left = t.Error.Render(m.notice)
	case m.notice != "":
		left = t.StatusLine.Render(m.notice)
	}
	right := ""
	if m.focus == focusPane && m.failure == nil && !m.showFullHelp && m.session() != nil && m.detail.Scrollable() {
		right = t.Muted.Render(fmt.Sprintf("%3.0f%%", m.detail.ScrollPercent()*100))
	}
	space := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if space < 1 {
		return ansi.Truncate(left, m.width, "…")
	}
	return left + strings.Repeat(" ", space) + right
}

func (m Model) helpView() string {
	if m.focus == focusInput {
		return m.help.ShortHelpView(m.keys.inputHelp())
	}
	return m.help.ShortHelpView(m.keys.ShortHelp())
}

// clip pads or cuts s to exactly height lines no wider than width, so the
// chrome below the pane never moves.
func clip(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
