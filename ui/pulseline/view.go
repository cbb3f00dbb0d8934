package pulseline

import (
	"fmt"
	"math"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// Parts are the line's parts, most important first, styled, for a header
// that drops them from the end when narrow: "3 open handoffs", "oldest
// 5h", "31% angry today", "handoffs 40% today · 35% 7d". now is the
// header's clock (the root's, updated each minute), not read here.
func (m Model) Parts(now time.Time) []string {
	if !m.shown {
		return nil
	}
	t := m.theme
	c := m.counts
	var out []string
	more := ""
	if c.Partial {
		more = "+" // the queue has not loaded every page: at least this many
	}
	handoffs := fmt.Sprintf("%d%s open handoff", c.OpenHandoffs, more)
	if c.OpenHandoffs != 1 || c.Partial {
		handoffs += "s"
	}
	style := t.Muted
	if c.OpenHandoffs > 0 {
		style = t.Marker
	}
	out = append(out, style.Render(handoffs))
	if !c.Oldest.IsZero() {
		out = append(out, t.Muted.Render("oldest "+render.Span(now.Sub(c.Oldest))))
	}
	if c.Today > 0 {
		angry := t.Muted
		if c.TodayAngry > 0 {
			angry = lipgloss.NewStyle().Foreground(t.SentimentStyle(string(api.SentimentAngry)).GetBackground())
		}
		out = append(out, angry.Render(fmt.Sprintf("%s angry today", share(c.TodayAngry, c.Today))))
	}
	if rate := m.rates(); rate != "" {
		out = append(out, t.Muted.Render(rate))
	}
	return out
}

// rates is "handoffs 40% today · 35% 7d", with what is known of the two;
// a key without the scope says so in the 7-day rate's place.
func (m Model) rates() string {
	c := m.counts
	today := ""
	if c.Today > 0 {
		today = share(c.TodayHandoffs, c.Today) + " today"
	}
	week := ""
	switch w := m.week; {
	case w != nil && w.TotalHandoffs != nil && w.TotalSessions != nil && *w.TotalSessions > 0:
		week = fmt.Sprintf("%.0f%% 7d", math.Round(*w.TotalHandoffs / *w.TotalSessions * 100))
	case m.err != nil && isScope(m.err):
		week = "7d: no scope"
	}
	switch {
	case today != "" && m.week == nil && week != "":
		return "handoffs " + today + " (" + week + ")"
	case today != "" && m.week == nil && week != "":
		return "handoffs " + today + " (" + week + ")"
	case today != "" && week != "":
		return "handoffs " + today + " vs " + week
	case today != "":
		return "handoffs " + today
	case week != "":
		return "handoffs " + week
	}
	return ""
}

func isScope(err error) bool {
	_, ok := api.MissingScope(err)
	return ok
}

// share is n of total as a whole percentage: "31%".
func share(n, total int) string {
	return fmt.Sprintf("%.0f%%", math.Round(float64(n)/float64(total)*100))
}
