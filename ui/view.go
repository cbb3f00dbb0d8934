package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/queue"
	"github.com/opencx-tools/cxi/ui/render"
)

// chromeHeight is the lines around the pane: header, input, hint, status, help.
const chromeHeight = 5

// budgetWarnBelow is when the status line starts showing the request budget.
const budgetWarnBelow = 30

// layout sizes every view after a resize or a change of what is shown;
// the views re-render their content here, not in View.
func (m *Model) layout() {
	if m.width <= 0 {
		return
	}
	m.help.Width = m.width
	m.input.Width = max(m.width-lipgloss.Width(m.input.Prompt)-1, 1)
	h := m.paneHeight()
	m.queue = m.queue.SetSize(m.width, h)
	m.detail = m.detail.SetSize(m.width, h)
	m.transcript = m.transcript.SetSize(m.width, h)
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
	// strings.Join, not lipgloss.JoinVertical: JoinVertical pads lines to
	// one width as lipgloss counts cells, which would undo clip's care for
	// terminals that count complex scripts wider.
	return strings.Join([]string{
		m.headerView(),
		m.input.View(),
		m.hintView(),
		clip(m.paneView(), m.width, m.paneHeight()),
		m.statusView(),
		m.helpView(),
	}, "\n")
}

func (m Model) headerView() string {
	t := m.theme
	crumbs := []string{"queue"}
	switch m.view {
	case viewDetail:
		crumbs = append(crumbs, "session "+m.shortShown())
	case viewTranscript:
		crumbs = append(crumbs, "session "+m.shortShown(), "transcript")
	}
	left := t.Title.Render("cxi")
	if m.label != "" {
		left += " " + t.Marker.Render(m.label)
	}
	if len(m.suggest) > 0 && m.view == viewQueue {
		left += t.Muted.Render(" (" + m.keys.Help.Help().Key + " lists sessions to try)")
	}
	left += t.Muted.Render("  " + strings.Join(crumbs, " › "))
	right := t.Header.Render(render.Line(m.client.BaseURL()))
	space := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if space < 2 {
		return ansi.Truncate(left, m.width, "…")
	}
	return left + strings.Repeat(" ", space) + right
}

func (m Model) shortShown() string {
	if s := m.session(); s != nil && m.failure == nil {
		return render.Line(api.ShortID(s.ID))
	}
	return render.Line(api.ShortID(m.lastID))
}

// hintView shows what the input understood, or why it is not an ID.
func (m Model) hintView() string { return ansi.Truncate(m.hint, m.width, "…") }

// inputHint works out the hint line; Update calls it, so View only draws.
func (m Model) inputHint() string {
	t := m.theme
	switch {
	case m.inputErr != "":
		return t.Error.Render(m.inputErr)
	case m.focus != focusInput:
		return ""
	}
	text := strings.TrimSpace(m.input.Value())
	if text == "" {
		return t.Muted.Render("type to filter the queue · paste a session ID and press enter to open it · ↑/↓ recent sessions")
	}
	id, err := api.ParseSessionID(text)
	var idErr *api.IDError
	switch {
	case err == nil && strings.EqualFold(id, text):
		return t.Muted.Render("enter opens " + id)
	case err == nil:
		return t.Muted.Render("found " + id + " · enter opens it")
	case errors.As(err, &idErr) && idErr.Candidate():
		return t.Error.Render(explain.Describe(err, "").Sentence)
	}
	q, _ := resolve.Classify(text)
	search := "enter: " + searchingText(q)
	if m.view == viewQueue && q.Kind == resolve.KindName && m.queue.Len() > 0 {
		search = "enter goes to the list"
	}
	if m.view == viewQueue {
		return t.Muted.Render(fmt.Sprintf("%d loaded sessions match · %s", m.queue.Len(), search))
	}
	return t.Muted.Render(search)
}

func (m Model) paneView() string {
	switch {
	case m.menu != nil:
		return m.menuView()
	case m.pick != nil:
		return m.pickerView()
	case m.showFullHelp:
		return m.fullHelpView()
	case m.view == viewQueue:
		return m.queue.View()
	case m.view == viewTranscript:
		return m.transcript.View()
	case m.failure != nil:
		return m.failureView()
	}
	return m.detail.View()
}

func (m Model) fullHelpView() string {
	t := m.theme
	out := m.packedHelp()
	if m.view == viewQueue {
		out += "\n\n" + t.Label.Render("needs-attention order: ") + t.Value.Render(queue.AttentionRule)
		out += "\n" + t.Label.Render("input: ") + t.Value.Render("text filters the loaded sessions as you type; a session ID (or a URL with one) opens on enter")
	}
	if len(m.suggest) > 0 {
		out += "\n\n" + t.PanelTitle.Render("Sessions to try") + t.Muted.Render(" · / then paste an ID, enter opens it")
		for _, s := range m.suggest {
			out += "\n" + t.Value.Render(s.ID) + "  " + t.Muted.Render(render.Line(s.Title))
		}
	}
	return lipgloss.NewStyle().Width(m.width).Render(out)
}

