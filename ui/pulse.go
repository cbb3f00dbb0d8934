package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
	"strings"

	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/ui/cmdline"
	"github.com/opencx-tools/cxi/ui/overlay/pulseview"
)

// openPulse is the pulse key, and :pulse SPAN: the pulse view over the
// view in focus, reading the pulse of span.
func (m Model) openPulse(span pulse.Span) (Model, tea.Cmd) {
	src, _ := m.client.(pulse.Source) // a test's fake client may have no analytics: the view says so
	v, cmd := pulseview.New(m.ctx, src, span, m.width, m.paneHeight())
	m.overlays = m.overlays.Push(v)
	return m, cmd
}

// pulseCommand is :pulse: the view, or the header's line on or off.
func (m Model) pulseCommand(do cmdline.PulseMsg) (Model, tea.Cmd) {
	if do.Line != nil {
		return m.showPulseLine(*do.Line)
	}
	return m.openPulse(do.Span)
}

// showPulseLine is the pulse line's key, and :pulse on/off: the header's
// line shown (counted at once from the loaded queue) or hidden.
func (m Model) showPulseLine(on bool) (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.pulseLine = m.pulseLine.Show(on)
	if on {
		m.pulseLine, cmd = m.pulseLine.Loaded(m.queue.Facts(), !m.queue.End(), m.ctx.Now())
	}
	word := "hidden"
	if on {
		word = "shown"
	}
	return m, tea.Batch(cmd, common.Say("Pulse line "+word+" ("+keys.Name(m.keys.PulseLine)+" toggles; pulse = false in config.toml hides it at start).", false))
}

// fitPulse is the header with the pulse line's parts after its left part:
// the help hint goes first when space is short, then the base URL, then
// the pulse's parts from the last; the left part, what the user acts on,
// stays.
func fitPulse(left func(hint bool) string, parts []string, right string, width int) string {
	line := func(hint bool, n int) string {
		return left(hint) + "  " + strings.Join(parts[:n], " · ")
	}
	for _, hint := range []bool{true, false} {
		l := line(hint, len(parts))
		if space := width - lipgloss.Width(l) - lipgloss.Width(right); space >= 2 {
			return l + strings.Repeat(" ", space) + right
		}
	}
	for n := len(parts); n > 0; n-- {
		if l := line(false, n); lipgloss.Width(l) <= width {
			return l
		}
	}
	return render.FitWords(left(false), width)
}
