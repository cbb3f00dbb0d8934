package detail

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/render"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func theme() *styles.Theme { return styles.Plain() }

func fixture(t testing.TB, id string) *api.Session {
	t.Helper()
	body, ok := demo.Fixture(id)
	if !ok {
		t.Fatalf("no fixture %s", id)
	}
	var s api.Session
	if err := json.Unmarshal(body, &s); err != nil {
		t.Fatal(err)
	}
	return &s
}

// fullContent renders the whole pane, however tall, by giving it the room.
func fullContent(s *api.Session, width int) string {
	m := newPane(theme(), DefaultKeyMap()).SetSize(width, 500).SetSession(s, now)
	return m.View()
}

func TestAbsentValuesShowADash(t *testing.T) {
	s := fixture(t, demo.IDMinimal)
	for _, width := range []int{60, 120} {
		v := fullContent(s, width)
		for _, bad := range []string{"<nil>", "%!", "0001-01-01"} {
			if strings.Contains(v, bad) {
				t.Errorf("width %d: %q in view:\n%s", width, bad, v)
			}
		}
		for _, want := range []string{"No contact on this session.", "Not handed off.", "No ticketing system linked.", "No custom data.", "Language     —", "— not judged", "Team         —"} {
			if !strings.Contains(v, want) {
				t.Errorf("width %d: view lacks %q:\n%s", width, want, v)
			}
		}
	}
}

// TestPanelOrderAndColumns: the four panels a lead reads first come first
// at every width (status, sentiment, contact, handoff), then the long
// tail; status and sentiment share a line from SideBySideWidth, and a wide
// pane puts contact beside them and the tail in two columns.
func TestPanelOrderAndColumns(t *testing.T) {
	s := fixture(t, demo.IDAngryHandoff)
	order := []string{"─ Status ", "─ Sentiment ", "─ Contact ", "─ Handoff ", "─ Session ", "─ Contact details ", "─ Ticket ", "─ Team & assignee ", "─ Session custom data "}
	for _, width := range []int{50, 80, 120} {
		v := fullContent(s, width)
		last := -1
		for _, title := range order {
			line := lineOfFrom(v, title, last)
			if line < 0 || line < last {
				t.Fatalf("width %d: panel %q missing or out of order:\n%s", width, title, v)
			}
			last = line
		}
	}
	if narrow := fullContent(s, 50); lineOf(narrow, "─ Sentiment ") == lineOf(narrow, "─ Status ") {
		t.Errorf("status and sentiment side by side at 50:\n%s", narrow)
	}
	if mid := fullContent(s, 80); lineOf(mid, "─ Sentiment ") != lineOf(mid, "─ Status ") || lineOf(mid, "─ Contact ") == lineOf(mid, "─ Status ") {
		t.Errorf("at 80 status and sentiment share a line, the contact below:\n%s", mid)
	}
	wide := fullContent(s, 120)
	if lineOf(wide, "─ Contact ") != lineOf(wide, "─ Status ") || lineOf(wide, "─ Contact details ") != lineOf(wide, "─ Session ") {
		t.Errorf("at 120 the contact sits beside status, the tail in two columns:\n%s", wide)
	}
}

// TestTheFourPanelsFitA24LineScreen: at 80×24 (a pane of 19 lines) the
// first screen of a session holds status, sentiment, contact and the
// start of the handoff summary, for the showcase and for a session with a
// long summary, no contact name and no ticket.
func TestTheFourPanelsFitA24LineScreen(t *testing.T) {
	star := fixture(t, demo.IDAngryHandoff)
	bare := fixture(t, demo.IDAngryHandoff)
	bare.TicketingSystem, bare.Contact.Name = nil, nil
	bare.Handoff.Summary = strings.Repeat("The customer explains the problem again at length. ", 40)
	for name, s := range map[string]*api.Session{"showcase": star, "no name, no ticket, long summary": bare} {
		m := newPane(theme(), DefaultKeyMap()).SetSize(80, 19).SetSession(s, now)
		v := m.View()
		for _, want := range []string{"─ Status ", "open", "─ Sentiment ", "angry", "─ Contact ", "─ Handoff ", strings.Fields(s.Handoff.Summary)[0]} {
			if !strings.Contains(v, want) {
				t.Errorf("%s: the first screen at 80×24 lacks %q:\n%s", name, want, v)
			}
		}
		if first := strings.Fields(s.Handoff.Summary)[:6]; !strings.Contains(strings.Join(strings.Fields(v), " "), strings.Join(first, " ")) {
			t.Errorf("%s: the summary's first words are not on the first screen:\n%s", name, v)
		}
	}
}

func TestHandoffSummaryIsWrappedInFull(t *testing.T) {
	s := fixture(t, demo.IDAngryHandoff)
	v := fullContent(s, 60)
	words := strings.Fields(s.Handoff.Summary)
	flat := strings.Join(strings.Fields(strings.NewReplacer("│", " ").Replace(v)), " ")
	if !strings.Contains(flat, strings.Join(words[len(words)-8:], " ")) {
		t.Errorf("the end of the summary is missing:\n%s", v)
	}
	for _, l := range strings.Split(v, "\n") {
		if lipgloss.Width(l) > 60 {
			t.Errorf("line wider than the pane: %q", l)
		}
	}
}

