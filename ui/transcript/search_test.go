package transcript

import (
	"io"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
)

func press(m Model, names ...string) Model {
	for _, n := range names {
		var cmd tea.Cmd
		m, cmd = m.Update(keytest.Msg(n))
		m = run(m, cmd)
	}
	return m
}

func typed(m Model, s string) Model {
	for _, r := range s {
		m = press(m, string(r))
	}
	return m
}

// lines is a history of one message a line, texts as given.
func lines(texts ...string) *book {
	b := &book{size: 100}
	for _, t := range texts {
		b.events = append(b.events, api.Event{Type: "message", SenderType: "contact", SenderName: "Dana", Text: t})
	}
	return b
}

// TestSearchFindsEveryMatchWhereItIs: matches are found case-insensitively,
// several on a line, in non-Latin text, at the cells where they are shown;
// the tail line, cxi's own, is not searched.
func TestSearchFindsEveryMatchWhereItIs(t *testing.T) {
	b := lines("Refund, refund, REFUND", "no", "возврат Возврат", "end of the history")
	m := New(theme(), DefaultKeyMap(), b, "s1", now).SetSize(80, 20)
	m, cmd := m.Start()
	m = run(m, cmd)
	m = typed(press(m, "/"), "refund")
	if len(m.find.hits) != 3 || m.find.hits[0].line != 0 || m.find.hits[1].line != 0 {
		t.Fatalf("hits %+v, want three on the first line", m.find.hits)
	}
	line := strings.Split(m.View(), "\n")[0]
	for _, h := range m.find.hits {
		if got := strings.ToLower(cut(line, h.start, h.end)); got != "refund" {
			t.Errorf("hit at cells %d–%d reads %q on %q", h.start, h.end, got, line)
		}
	}
	m = typed(press(m, "esc", "/"), "ВОЗВРАТ")
	if len(m.find.hits) != 2 || m.find.hits[0].line != 2 {
		t.Errorf("non-Latin hits %+v", m.find.hits)
	}
	m = typed(press(m, "esc", "/"), "end of the history")
	if len(m.find.hits) != 1 {
		t.Errorf("the tail line was searched: %+v", m.find.hits)
	}
}

func cut(s string, start, end int) string {
	r := []rune(s) // the test's lines are one cell a rune
	return string(r[start:end])
}

// TestSearchMovesToTheMatchAndSaysWhere: the reader is taken to the match,
// which is on screen; n/p go round; the line below says "k of n" and,
// before the end of the history is loaded, how much is searched.
func TestSearchMovesToTheMatchAndSaysWhere(t *testing.T) {
	b := newBook(200, 50) // "message 120 says something" far below the first screen
	m := New(theme(), DefaultKeyMap(), b, "s1", now).SetSize(80, 20)
	m, cmd := m.Start()
	m = run(m, cmd)
	m = typed(press(m, "/"), "message 49 says")
	if !m.Typing() || len(m.find.hits) == 0 {
		t.Fatalf("typing: %v, hits %d", m.Typing(), len(m.find.hits))
	}
	v := m.View()
	if !strings.Contains(v, "message 49 says") || !strings.Contains(v, "1 of ") || !strings.Contains(v, "50 events loaded, G/end loads the rest") {
		t.Fatalf("the match is not on screen, or the bar does not say where:\n%s", v)
	}
	m = press(m, "enter")
	if m.Typing() || !m.Searching() {
		t.Fatal("enter did not keep the search")
	}
	n := len(m.find.hits)
	for i := 1; i < n; i++ {
		m = press(m, "n")
	}
	if m.find.at != n-1 || !strings.Contains(m.View(), "message 49 says") {
		t.Errorf("n %d times: on match %d of %d", n-1, m.find.at+1, n)
	}
	if m = press(m, "n"); m.find.at != 0 {
		t.Errorf("n on the last match goes to %d, not the first", m.find.at+1)
	}
	if m = press(m, "p"); m.find.at != n-1 {
		t.Errorf("p on the first match goes to %d, not the last", m.find.at+1)
	}
	if m = m.ClearSearch(); m.Searching() || strings.Contains(m.View(), "loaded, G/end") {
		t.Errorf("the search is still on after ClearSearch:\n%s", m.View())
	}
	if m = typed(press(m, "/"), "zzz"); !strings.Contains(m.View(), "no match in 50 events") {
		t.Errorf("no match is not said:\n%s", m.View())
	}
}

// TestSearchHighlightsTheMatches: with colours, every match is marked and
// the current one apart from the others.
func TestSearchHighlightsTheMatches(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	th := styles.New(r)
	m := New(th, DefaultKeyMap(), lines("a refund", "another refund"), "s1", now).SetSize(80, 20)
	m, cmd := m.Start()
	m = run(m, cmd)
	m = typed(press(m, "/"), "refund")
	lines := strings.Split(m.View(), "\n")
	current, other := th.Selected.Reverse(true).Render("refund"), th.Marker.Reverse(true).Render("refund")
	if !strings.Contains(lines[0], current) || !strings.Contains(lines[1], other) {
		t.Errorf("the matches are not marked, the current apart:\n%q\n%q", lines[0], lines[1])
	}
}

// TestAtLatestOpensAtTheLastEvent: AtLatest reads every page, oldest
// first as the API gives them, and lands on the last event.
func TestAtLatestOpensAtTheLastEvent(t *testing.T) {
	b := newBook(200, 50)
	m := New(theme(), DefaultKeyMap(), b, "s1", now).SetSize(80, 20).AtLatest()
	m, cmd := m.Start()
	m = run(m, cmd)
	if m.Loaded() != 200 || b.calls != 4 || !m.viewport.AtBottom() {
		t.Fatalf("loaded %d in %d calls, at the bottom: %v", m.Loaded(), b.calls, m.viewport.AtBottom())
	}
	if v := m.View(); !strings.Contains(v, "end of the history: 200 events") {
		t.Errorf("the last screen is not the end:\n%s", v)
	}
}
