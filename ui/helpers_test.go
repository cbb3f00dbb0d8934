package ui

import (
	"context"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/keys"
)

// testNow is the fixed clock of every UI test, so ages in goldens are stable.
var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return testNow }

func testTheme() *styles.Theme { return styles.Plain() }

// stubClient answers lookups from a map and records each request's context,
// so tests can see cancellation.
type stubClient struct {
	mu       sync.Mutex
	sessions map[string]*api.Session
	errs     map[string]error
	ctxs     map[string]context.Context
	changes  []api.StatusChange // what SetStatus was sent, in order
	redacted []string           // what the redactions were sent, in order
}

func (c *stubClient) GetSession(ctx context.Context, id string) (*api.Session, error) {
	c.mu.Lock()
	if c.ctxs == nil {
		c.ctxs = map[string]context.Context{}
	}
	c.ctxs[id] = ctx
	s, err := c.sessions[id], c.errs[id]
	c.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if s == nil {
		return nil, &api.Error{Kind: api.KindNotFound, Status: 404, Op: "get session " + api.ShortID(id)}
	}
	return s, nil
}

func (c *stubClient) BaseURL() string { return "https://api.example.test" }

func (c *stubClient) Budget() int { return api.RequestsPerMinute }

func (c *stubClient) Delay() time.Duration { return 0 }

// RedactSession records the redaction of a session's messages.
func (c *stubClient) RedactSession(_ context.Context, id, reason string) (*api.Redaction, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.redacted = append(c.redacted, id+" "+reason)
	return &api.Redaction{Success: true, Type: "session", Affected: 4, MessagesRedacted: 4}, nil
}

// RedactMessage records the redaction of one message.
func (c *stubClient) RedactMessage(_ context.Context, id, reason string) (*api.Redaction, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.redacted = append(c.redacted, "message "+id+" "+reason)
	return &api.Redaction{Success: true, Type: "message", Affected: 1}, nil
}

// SetStatus changes the stub session's status, or fails as a missing one.
func (c *stubClient) SetStatus(_ context.Context, id string, ch api.StatusChange) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.errs[id]; err != nil {
		return err
	}
	s := c.sessions[id]
	if s == nil {
		return &api.Error{Kind: api.KindNotFound, Status: 404, Op: "change the status of " + api.ShortID(id)}
	}
	c.changes = append(c.changes, ch)
	s.Status = ch.Status
	return nil
}

// ListSessions serves the stub's sessions as one page, in ID order.
func (c *stubClient) ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	page := &api.SessionPage{}
	for _, id := range slices.Sorted(maps.Keys(c.sessions)) {
		page.Items = append(page.Items, *c.sessions[id])
	}
	return page, nil
}

func (c *stubClient) History(ctx context.Context, id, cursor string) (*api.HistoryPage, error) {
	return &api.HistoryPage{}, nil
}

// Search matches the query against the stub sessions' contact names.
func (c *stubClient) Search(ctx context.Context, query string) (*api.SearchResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	res := &api.SearchResult{}
	for _, id := range slices.Sorted(maps.Keys(c.sessions)) {
		s := c.sessions[id]
		if s.Contact != nil && s.Contact.Name != nil && strings.Contains(strings.ToLower(*s.Contact.Name), strings.ToLower(query)) {
			res.Contacts = append(res.Contacts, api.SearchContact{ID: s.Contact.ID, Name: *s.Contact.Name})
		}
	}
	return res, nil
}

func (c *stubClient) ctx(id string) context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ctxs[id]
}

// copyRecorder collects what the model tried to copy.
type copyRecorder struct {
	mu     sync.Mutex
	copied []string
}

func (r *copyRecorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.copied = append(r.copied, string(p))
	return len(p), nil
}

func newTestModel(t testing.TB, client Client, opts ...func(*Options)) Model {
	t.Helper()
	o := Options{
		Client: client, Theme: testTheme(), Keys: keys.Default(), Now: fixedNow,
		Timer:  func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil },
		Copier: clipboard.Copier{Terminal: &copyRecorder{}, Native: func(string) error { return nil }},
	}
	for _, f := range opts {
		f(&o)
	}
	m := New(o)
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return next.(Model)
}

// demoSession decodes one of the fake server's fixtures.
func demoSession(t testing.TB, index int) *api.Session {
	t.Helper()
	id := demo.Sessions()[index].ID
	return fetchFrom(t, id)
}

// fetchFrom gets a session from a fresh fake server through the real client.
func fetchFrom(t testing.TB, id string) *api.Session {
	t.Helper()
	base, stop := startFake(t)
	defer stop()
	c, err := api.New(base, fake.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.GetSession(context.Background(), id)
	if err != nil {
		t.Fatalf("get %s: %v", id, err)
	}
	return s
}

func startFake(t testing.TB, opts ...fake.Option) (string, func()) {
	t.Helper()
	base, stop, err := demo.NewServer(append([]fake.Option{fake.WithClock(fixedNow)}, opts...)...).Start()
	if err != nil {
		t.Fatal(err)
	}
	return base, stop
}

// fetching reports whether a lookup is under way.
func (m Model) fetching() bool { return m.detail.Fetching() }

// session is the session the pane shows.
func (m Model) session() *api.Session { return m.detail.Shown() }

func keyRunes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// send feeds msgs to the model in order, running no commands.
func send(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	return m
}