func TestUnknownEnumsShownAsSentAndTagged(t *testing.T) {
	v := fullContent(fixture(t, demo.IDUnknownEnums), 120)
	for _, want := range []string{"pending_review", "telegram", "frustrated", "zendesk_v3", "thread_id", "escalated_to_human", newValueTag} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q", want)
		}
	}
}

func TestFloatTicketNumberAndCopyHint(t *testing.T) {
	v := fullContent(fixture(t, demo.IDResolvedEmail), 120)
	if !strings.Contains(v, "1042.5") {
		t.Errorf("float ticket number not shown as sent:\n%s", v)
	}
	if !strings.Contains(v, "y copy") {
		t.Errorf("no copy hint beside external_id")
	}
}

// TestCopyHintOnlyWhereTheKeyCopies: an external_id that is blank on
// screen, or holds a hidden character, is never copied, so neither the
// first line nor the ticket panel offers the key for it.
func TestCopyHintOnlyWhereTheKeyCopies(t *testing.T) {
	for _, ext := range []string{"   ", "ZD-\u200b884213", "ZD-\x1b[2J884213"} {
		s := fixture(t, demo.IDResolvedEmail)
		s.TicketingSystem.ExternalID = ext
		if v := fullContent(s, 120); strings.Contains(v, "y copy") {
			t.Errorf("external_id %+q: a copy hint is shown:\n%s", ext, v)
		}
	}
}

func TestScrolling(t *testing.T) {
	m := newPane(theme(), DefaultKeyMap()).SetSize(60, 10).SetSession(fixture(t, demo.IDAngryHandoff), now)
	if !m.Scrollable() || m.ScrollPercent() != 0 {
		t.Fatal("a tall session should scroll and start at the top")
	}
	top := m.View()
	m.viewport.GotoBottom()
	if m.View() == top || m.ScrollPercent() != 1 {
		t.Fatal("scrolling to the bottom changed nothing")
	}
	// A resize keeps the content and re-lays it out.
	m = m.SetSize(120, 10)
	if !strings.Contains(m.viewport.View()+strings.Join(strings.Fields(fullContent(m.session, 120)), " "), "Session custom data") {
		t.Fatal("content lost on resize")
	}
}

func lineOf(s, sub string) int { return lineOfFrom(s, sub, 0) }

// lineOfFrom finds the first line at or after from that contains sub.
func lineOfFrom(s, sub string, from int) int {
	for i, l := range strings.Split(s, "\n") {
		if i >= from && strings.Contains(l, sub) {
			return i
		}
	}
	return -1
}

func firstLineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

// BenchmarkDetailView measures drawing the pane at 120×40: View slices the
// lines laid out in Update, so it must stay cheap however long the session.
func BenchmarkDetailView(b *testing.B) {
	m := newPane(theme(), DefaultKeyMap()).SetSize(120, 40).SetSession(fixture(b, demo.IDAngryHandoff), now)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkDetailLayout measures laying the panels out, which happens once
// per session, resize or minute of clock.
func BenchmarkDetailLayout(b *testing.B) {
	s := fixture(b, demo.IDAngryHandoff)
	m := newPane(theme(), DefaultKeyMap()).SetSize(120, 40)
	b.ReportAllocs()
	for b.Loop() {
		m = m.SetSession(s, now)
	}
}

func TestComplexScriptsStayInsideThePane(t *testing.T) {
	name := "प्रिया शर्मा प्रिया शर्मा प्रिया शर्मा प्रिया शर्मा"
	s := &api.Session{ID: "00000000-0000-4000-8000-000000000001", Contact: &api.Contact{ID: "c", Name: &name},
		CustomData: api.CustomData{"नाम": []byte(`"` + name + `"`)}}
	for _, w := range []int{120, 60} {
		for _, l := range strings.Split(fullContent(s, w), "\n") {
			if render.Width(l) > w {
				t.Fatalf("width %d: a line of %d cells: %q", w, render.Width(l), l)
			}
		}
	}
}

// TestClosedAsHandedOffWithoutASummary: ai_closure_type handed_off with
// no handoff object is a handoff (as the queue's ⇄ says), not "Not
// handed off.".
func TestClosedAsHandedOffWithoutASummary(t *testing.T) {
	s := fixture(t, demo.IDMinimal)
	closure := api.ClosureHandedOff
	s.AIClosureType, s.Handoff = &closure, nil
	v := fullContent(s, 100)
	if strings.Contains(v, "Not handed off.") || !strings.Contains(v, "Handed off by the AI; the API sent no handoff summary.") {
		t.Errorf("the Handoff panel of a session the AI closed as handed off:\n%s", v)
	}
}
