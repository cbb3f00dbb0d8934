package transcript

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func theme() *styles.Theme { return styles.Plain() }

// book serves n events in pages of size.
type book struct {
	events []api.Event
	size   int
	calls  int
}

func newBook(n, size int) *book {
	b := &book{size: size}
	senders := []string{"contact", "ai", "agent", "system"}
	for i := range n {
		e := api.Event{
			ID: fmt.Sprint(i), Type: "message", SenderType: senders[i%4], SenderName: fmt.Sprintf("Person %d", i%4),
			CreatedAt: api.Timestamp{Raw: "x", Time: now.Add(-time.Duration(n-i) * time.Minute)},
			Text:      strings.Repeat(fmt.Sprintf("message %d says something. ", i), 1+i%7),
		}
		if i%50 == 10 {
			e.Type, e.Text = "handoff", "Customer wants a refund."
		}
		if i%50 == 20 {
			e.Attachments = []api.Attachment{{Name: "invoice.pdf", Size: 214000, Type: "application/pdf"}}
		}
		if i%50 == 30 {
			e.Type = "survey_response"
		}
		b.events = append(b.events, e)
	}
	return b
}

func (b *book) History(_ context.Context, id, cursor string) (*api.HistoryPage, error) {
	b.calls++
	start := 0
	fmt.Sscan(cursor, &start)
	end := min(start+b.size, len(b.events))
	p := &api.HistoryPage{Items: b.events[start:end]}
	if end < len(b.events) {
		p.Next = fmt.Sprint(end)
	}
	return p, nil
}

func run(m Model, cmd tea.Cmd) Model {
	for cmd != nil {
		msg := cmd()
		if msg == nil {
			return m
		}
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				m = run(m, c)
			}
			return m
		}
		m, cmd = m.Update(msg)
	}
	return m
}

func TestTranscriptPagesAsYouScroll(t *testing.T) {
	b := newBook(200, 50)
	m := New(theme(), DefaultKeyMap(), b, "s1", now).SetSize(80, 20)
	m, cmd := m.Start()
	m = run(m, cmd)
	if m.Loaded() != 50 || b.calls != 1 {
		t.Fatalf("loaded %d in %d calls", m.Loaded(), b.calls)
	}
	for m.Loaded() < 200 {
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")})
		m = run(m, cmd)
	}
	if b.calls != 4 {
		t.Errorf("%d calls for 4 pages", b.calls)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")})
	if v := m.View(); !strings.Contains(v, "end of the history: 200 events") {
		t.Errorf("end not shown:\n%s", v)
	}
}

func TestEventsRender(t *testing.T) {
	b := newBook(60, 100)
	m := New(theme(), DefaultKeyMap(), b, "s1", now).SetSize(70, 2000)
	m, cmd := m.Start()
	m = run(m, cmd)
	v := m.View()
	for _, want := range []string{"Person 0 (customer)", "Person 1 (AI agent)", "Person 2 (human agent)", "── Handed off to a human", "📎 invoice.pdf (214 kB, application/pdf)", "[survey_response]"} {
		if !strings.Contains(v, want) {
			t.Errorf("transcript lacks %q", want)
		}
	}
	for _, l := range strings.Split(v, "\n") {
		if w := lipgloss.Width(l); w > 70 {
			t.Fatalf("line %d wide: %q", w, l)
		}
	}
}

func TestHostileTextIsSanitized(t *testing.T) {
	b := &book{size: 10, events: []api.Event{{Type: "message", SenderType: "contact", SenderName: "\x1b]0;pwned\x07Eve\u202e",
		Text: "hi \x1b]52;c;cm0gLXJmIH4K\x07 there \x1b[31mred\x9b"}}}
	m := New(theme(), DefaultKeyMap(), b, "s1", now).SetSize(70, 20)
	m, cmd := m.Start()
	m = run(m, cmd)
	v := m.View()
	if strings.ContainsAny(v, "\x1b\x07\u202e\u009b") {
		t.Fatalf("control characters on screen: %q", v)
	}
	if !strings.Contains(v, "Eve (customer)") || !strings.Contains(v, "hi  there red") {
		t.Errorf("text lost:\n%s", v)
	}
}

func TestStalePageOfAnotherSessionIsDropped(t *testing.T) {
	m := New(theme(), DefaultKeyMap(), newBook(5, 5), "s1", now).SetSize(70, 20)
	m, _ = m.Start()
	m, _ = m.Update(PageLoadedMsg{req: page{sessionID: "s2"}, page: &api.HistoryPage{Items: []api.Event{{Text: "other"}}}})
	if m.Loaded() != 0 {
		t.Fatal("a page of another session was taken")
	}
}

// BenchmarkTranscriptView draws a 5 000-event transcript at 120×40.
func BenchmarkTranscriptView(b *testing.B) {
	bk := newBook(5000, 5000)
	m := New(theme(), DefaultKeyMap(), bk, "s1", now).SetSize(120, 40)
	m, cmd := m.Start()
	m = run(m, cmd)
	m.viewport.SetYOffset(m.viewport.TotalLineCount() / 2)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// TestShortMessagesTakeOneLine: "hi" takes one line, who, text and the
// time, with no blank line between two such; a long message keeps its
// header and blank lines around it; and the message at the top of the
// screen (what X redacts) is still the one the screen shows there.
func TestShortMessagesTakeOneLine(t *testing.T) {
	at := api.Timestamp{Raw: "x", Time: now.Add(-time.Hour)}
	b := &book{size: 50, events: []api.Event{
		{ID: "a", Type: "message", SenderType: "contact", SenderName: "Dana", CreatedAt: at, Text: "hi"},
		{ID: "b", Type: "message", SenderType: "contact", SenderName: "Dana", CreatedAt: at, Text: "I was charged twice"},
		{ID: "c", Type: "message", SenderType: "ai", SenderName: "Larkspur", CreatedAt: at, Text: strings.Repeat("A long answer that wraps. ", 8)},
		{ID: "d", Type: "message", SenderType: "contact", SenderName: "Dana", CreatedAt: at, Text: "ok"},
	}}
	m := New(theme(), DefaultKeyMap(), b, "3c90c3cc-0d44-4b50-8888-8dd25736052a", now).SetSize(80, 30)
	m, cmd := m.Start()
	m = run(m, cmd)
	lines := strings.Split(m.View(), "\n")
	if !strings.HasPrefix(lines[0], "Dana (customer)  hi ") || !strings.HasSuffix(strings.TrimRight(lines[0], " "), "11:00") ||
		!strings.HasPrefix(lines[1], "Dana (customer)  I was charged twice") || strings.TrimSpace(lines[2]) != "" ||
		!strings.HasPrefix(lines[3], "Larkspur (AI agent)  Nov 25 11:00") {
		t.Fatalf("layout:\n%s", strings.Join(lines[:8], "\n"))
	}
	m = m.SetSize(80, 3) // short, so that the screen can scroll to each line
	for offset, want := range map[int]string{0: "a", 1: "b", 2: "c", 3: "c"} {
		m.viewport.SetYOffset(offset)
		if got := m.Current(true); got == nil || got.ID != want {
			t.Errorf("top line %d: current %+v, want %s", offset, got, want)
		}
	}
}
