package ui

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/api/lint/kept"
	"github.com/opencx-tools/cxi/api/watch"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/actions"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/cmdline"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/detail"
	"github.com/opencx-tools/cxi/ui/integrity"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/lookupbar"
	"github.com/opencx-tools/cxi/ui/notify"
	"github.com/opencx-tools/cxi/ui/nudge"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/overlay/viewsave"
	"github.com/opencx-tools/cxi/ui/pulseline"
	"github.com/opencx-tools/cxi/ui/queue"
	"github.com/opencx-tools/cxi/ui/reasons"
	"github.com/opencx-tools/cxi/ui/review"
	"github.com/opencx-tools/cxi/ui/share"
	"github.com/opencx-tools/cxi/ui/statusline"
	"github.com/opencx-tools/cxi/ui/tabs"
	"github.com/opencx-tools/cxi/ui/transcript"
	"github.com/opencx-tools/cxi/ui/useraction"
)

// Client is what the UI needs from the API client; tests pass fakes.
type Client interface {
	GetSession(ctx context.Context, id string) (*api.Session, error)
	ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error)
	History(ctx context.Context, sessionID, cursor string) (*api.HistoryPage, error)
	Search(ctx context.Context, query string) (*api.SearchResult, error)
	BaseURL() string
	SetStatus(ctx context.Context, id string, ch api.StatusChange) error
	CSAT(ctx context.Context, sessionID string) (*api.CSATScore, error)
	WalkHandoffReasons(ctx context.Context, p api.Period) (*api.HandoffWalk, error)
	Budget() int          // requests left this minute, queued ones counted as spent
	Delay() time.Duration // how long a request asked for now waits for the limiter
}

// Memory is what the views keep in the local store (api/store): nil
// remembers nothing.
type Memory interface {
	queue.Memory
	detail.Memory
	transcript.Memory
	review.Store
	share.Handover
	cmdline.Recorder
	reasons.Memory
}

