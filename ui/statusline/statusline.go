// Package statusline is the line above the help: what is under way (with a
// spinner and the key that cancels it), a notice that fades, and on the
// right what the view in focus adds (auto-refresh, scroll position) and the
// request budget when it runs low.
package statusline

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
)

// KeyMap is the status line's keys.
type KeyMap = keys.StatusLine

// noticeLifetime is how long a notice stays.
const noticeLifetime = 4 * time.Second

// budgetWarnBelow is when the line starts showing the request budget.
const budgetWarnBelow = 30

// Model is the status line.
type Model struct {
	ctx     common.Context
	keys    KeyMap
	spinner spinner.Model
	busy    string // what is under way, "" when nothing
	notice  notice
	seq     int // the notice's number, so that only its own timer clears it
	budget  int // requests left this minute
}

type notice struct {
	text string
	bad  bool
}

// expiredMsg clears notice seq if it is still shown.
type expiredMsg struct{ seq int }

// Msg is every message of the status line's own; the root forwards each
// to Update, with notices (common.NoticeMsg), copy reports and spinner
// ticks.
type Msg interface{ statusMsg() }

func (expiredMsg) statusMsg() {}

// New returns an empty status line.
func New(ctx common.Context) Model {
	return Model{
		ctx:     ctx,
		keys:    ctx.Keys.ForStatusLine(),
		spinner: spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(ctx.Theme.Spinner)),
		budget:  api.RequestsPerMinute,
	}
}

// Update takes notices, copy reports and spinner ticks.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.NoticeMsg:
		return m.say(msg.Text, msg.Bad)
	case clipboard.CopiedMsg:
		text, bad := msg.Report()
		return m.say(text, bad)
	case expiredMsg:
		if msg.seq == m.seq {
			m.notice = notice{}
		}
	case spinner.TickMsg:
		if m.busy != "" { // the chain of ticks ends with the work
			var cmd tea.Cmd
			m.spinner, cmd = m.spinner.Update(msg)
			return m, cmd
		}
	}
	return m, nil
}

func (m Model) say(text string, bad bool) (Model, tea.Cmd) {
	m.seq++
	m.notice = notice{text: text, bad: bad}
	seq := m.seq
	return m, m.ctx.Timer(noticeLifetime, func(time.Time) tea.Msg { return expiredMsg{seq: seq} })
}

// SetBusy says what is under way: the first of whats that is not "" (the
// views ask in order of what matters most), nothing when all are; the
// spinner starts when work begins.
func (m Model) SetBusy(whats ...string) (Model, tea.Cmd) {
	what := ""
	for _, w := range whats {
		if w != "" {
			what = w
			break
		}
	}
	start := m.busy == "" && what != ""
	m.busy = what
	if start {
		return m, m.spinner.Tick
	}
	return m, nil
}

// SetBudget is the requests left this minute, read on the clock's tick.
func (m Model) SetBudget(n int) Model { m.budget = n; return m }

// Budget is the requests left this minute, as last read.
func (m Model) Budget() int { return m.budget }

// ShortHelp is the cancel key while something is under way.
func (m Model) ShortHelp() []key.Binding {
	if m.busy == "" {
		return nil
	}
	return []key.Binding{m.keys.Cancel}
}

// Extras are what the view in focus adds on the right, already styled.
type Extras struct {
	Before string // left of the budget: the queue's auto-refresh
	After  string // right of it: the scroll position
}

// View draws the line in width cells.
func (m Model) View(width int, x Extras) string {
	t := m.ctx.Theme
	var left string
	switch {
	case m.busy != "":
		c := m.keys.Cancel.Help()
		left = m.spinner.View() + " " + t.Value.Render(m.busy) + "…" + t.Muted.Render("  "+c.Key+" "+c.Desc)
	case m.notice.text != "" && m.notice.bad:
		left = t.Error.Render(m.notice.text)
	case m.notice.text != "":
		left = t.StatusLine.Render(m.notice.text)
	}
	var right []string
	if x.Before != "" {
		right = append(right, x.Before)
	}
	if m.budget < budgetWarnBelow {
		right = append(right, t.Marker.Render(fmt.Sprintf("API budget %d/%d this minute", m.budget, api.RequestsPerMinute)))
	}
	if x.After != "" {
		right = append(right, x.After)
	}
	r := strings.Join(right, t.Muted.Render(" · "))
	// Measured by render.Width, as the terminal counts a Devanagari notice:
	// lipgloss counts it narrower, and the line would wrap the screen.
	space := width - render.Width(left) - render.Width(r)
	if space < 1 {
		// The notice is what the user must read: the extras on the right
		// give way first, then its last words, never half a word.
		room := width - render.Width(r) - 1
		switch {
		case left == "":
			return render.FitWords(r, width)
		case room < width/2:
			return render.FitWords(left, width)
		}
		left = render.FitWords(left, room)
		return left + strings.Repeat(" ", max(width-render.Width(left)-render.Width(r), 1)) + r
	}
	return left + strings.Repeat(" ", space) + r
}
