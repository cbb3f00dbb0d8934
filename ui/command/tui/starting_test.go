package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/pulseline"
)

var startNow = time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)

// emptyQueue is what the queue says when it has no rows at all: never on
// a frame before the kept rows.
const emptyQueue = "No sessions match these filters"

// offlineClient is an API that cannot be reached: every call fails as a
// refused connection does.
type offlineClient struct{}

var errOffline = &api.Error{Kind: api.KindUnreachable, BaseURL: "https://api.example.test"}

func (offlineClient) GetSession(context.Context, string) (*api.Session, error) {
	return nil, errOffline
}
func (offlineClient) ListSessions(context.Context, api.ListParams) (*api.SessionPage, error) {
	return nil, errOffline
}
func (offlineClient) History(context.Context, string, string) (*api.HistoryPage, error) {
	return nil, errOffline
}
func (offlineClient) Search(context.Context, string) (*api.SearchResult, error) {
	return nil, errOffline
}
func (offlineClient) BaseURL() string                                           { return "https://api.example.test" }
func (offlineClient) SetStatus(context.Context, string, api.StatusChange) error { return errOffline }
func (offlineClient) CSAT(context.Context, string) (*api.CSATScore, error)      { return nil, errOffline }
func (offlineClient) WalkHandoffReasons(context.Context, api.Period) (*api.HandoffWalk, error) {
	return nil, errOffline
}
func (offlineClient) Budget() int          { return api.RequestsPerMinute }
func (offlineClient) Delay() time.Duration { return 0 }

// startOptions are the root model's options, less the store's part.
func startOptions() ui.Options {
	return ui.Options{Client: offlineClient{}, Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return startNow },
		Timer: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }, PulseLine: true}
}

// startFrom is the program's first model over the store open gives.
func startFrom(t *testing.T, open func() (*store.Store, []string)) (tea.Model, *opening) {
	t.Helper()
	o := openStore(open, true, filter.Filters{}, startNow, 24)
	t.Cleanup(o.close)
	return newStarting(Prepared{opts: startOptions(), store: o}), o
}

// run runs cmd and the commands of the batches it makes, and answers their
// messages.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	batch, ok := msg.(tea.BatchMsg)
	if !ok {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for _, c := range batch {
		out = append(out, run(c)...)
	}
	return out
}

// TestTheRootModelTakesOverWithTheKeptRows: until the store has given the
// first screen the program's model says it is reading it (never an empty
// queue) and keeps what the program sends; then the root model is the
// program's, with the kept rows on its first View, the window's size and
// the keys typed meanwhile handed to it in order.
func TestTheRootModelTakesOverWithTheKeptRows(t *testing.T) {
	dir, newest := filledStore(t, 30)
	m, _ := startFrom(t, func() (*store.Store, []string) { return openStoreAt(t, dir), nil })
	if v := m.View(); v != "" {
		t.Errorf("before the window's size the model draws %q", v)
	}
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	quit := keys.Default().Quit.Keys()[0]
	m, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(quit)})
	if cmd != nil {
		t.Error("a key typed while the store opens acted before the root model had it")
	}
	if v := m.View(); !strings.Contains(v, "Reading the sessions cxi kept") || strings.Contains(v, emptyQueue) {
		t.Errorf("while the store opens the frame reads %q", v)
	}
	built := run(m.Init())
	if len(built) != 1 {
		t.Fatalf("Init answered %v", built)
	}
	m, cmd = m.Update(built[0])
	root, ok := m.(ui.Model)
	if !ok {
		t.Fatalf("after the store the program's model is %T", m)
	}
	v := root.View()
	if !strings.Contains(v, newest) || strings.Contains(v, emptyQueue) {
		t.Errorf("the first View of the root model has no kept row %q:\n%s", newest, v)
	}
	lines := strings.Split(v, "\n")
	if len(lines) != 24 {
		t.Fatalf("the window's size was not handed over: %d lines", len(lines))
	}
	// The header's pulse counts the kept rows from the first frame on.
	st := openStoreAt(t, dir)
	screen, err := st.Sessions(context.Background(), store.Query{Limit: 24})
	_ = st.Close()
	c := pulseline.Count(pulseline.FactsOf(screen), startNow)
	if err != nil || c.OpenHandoffs == 0 {
		t.Fatalf("the first screen holds no open handoff to count: %v", err)
	}
	if want := fmt.Sprintf("%d+ open handoffs", c.OpenHandoffs); !strings.Contains(lines[0], want) {
		t.Errorf("the first header does not say %q:\n%s", want, lines[0])
	}
	var quits bool
	for _, msg := range run(cmd) {
		_, q := msg.(tea.QuitMsg)
		quits = quits || q
	}
	if !quits {
		t.Errorf("%s, typed while the store opened, was lost", quit)
	}
}