// Options configure the root model. Client, Theme and Keys are required.
type Options struct {
	Client      Client
	Theme       *styles.Theme
	Keys        keys.Map
	Copier      clipboard.Copier
	Query       string              // text to look up at start (`cxi SESSION`)
	Label       string              // shown in the header, e.g. "demo"
	Suggestions []common.Suggestion // sessions to try, listed in the full help
	SessionURL  string              // template of a session's dashboard URL, "{id}" replaced; "" when unknown
	OpenURL     func(string) error  // opens a URL in a browser; nil where none can (over SSH)
	Filters     filter.Filters      // the queue's filters at start
	Attention   bool                // start with the "needs attention" ordering
	AutoRefresh time.Duration       // queue auto-refresh interval; 0 = off at start
	Now         func() time.Time
	Timer       common.Timer         // tea.Tick by default; tests record instead of waiting
	Memory      Memory               // the local store; nil remembers nothing
	Cached      []api.Session        // what the store held for the queue's filters at start
	LastSync    time.Time            // when the list was last read whole
	Notices     []string             // what opening the store had to say
	Unkept      string               // for the header: why the store could not be opened at start; "" when it was, or is off
	Acting      common.WriteSettings // read-only or not, the status menu's options, the audit log
	Preview     *bool                // the preview beside the queue: as config.toml says; nil shows it from PreviewAutoWidth
	SavePreview func(on bool) error  // remembers a toggle of the preview in config.toml; nil when there is nowhere to
	Registry    common.Registry      // the names :view, :profile and :run complete and check
	History     []string             // the command line's history, oldest first (the store's)
	// TranscriptAtLatest opens a transcript at its latest event rather
	// than its first ([transcript] open_at = "latest").
	TranscriptAtLatest bool
	Commands           []useraction.Action // the user's [[commands]]
	Profiles           Profiles            // the organizations :profile switches between (profile.go)
	Views              []SavedView         // the saved views, as tabs above the queue; none draws none
	SaveView           viewsave.Save       // writes a view to config.toml; nil when there is nowhere to
	Mouse              bool                // the program reports the mouse (mouse = true): the wheel, a click
	PulseLine          bool                // the header's pulse line at start (config pulse, on by default)
	Lint               lint.Thresholds     // the integrity flags' thresholds ([lint])
	WatchRules         []watch.Rule        // what a refresh nudges about ([watch] rules); nil for watch.Default
	Notifier           notify.Notifier     // how it nudges ([watch] notify, over_tmux)
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

// Model is the root model.
type Model struct {
	ctx     common.Context
	keys    keys.Map // ctx.Keys, enabled where they act (syncKeys)
	client  Client
	label   string
	suggest []common.Suggestion
	now     time.Time

	width, height int
	focus         focus
	view          view
	overlays      overlay.Stack

	bar                lookupbar.Model
	queue              queue.Model
	detail             detail.Model
	transcript         transcript.Model
	status             statusline.Model
	share              share.Model
	help               help.Model
	pendingStep        bool     // n waits for the next page of the queue
	notices            []string // what opening the store had to say, for the first frame
	store              Memory   // the local store; nil when off
	stopped            string   // why the store stopped remembering while cxi ran, for the header; "" while it keeps
	act                actions.Model
	preview            preview // the row under the queue's cursor, beside or below the queue
	transcriptAtLatest bool    // a transcript opens at its latest event
	commands           useraction.Set
	registry           common.Registry
	history            cmdline.History // the command line's lines run
	profiles           Profiles
	epoch              int // the profile switches so far: an answer of another epoch is dropped
	tabs               tabs.Model[queue.State]
	saveView           viewsave.Save
	pulseLine          pulseline.Model
	reasons            reasons.Model   // why the AI handed off each session of the queue's window
	nudge              nudge.Model     // sessions that newly match a watch rule, until opened
	lint               integrity.Model // the integrity flags of the loaded sessions (integrity.go)
}

// New builds the root model.
func New(o Options) Model {
	ctx := common.Context{Theme: o.Theme, Keys: o.Keys, Now: o.Now, Timer: o.Timer}.WithDefaults()
	now := ctx.Now()
	m := Model{
		ctx:     ctx,
		keys:    o.Keys,
		client:  o.Client,
		label:   o.Label,
		suggest: o.Suggestions,
		now:     now,
		focus:   focusView,
		bar:     lookupbar.New(ctx, o.Query),
		queue: queue.New(o.Theme, o.Keys.ForQueue(), o.Client, o.Filters, o.Attention, now).
			WithAutoRefresh(o.AutoRefresh, ctx.Timer, o.Client.Budget),
		detail:             detail.New(ctx, o.Client),
		status:             statusline.New(ctx),
		share:              share.New(o.Copier, o.SessionURL, o.OpenURL),
		help:               ctx.Help(),
		notices:            o.Notices,
		stopped:            o.Unkept,
		act:                actions.New(ctx, o.Client, o.Acting),
		preview:            preview{setting: o.Preview, save: o.SavePreview},
		transcriptAtLatest: o.TranscriptAtLatest,
		commands:           useraction.NewSet(o.Commands, o.Acting.ReadOnly, useraction.Runner{Open: o.OpenURL}, o.Copier),
		registry:           o.Registry,
		history:            cmdline.NewHistory(o.History),
		profiles:           o.Profiles,
		saveView:           o.SaveView,
		nudge:              nudge.New(watchRules(o.WatchRules, o.Lint, ctx.Now), o.Notifier),
	}
	m.queue = m.queue.WithMemory(o.Memory, o.Cached, o.LastSync) // a nil Memory keeps nothing
	m.detail, m.store, m.share = m.detail.WithMemory(o.Memory), o.Memory, m.share.WithHandover(o.Memory)
	m.reasons = reasons.New(o.Client, o.Memory) // a nil Memory stays nil: keeps nothing
	m = m.startTabs(o.Views)
	lineSrc, _ := o.Client.(pulseline.Source) // a test's fake client may have no analytics: no 7-day rate
	m.pulseLine = pulseline.New(o.Theme, lineSrc, o.PulseLine)
	// The kept rows counted, so that the first frame's header agrees with them.
	m.pulseLine = m.pulseLine.Counted(m.queue.Facts(), now)
	store, _ := o.Memory.(kept.Store)              // a test's Memory may keep less: those rules then say nothing
	scheduler, _ := o.Client.(integrity.Scheduler) // a test's client may have no office hours: the wall clock then
	m.lint = integrity.New(o.Lint, store, scheduler)
	m.syncKeys()
	return m
}

// Init loads the queue, starts the clock and, with a query from the
// command line, looks it up.
func (m Model) Init() tea.Cmd {
	var notice tea.Cmd
	if len(m.notices) > 0 {
		notice = common.Say(strings.Join(m.notices, " "), true)
	}
	return tea.Batch(m.tickClock(), func() tea.Msg { return startMsg{} }, m.queue.ScheduleRefresh(), notice)
}

// startMsg lets the first Update start what Init cannot (Init cannot
// change the model): the queue's first page and a command-line lookup.
type startMsg struct{}

// clockTickMsg refreshes relative ages ("3h ago"), countdowns and the budget.
type clockTickMsg struct{ now time.Time }

// clockInterval refreshes ages often enough for "just now" to become "1m ago"
// and for a rate-limit countdown to tick visibly.
const clockInterval = time.Second

func (m Model) tickClock() tea.Cmd {
	now := m.ctx.Now
	return m.ctx.Timer(clockInterval, func(time.Time) tea.Msg { return clockTickMsg{now: now()} })
}

// syncKeys turns on the bindings that can act in the current view, so
// the help never lists a key that does nothing: the view in focus says
// which of its keys act; esc acts too while something can be cancelled
// (a lookup, a change under way, the input's focus); the write actions say
// which keys this run refuses.
func (m *Model) syncKeys() {
	keys.Turn(false, m.keys.ViewKeys()...)
	switch m.view {
	case viewQueue:
		m.queue.EnableKeys(&m.keys)
		m.tabKeys()
	case viewDetail:
		m.detail.EnableKeys(&m.keys)
	case viewTranscript:
		transcript.EnableKeys(&m.keys, m.detail.Shown() != nil)
	}
	if m.detail.Fetching() || m.focus == focusInput || m.act.Running() {
		m.keys.Back.SetEnabled(true)
	}
	m.act.MarkKeys(&m.keys)
	m.keys.NewestMatch.SetEnabled(m.nudge.Len() > 0) // nothing new: nothing to jump to
	if len(m.commands.Actions()) == 0 {
		m.keys.Commands.SetEnabled(false) // no [[commands]]: the menu would be empty
	}
}
