// Package ui is cxi's root bubbletea model. It owns navigation between the
// queue, the detail pane and the transcript, the one input, the status
// line and which lookup is current; each view owns its own state and keys.
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
	"github.com/opencx-tools/cxi/ui/explain"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/queue"
	"github.com/opencx-tools/cxi/ui/transcript"
)

// Client is what the UI needs from the API client; tests pass fakes.
type Client interface {
	GetSession(ctx context.Context, id string) (*api.Session, error)
	ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error)
	History(ctx context.Context, sessionID, cursor string) (*api.HistoryPage, error)
	Search(ctx context.Context, query string) (*api.SearchResult, error)
	BaseURL() string
	Budget() int
}

// Suggestion is a session worth trying, listed in the help (the demo's
// showcase sessions).
type Suggestion struct {
	ID    string
	Title string
}

// Options configure the root model. Client, Theme and Keys are required.
type Options struct {
	Client      Client
	Theme       *styles.Theme
	Keys        keys.Map
	Copier      clipboard.Copier
	Query       string             // text to look up at start (`cxi SESSION`)
	Label       string             // shown in the header, e.g. "demo"
	Suggestions []Suggestion       // sessions to try, listed in the full help
	SessionURL  string             // template of a session's dashboard URL, "{id}" replaced; "" when unknown
	OpenURL     func(string) error // opens a URL in a browser; nil where none can (over SSH)
	Filters     queue.Filters      // the queue's filters at start
	Attention   bool               // start with the "needs attention" ordering
	AutoRefresh time.Duration      // queue auto-refresh interval; 0 = off at start
	Now         func() time.Time
	// Timer schedules a message after a delay (tea.Tick by default); tests
	// replace it so that no test waits on a clock.
	Timer func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}

type focus int

const (
	focusInput focus = iota
	focusView
)

type view int

const (
	viewQueue view = iota
	viewDetail
	viewTranscript
)

// Minimum useful size: below it the panels would be unreadable fragments.
const (
	MinWidth  = 40
	MinHeight = 10
)

// DefaultRefreshInterval is the auto-refresh interval `a` turns on when no
// interval was given: 6 requests a minute, a small share of the 100.
const DefaultRefreshInterval = 30 * time.Second

// Model is the root model.
type Model struct {
	client  Client
	theme   *styles.Theme
	keys    keys.Map
	copier  clipboard.Copier
	label   string
	suggest []Suggestion
	nowFunc func() time.Time
	now     time.Time
	timer   func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

	width, height int
	focus         focus
	view          view
	showFullHelp  bool

	input          textinput.Model
	inputErr       string // why the input is not a session ID, after enter
	inputAtRequest string // the input when the current lookup started
	hint           string // what the input understood, computed in Update
	recent         []string
	recentAt       int // position while stepping through recent IDs with ↑/↓; -1 when not

	queue      queue.Model
	detail     detail.Model
	transcript transcript.Model
	spinner    spinner.Model
	help       help.Model

	seq     int                // last request number handed out
	current request            // the lookup whose answer is wanted; zero when idle
	cancel  context.CancelFunc // cancels current
	lastID  string             // the ID of the last lookup, for r
	failure *explain.Failure   // the last lookup's error, shown instead of the pane

	retrySeq    int  // identifies the pending automatic retry after a 429
	autoRetried bool // the automatic retry has been spent for this lookup

	fetchedAt   map[string]time.Time // when each session was last fetched fresh
	prefetching map[string]bool      // neighbours being fetched ahead of n/p
	pendingStep bool                 // n waits for the next page of the queue
	background  context.Context      // for prefetches; cancelled on quit
	stopAll     context.CancelFunc
	budget      int // requests left this minute, read on the clock tick

	refreshEvery time.Duration // auto-refresh interval; 0 when off
	refreshGap   time.Duration // the interval `a` turns on
	refreshSeq   int

	menu          *copyMenu // the open copy menu, if any
	pick          *picker   // the sessions a search found, to choose from
	resolving     int       // the seq of the search under way; 0 when none
	resolvingWhat string    // what the search is for, for the status line
	urlTemplate   string
	openURL       func(string) error

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
	in.Prompt = "› "
	in.Placeholder = "filter the queue, or paste a session ID or a URL containing one"
	in.CharLimit = 4096
	in.PromptStyle = t.Prompt
	in.PlaceholderStyle = t.Muted
	in.TextStyle = t.Value
	in.Cursor.Style = t.Prompt
	in.SetValue(o.Query)

	h := help.New()
	h.Styles = help.Styles{
		ShortKey: t.HelpKey, ShortDesc: t.HelpDesc, ShortSeparator: t.HelpSep, Ellipsis: t.HelpSep,
		FullKey: t.HelpKey, FullDesc: t.HelpDesc, FullSeparator: t.HelpSep,
	}
	timer := o.Timer
	if timer == nil {
		timer = tea.Tick
	}
	gap := o.AutoRefresh
	if gap <= 0 {
		gap = DefaultRefreshInterval
	}
	m := Model{
		client:       o.Client,
		theme:        t,
		keys:         o.Keys,
		copier:       o.Copier,
		label:        o.Label,
		suggest:      o.Suggestions,
		urlTemplate:  o.SessionURL,
		openURL:      o.OpenURL,
		nowFunc:      now,
		now:          now(),
		timer:        timer,
		focus:        focusView,
		input:        in,
		recentAt:     -1,
		queue:        queue.New(t, o.Keys.ForQueue(), o.Client, o.Filters, o.Attention, now()),
		detail:       detail.New(t, o.Keys.ForDetail()),
		spinner:      spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(t.Spinner)),
		help:         h,
		fetchedAt:    map[string]time.Time{},
		prefetching:  map[string]bool{},
		budget:       api.RequestsPerMinute,
		refreshEvery: o.AutoRefresh,
		refreshGap:   gap,
	}
	m.background, m.stopAll = context.WithCancel(context.Background())
	m.syncKeys()
	return m
}

// Init loads the queue, starts the clock and, with a query from the
// command line, looks it up.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.tickClock(), func() tea.Msg { return startMsg{} }}
	if m.refreshEvery > 0 {
		cmds = append(cmds, m.scheduleRefresh())
	}
	return tea.Batch(cmds...)
}

// startMsg lets the first Update start what Init cannot (Init cannot
// change the model): the queue's first page and a command-line lookup.
type startMsg struct{}

// fetching reports whether a lookup is under way.
func (m Model) fetching() bool { return m.current.seq != 0 }

// session is the session in the detail pane, if any.
func (m Model) session() *api.Session { return m.detail.Session() }

// syncKeys enables the bindings that can act in the current view, so the
// help never lists a key that does nothing.
func (m *Model) syncKeys() {
	k := &m.keys
	inQueue, inDetail, inTranscript := m.view == viewQueue, m.view == viewDetail, m.view == viewTranscript
	shown := inDetail && m.session() != nil && m.failure == nil
	selected := inQueue && m.queue.Selected() != nil
	k.CopyExternalID.SetEnabled(shown || selected)
	k.CopySessionID.SetEnabled(shown || selected)
	k.Refresh.SetEnabled(inQueue || (inDetail && m.lastID != "") || inTranscript)
	k.Next.SetEnabled(shown)
	k.Prev.SetEnabled(shown)
	k.Transcript.SetEnabled(shown)
	for _, b := range []*key.Binding{&k.Status, &k.HandedOff, &k.Channel, &k.Window, &k.Attention, &k.AutoRefresh} {
		b.SetEnabled(inQueue)
	}
	k.Back.SetEnabled(!inQueue || m.fetching() || m.focus == focusInput)
}