// TestForceQuitWhileTheStoreOpens: ctrl+c does not wait for a slow store.
func TestForceQuitWhileTheStoreOpens(t *testing.T) {
	release := make(chan struct{})
	m, _ := startFrom(t, func() (*store.Store, []string) { <-release; return nil, nil })
	defer close(release)
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if cmd == nil {
		t.Fatal("ctrl+c did nothing while the store opened")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("ctrl+c does not quit while the store opens")
	}
}

// TestAStoreThatCannotOpenIsSaid: a store that cannot be opened (its
// directory is a file) is said in a notice and, the whole run, in the
// header; the program starts without it, as before.
func TestAStoreThatCannotOpenIsSaid(t *testing.T) {
	file := filepath.Join(t.TempDir(), "state")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	e := env(map[string]string{store.EnvDir: file})
	cfg, err := parse([]string{"--demo"}, e)
	if err != nil {
		t.Fatal(err)
	}
	p, stop, err := Prepare(cfg, keys.Default(), e)
	defer stop()
	if err != nil {
		t.Fatal(err)
	}
	opts := p.options()
	if opts.Memory != nil || opts.Unkept == "" || len(opts.Notices) == 0 || !strings.Contains(opts.Notices[0], "Not remembering this run") {
		t.Fatalf("store %v, unkept %q, notices %q", opts.Memory, opts.Unkept, opts.Notices)
	}
	opts.Theme = styles.Plain()
	var m tea.Model = ui.New(opts)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if h := strings.Split(m.View(), "\n")[0]; !strings.Contains(h, "not remembering: the store could not be opened") {
		t.Errorf("the header does not say the store could not be opened:\n%s", h)
	}
}

// TestNoStoreOpensNothing: with --no-store nothing is opened or said, and
// the program says it is starting, not reading kept sessions.
func TestNoStoreOpensNothing(t *testing.T) {
	e := env(map[string]string{store.EnvDir: t.TempDir()})
	cfg, err := parse([]string{"--demo", "--no-store"}, e)
	if err != nil {
		t.Fatal(err)
	}
	p, stop, err := Prepare(cfg, keys.Default(), e)
	defer stop()
	if err != nil {
		t.Fatal(err)
	}
	if opts := p.options(); opts.Memory != nil || opts.Unkept != "" || opts.Notices != nil || opts.Cached != nil {
		t.Errorf("--no-store: store %v, unkept %q, notices %q, %d cached", opts.Memory, opts.Unkept, opts.Notices, len(opts.Cached))
	}
	if p.store.loading != "Starting…" {
		t.Errorf("--no-store says %q while it starts", p.store.loading)
	}
}

// frameLog is a program's output, a write at a time (the renderer writes
// a frame in one), that tells when a write first holds each of its words.
type frameLog struct {
	mu     sync.Mutex
	writes []string
	words  map[string]chan struct{}
}

func newFrameLog(words ...string) *frameLog {
	l := &frameLog{words: map[string]chan struct{}{}}
	for _, w := range words {
		l.words[w] = make(chan struct{})
	}
	return l
}

func (l *frameLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes = append(l.writes, string(p))
	for w, seen := range l.words {
		if seen != nil && strings.Contains(string(p), w) {
			close(seen)
			l.words[w] = nil
		}
	}
	return len(p), nil
}

// TestNoFrameBeforeTheKeptRowsIsEmpty: a real program over a filled store
// with the API unreachable, whose store opens only once the program has
// drawn a frame (as when the disk is slower than the renderer's first
// tick): the frames before the kept rows say the sessions are being read,
// and none is the queue without them.
func TestNoFrameBeforeTheKeptRowsIsEmpty(t *testing.T) {
	dir, newest := filledStore(t, 30)
	const loading, queueChrome = "Reading the sessions cxi kept", "filter the queue"
	out := newFrameLog(loading, newest)
	drawn, rows := out.words[loading], out.words[newest]
	m, _ := startFrom(t, func() (*store.Store, []string) { <-drawn; return openStoreAt(t, dir), nil })
	p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(out), tea.WithoutSignalHandler())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	p.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	select {
	case <-rows:
	case err := <-done:
		t.Fatalf("the program ended before a frame showed %q: %v", newest, err)
	case <-time.After(time.Minute): // a guard against a hang, not a timing
		t.Fatalf("no frame showed %q", newest)
	}
	p.Kill()
	<-done
	out.mu.Lock()
	defer out.mu.Unlock()
	for _, w := range out.writes {
		if strings.Contains(w, newest) {
			return
		}
		if strings.Contains(w, queueChrome) || strings.Contains(w, emptyQueue) {
			t.Fatalf("a frame before the kept rows drew the queue without them:\n%s", w)
		}
	}
}