// packedHelp lays the full help's columns out in as many rows as the width
// needs, where the help model alone would cut the columns that do not fit.
func (m Model) packedHelp() string {
	h := m.help
	h.Width = 0 // measure without cutting
	var rows []string
	var row [][]key.Binding
	for _, g := range fullHelp(m.keys) {
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(append(row, g))) > m.width {
			rows = append(rows, h.FullHelpView(row))
			row = nil
		}
		row = append(row, g)
	}
	if len(row) > 0 {
		rows = append(rows, h.FullHelpView(row))
	}
	return strings.Join(rows, "\n\n")
}

func (m Model) failureView() string {
	t := m.theme
	f := m.failure
	inner := m.width - t.ErrorPanel.GetHorizontalFrameSize()
	lines := []string{t.Error.Bold(true).Render("Lookup failed"), t.Value.Width(inner).Render(f.Advice(keys.Name(m.keys.Refresh)))}
	if f.Detail != "" {
		lines = append(lines, t.Muted.Width(inner).Render(f.Detail))
	}
	if !f.RetryAt.IsZero() {
		if wait := f.RetryAt.Sub(m.now).Round(time.Second); wait > 0 && !m.autoRetried {
			lines = append(lines, t.Marker.Render(fmt.Sprintf("Retrying by itself in %s (or press %s then).", wait, m.keys.Refresh.Help().Key)))
		} else if wait > 0 {
			lines = append(lines, t.Marker.Render(fmt.Sprintf("Retry possible in %s.", wait)))
		} else {
			lines = append(lines, t.Marker.Render("You can retry now: press "+m.keys.Refresh.Help().Key+"."))
		}
	}
	return t.ErrorPanel.Width(m.width - t.ErrorPanel.GetHorizontalBorderSize()).Render(strings.Join(lines, "\n"))
}

func (m Model) statusView() string {
	t := m.theme
	var left string
	switch {
	case m.resolving != 0:
		left = m.spinner.View() + " " + t.Value.Render(m.resolvingWhat) + "…" + t.Muted.Render("  esc cancels")
	case m.fetching() && !m.current.quiet:
		left = m.spinner.View() + " Fetching " + api.ShortID(m.current.id) + "…" + t.Muted.Render("  esc cancels")
	case m.notice != "" && m.noticeBad:
		left = t.Error.Render(m.notice)
	case m.notice != "":
		left = t.StatusLine.Render(m.notice)
	}
	var right []string
	if m.refreshEvery > 0 && m.view == viewQueue {
		right = append(right, t.Muted.Render("auto-refresh "+m.refreshEvery.String()))
	}
	if b := m.budget; b < budgetWarnBelow {
		right = append(right, t.Marker.Render(fmt.Sprintf("API budget %d/%d this minute", b, api.RequestsPerMinute)))
	}
	if p, ok := m.scrollPercent(); ok {
		right = append(right, t.Muted.Render(fmt.Sprintf("%3.0f%%", p*100)))
	}
	r := strings.Join(right, t.Muted.Render(" · "))
	space := m.width - lipgloss.Width(left) - lipgloss.Width(r)
	if space < 1 {
		return ansi.Truncate(left+" "+r, m.width, "…")
	}
	return left + strings.Repeat(" ", space) + r
}

// scrollPercent is the scroll position of a scrollable view in focus.
func (m Model) scrollPercent() (float64, bool) {
	if m.showFullHelp || m.focus != focusView {
		return 0, false
	}
	switch {
	case m.view == viewDetail && m.failure == nil && m.session() != nil && m.detail.Scrollable():
		return m.detail.ScrollPercent(), true
	case m.view == viewTranscript:
		return m.transcript.ScrollPercent(), true
	}
	return 0, false
}

func (m Model) helpView() string {
	if m.focus == focusInput {
		return fitHelp(m.help, inputHelp(m.keys), m.width)
	}
	return fitHelp(m.help, viewHelp(m.keys, m.view), m.width)
}

// fitHelp is the one-line help of as many bindings as fit in width, with an
// ellipsis when some were left out. help.Model cuts the line itself only
// when its ellipsis fits the space left, and otherwise runs past the width.
func fitHelp(h help.Model, bindings []key.Binding, width int) string {
	h.Width = 0
	var shown []key.Binding
	for _, b := range bindings {
		if b.Enabled() {
			shown = append(shown, b)
		}
	}
	bindings = shown
	for n := len(bindings); n > 0; n-- {
		line := h.ShortHelpView(bindings[:n])
		if n < len(bindings) {
			line += " " + h.Styles.Ellipsis.Render(h.Ellipsis)
		}
		if lipgloss.Width(line) <= width {
			return line
		}
	}
	return ""
}

// clip pads or cuts s to exactly height lines no wider than width, so the
// chrome below the pane never moves.
func clip(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = render.ClipLine(l, width)
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
