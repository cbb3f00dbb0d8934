// Package ui is cxi's root bubbletea model: it owns focus, the input, the
// status line and which request is current, and routes everything else to
// the view models beneath it (the detail pane).
package ui

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/detail"
)

// Suggestion is a session offered on the first screen (the demo's sessions).
type Suggestion struct {
	ID    string
	Title string
}

// Options configure the root model. Client, Theme and Keys are required.
type Options struct {
	Client      SessionGetter
	Theme       *styles.Theme
	Keys        KeyMap
	Copier      clipboard.Copier
	Query       string       // text to look up at start (`cxi SESSION`)
	Suggestions []Suggestion // IDs to try, listed before the first lookup
	Label       string       // shown in the header, e.g. "demo"
	Now         func() time.Time
}

type focus int

const (
	focusInput focus = iota
	focusPane
)

// Minimum useful size: below it the panels would be unreadable fragments.
const (
	MinWidth  = 40
	MinHeight = 10
)

// Model is the root model.
type Model struct {
	client  SessionGetter
	theme   *styles.Theme
	keys    KeyMap
	copier  clipboard.Copier
	label   string
	nowFunc func() time.Time
	now     time.Time

	width, height int
	focus         focus
	showFullHelp  bool

	input    textinput.Model
	inputErr string // why the input is not a session ID, after enter
	detail   detail.Model
	spinner  spinner.Model
	help     help.Model

	suggestions []Suggestion
	picked      int // highlighted suggestion

	seq     int                // last request number handed out
	current request            // the request whose answer is wanted; zero when idle
	cancel  context.CancelFunc // cancels current
	lastID  string             // the ID of the last lookup, for r
	failure *failure           // the last lookup's error, shown instead of the pane

	notice    string // status-line confirmation
	noticeBad bool
	noticeSeq int
}

// New builds the root model.
func New(o Options) Model {
	t := o.Theme
	now := o.Now
	if now == nil {
		now = time.Now
	}
	in := textinput.New()
	in.Prompt = "Session › "
	in.Placeholder = "paste a session ID or a URL containing one"
	in.CharLimit = 4096
	in.PromptStyle = t.Prompt
	in.PlaceholderStyle = t.Muted
	in.TextStyle = t.Value
	in.Cursor.Style = t.Prompt
	in.SetValue(o.Query)
	in.Focus()

	sp := spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(t.Spinner))

	h := help.New()
	h.Styles = help.Styles{
		ShortKey: t.HelpKey, ShortDesc: t.HelpDesc, ShortSeparator: t.HelpSep, Ellipsis: t.HelpSep,
		FullKey: t.HelpKey, FullDesc: t.HelpDesc, FullSeparator: t.HelpSep,
	}

	m := Model{
		client:      o.Client,
		theme:       t,
		keys:        o.Keys,
		copier:      o.Copier,
		label:       o.Label,
		nowFunc:     now,
		now:         now(),
		input:       in,
		detail:      detail.New(t, o.Keys.detailKeys(), o.Keys.CopyExternalID.Help().Key),
		spinner:     sp,
		help:        h,
		suggestions: o.Suggestions,
	}
	m.syncKeys()
	return m
}

// Init starts the clock and, with a query from the command line, the lookup.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{textinput.Blink, tickClock(m.nowFunc)}
	if m.input.Value() != "" {
		cmds = append(cmds, func() tea.Msg { return lookupNowMsg{} })
	}
	return tea.Batch(cmds...)
}

// lookupNowMsg asks the model to look up what the input holds; Init sends it
// because Init cannot change the model.
type lookupNowMsg struct{}

// fetching reports whether a lookup is under way.
func (m Model) fetching() bool { return m.current.seq != 0 }

// session is the session on display, if any.
func (m Model) session() *api.Session { return m.detail.Session() }

// syncKeys enables the bindings that can act now, so help never lists a key
// that does nothing.
func (m *Model) syncKeys() {
	s := m.session()
	shown := s != nil && m.failure == nil
	m.keys.CopyExternalID.SetEnabled(shown)
	m.keys.CopySessionID.SetEnabled(shown)
	m.keys.Refresh.SetEnabled(m.lastID != "")
	scroll := shown && m.focus == focusPane
	for _, b := range []*key.Binding{&m.keys.PageUp, &m.keys.PageDown, &m.keys.HalfPageUp, &m.keys.HalfPageDown, &m.keys.Top, &m.keys.Bottom} {
		b.SetEnabled(scroll)
	}
}
