package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/lookupbar"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/statusline"
)

// chromeHeight is the lines around the pane: header, input, hint, status, help.
const chromeHeight = 5

// layout sizes every view after a resize or a change of what is shown;
// the views re-render their content here, not in View.
func (m *Model) layout() {
	if m.width <= 0 {
		return
	}
	m.bar = m.bar.SetWidth(m.width)
	h := m.paneHeight()
	m.tabs = m.tabs.SetWidth(m.width)
	m.layoutPreview(h - m.tabsHeight()) // sizes the queue, beside or above the preview
	m.detail = m.detail.SetSize(m.width, h)
	m.transcript = m.transcript.SetSize(m.width, h)
	m.overlays = m.overlays.SetSize(m.width, h)
}

func (m Model) paneHeight() int { return max(m.height-chromeHeight, 1) }

// View draws the screen from the model; it changes nothing.
func (m Model) View() string {
	if m.width == 0 {
		return ""
	}
	if m.width < MinWidth || m.height < MinHeight {
		msg := fmt.Sprintf("Terminal too small (%d×%d): cxi needs at least %d×%d. Enlarge it, or press %s to quit.",
			m.width, m.height, MinWidth, MinHeight, keys.Name(m.keys.ForceQuit))
		return render.Fill(lipgloss.NewStyle().Width(m.width).Render(msg), m.width, m.height)
	}
	// strings.Join, not lipgloss.JoinVertical, which pads lines as lipgloss
	// counts cells, undoing Fill's care for terminals that count wider.
	return strings.Join([]string{
		m.headerView(),
		m.bar.View(),
		m.bar.HintView(m.width, lookupbar.Context{InQueue: m.view == viewQueue, Matches: m.queue.Len()}),
		render.Fill(m.paneView(), m.width, m.paneHeight()),
		m.status.View(m.width, m.statusExtras()),
		m.helpView(),
	}, "\n")
}

func (m Model) headerView() string {
	t := m.ctx.Theme
	crumbs := []string{"queue", "session " + m.detail.Title(), "transcript"}[:m.view+1] // views go queue › detail › transcript
	// left is the header's left part, with or without the hint that
	// names the help key, which is the first to go when space is short:
	// the queue's own words ("offline — as fetched at 14:02", "3
	// selected") matter more.
	left := func(hint bool) string {
		l := t.Title.Render("cxi")
		if m.label != "" {
			l += " " + t.Marker.Render(m.label)
		}
		l += m.modeBadges() // before the crumbs, which a narrow header cuts first
		if n := m.nudge.Header(keys.Name(m.keys.NewestMatch)); n != "" {
			// Before the crumbs too: it is why the user should look now.
			if w := max(m.width*3/5, 24); render.Width(n) > w {
				n = render.Fit(n, w)
			}
			l += " " + t.Error.Render(n)
		}
		if m.stopped != "" {
			// Before the crumbs, which a narrow header cuts first: marks and
			// notes are not kept from now on, and the user must know.
			l += " " + t.Error.Render("not remembering: "+render.Line(m.stopped))
		}
		if hint && len(m.suggest) > 0 && m.view == viewQueue {
			l += t.Muted.Render(" (" + keys.Name(m.keys.Help) + " lists sessions to try)")
		}
		l += t.Muted.Render("  " + strings.Join(crumbs, " › "))
		if s := m.queue.Header(); s != "" && m.view == viewQueue {
			l += t.Marker.Render("  " + s)
		}
		return l
	}
	right := t.Header.Render(render.Line(m.client.BaseURL()))
	if parts := m.pulseLine.Parts(m.now); len(parts) > 0 {
		return fitPulse(left, parts, right, m.width)
	}
	for _, hint := range []bool{true, false} {
		l := left(hint)
		if space := m.width - lipgloss.Width(l) - lipgloss.Width(right); space >= 2 {
			return l + strings.Repeat(" ", space) + right
		}
	}
	// The base URL goes next: the left part is what the user acts on.
	return render.FitWords(left(false), m.width)
}

func (m Model) paneView() string { return m.overlays.View(m.viewPane, m.width, m.paneHeight()) }

// viewPane is the view in focus, drawn in the pane.
func (m Model) viewPane() string {
	switch m.view {
	case viewQueue:
		if m.preview.beside || m.preview.below {
			return m.withTabs(m.previewView(m.queue.View(), m.width, m.paneHeight()-m.tabsHeight()))
		}
		return m.withTabs(m.queue.View())
	case viewTranscript:
		return m.transcript.View()
	}
	return m.detail.View()
}

// statusExtras is what the view in focus adds to the status line.
func (m Model) statusExtras() statusline.Extras {
	t := m.ctx.Theme
	var x statusline.Extras
	if every := m.queue.AutoRefresh(); every > 0 && m.view == viewQueue {
		x.Before = t.Muted.Render("auto-refresh " + render.Duration(every))
	}
	if p, ok := m.scrollPercent(); ok {
		x.After = t.Muted.Render(fmt.Sprintf("%3.0f%%", p*100))
	}
	return x
}

// scrollPercent is the scroll position of a scrollable view in focus.
func (m Model) scrollPercent() (float64, bool) {
	if !m.overlays.Empty() || m.focus != focusView {
		return 0, false
	}
	switch m.view {
	case viewDetail:
		return m.detail.ScrollPercent()
	case viewTranscript:
		return m.transcript.ScrollPercent(), true
	}
	return 0, false
}

func (m Model) helpView() string {
	bindings := viewHelp(m.keys, m.view)
	switch top := m.overlays.Top(); {
	case top != nil:
		bindings = top.ShortHelp()
	case m.focus == focusInput:
		bindings = m.bar.ShortHelp()
	case m.view == viewTranscript && m.transcript.Searching():
		bindings = m.transcript.SearchHelp()
	}
	return common.ShortHelp(m.help, bindings, m.width)
}
