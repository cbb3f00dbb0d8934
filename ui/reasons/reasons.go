// Package reasons keeps why the AI handed off each session of the queue's
// time window: the handoff events (GET /handoff-analytics/events) walked in
// the background at start and again on every refresh of the queue's first
// page, from where the last walk ended (a moving start, so that a refresh
// costs one page), kept in the local store and read back from it at start,
// so that the reasons show offline too. It draws nothing: the root hands
// what it knows to the queue (a marker, a filter) and the detail pane.
package reasons

import (
	"context"
	"maps"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
)

// DefaultWindow is the time window walked when the queue has no
// updated-within filter: the API's own default period is 7 days too.
const DefaultWindow = 7 * 24 * time.Hour

// overlap is how far before the last walk's end a refresh starts again:
// an event written while the last walk read its last page is not lost.
const overlap = time.Minute

// minGap is the least time between two walks: a burst of first pages
// (filters changed in a row) costs one walk, not one each.
const minGap = 30 * time.Second

// Client is what a walk needs of the API client.
type Client interface {
	WalkHandoffReasons(ctx context.Context, p api.Period) (*api.HandoffWalk, error)
}

// Memory is what the reasons need of the local store; nil keeps nothing.
type Memory interface {
	SaveHandoffReasons(ctx context.Context, bySession map[string]api.HandoffWhy, at time.Time) error
	HandoffReasons(ctx context.Context, ids []string) (map[string]store.HandoffWhy, error)
	HandedOffBecause(ctx context.Context, reason api.HandoffReason) ([]string, error)
}

// Model is what is known of why sessions were handed off, and the walk
// under way.
type Model struct {
	client Client
	mem    Memory
	known  map[string]api.HandoffWhy // by lower-case session ID

	from, to time.Time // the span the walks so far covered; zero before the first
	walking  bool
	lastAt   time.Time // when the last walk was asked for
	seq      int
	cancel   context.CancelFunc
	err      error // why the last walk stopped short; nil when it did not
}

// New returns a model that knows nothing yet.
func New(client Client, mem Memory) Model {
	return Model{client: client, mem: mem, known: map[string]api.HandoffWhy{}}
}

// KeptMsg is what the store held at start.
type KeptMsg struct{ BySession map[string]api.HandoffWhy }

// WalkedMsg is what a walk read: on an error, what it read before it.
type WalkedMsg struct {
	Seq    int
	Period api.Period
	Walk   *api.HandoffWalk
	Err    error
}

// Msg is every message the package's commands produce.
type Msg interface{ reasonsMsg() }

func (KeptMsg) reasonsMsg()   {}
func (WalkedMsg) reasonsMsg() {}

// Known is why each session known was handed off, by lower-case ID. The
// map is the model's own: callers read it and never write.
func (m Model) Known() map[string]api.HandoffWhy { return m.known }

// Err is why the last walk stopped short, nil when it did not.
func (m Model) Err() error { return m.err }

// Start reads what the store kept, then walks the window up to now.
func (m Model) Start(now time.Time, window time.Duration) (Model, tea.Cmd) {
	m, walk := m.walk(now, window)
	return m, tea.Batch(recall(m.mem), walk)
}

// Refresh walks what happened since the last walk (or the whole window,
// when it grew past what was walked): one page, mostly. It does nothing
// while a walk is under way or within minGap of the last one.
func (m Model) Refresh(now time.Time, window time.Duration) (Model, tea.Cmd) {
	if m.walking || (!m.lastAt.IsZero() && now.Sub(m.lastAt) < minGap) {
		return m, nil
	}
	return m.walk(now, window)
}

// Stop cancels the walk under way, for quitting.
func (m Model) Stop() Model {
	if m.cancel != nil {
		m.cancel()
	}
	return m
}

func (m Model) walk(now time.Time, window time.Duration) (Model, tea.Cmd) {
	if window <= 0 {
		window = DefaultWindow
	}
	p := api.Period{Start: now.Add(-window), End: now}
	if !m.to.IsZero() && !p.Start.Before(m.from) {
		p.Start = m.to.Add(-overlap) // the window was walked: only what is new
	}
	if m.cancel != nil {
		m.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel, m.walking, m.lastAt = cancel, true, now
	m.seq++
	seq, client := m.seq, m.client
	return m, func() tea.Msg {
		// Nobody waits for it: it stands back for the user's requests.
		w, err := client.WalkHandoffReasons(api.Background(ctx), p)
		return WalkedMsg{Seq: seq, Period: p, Walk: w, Err: err}
	}
}

// Update takes the package's messages; changed says the known reasons
// changed, and the root hands them on.
func (m Model) Update(msg Msg) (Model, bool, tea.Cmd) {
	switch msg := msg.(type) {
	case KeptMsg:
		if len(msg.BySession) == 0 {
			return m, false, nil
		}
		known := maps.Clone(msg.BySession)
		maps.Copy(known, m.known) // a walk that answered first is fresher
		m.known = known
		return m, true, nil
	case WalkedMsg:
		if msg.Seq != m.seq {
			return m, false, nil
		}
		m.walking = false
		m.err = msg.Err
		if msg.Err == nil {
			if m.from.IsZero() || msg.Period.Start.Before(m.from) {
				m.from = msg.Period.Start
			}
			m.to = msg.Period.End
		}
		if msg.Walk == nil || len(msg.Walk.BySession) == 0 {
			return m, false, nil
		}
		known := maps.Clone(m.known)
		for id, why := range msg.Walk.BySession {
			known[strings.ToLower(id)] = why
		}
		m.known = known
		return m, true, save(m.mem, msg.Walk.BySession, msg.Period.End)
	}
	return m, false, nil
}

// recall reads back every session the store keeps a reason for: the
// store answers by reason, and a session with two reasons comes twice.
func recall(mem Memory) tea.Cmd {
	if mem == nil {
		return nil
	}
	return func() tea.Msg {
		ctx := context.Background()
		seen := map[string]bool{}
		var ids []string
		for _, r := range api.HandoffReasons() {
			found, err := mem.HandedOffBecause(ctx, r)
			if err != nil {
				return KeptMsg{} // the store says why it stopped, in the header
			}
			for _, id := range found {
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
		}
		kept, err := mem.HandoffReasons(ctx, ids)
		if err != nil {
			return KeptMsg{}
		}
		out := make(map[string]api.HandoffWhy, len(kept))
		for id, why := range kept {
			out[id] = api.HandoffWhy{Reasons: why.Reasons, Explanation: why.Explanation, At: api.Timestamp{Time: why.At}}
		}
		return KeptMsg{BySession: out}
	}
}

// save keeps what a walk read; a failed save is the store's to report.
func save(mem Memory, bySession map[string]api.HandoffWhy, at time.Time) tea.Cmd {
	if mem == nil {
		return nil
	}
	return func() tea.Msg {
		_ = mem.SaveHandoffReasons(context.Background(), bySession, at)
		return nil
	}
}
