package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/overlay/picker"
)

// requestsTo counts the requests srv saw whose path holds part, from the
// index from on.
func requestsTo(srv *fake.Server, from int, part string) int {
	n := 0
	for _, r := range srv.Requests()[from:] {
		if strings.Contains(r.Path, part) {
			n++
		}
	}
	return n
}

// shown is the sessions of the queue as shown, in order, read by moving
// the cursor down a copy of m (the rows keep no decoded session).
func shown(m Model) []api.Session {
	var out []api.Session
	seen := map[string]bool{}
	m = press(m, "home")
	for i := 0; i < m.queue.Len(); i++ {
		if s := m.queue.Selected(); s != nil && !seen[s.ID] {
			seen[s.ID] = true
			out = append(out, *s)
		}
		next, _ := m.Update(keyMsg("down")) // no commands: no page is asked for
		m = next.(Model)
	}
	return out
}

// keptWalk walks the demo's handoff events of the last year (the
// showcase's handoffs are months before the tests' clock, out of the
// queue's window) into st, as a walk of the TUI would have kept them.
func keptWalk(t *testing.T, srv *fake.Server) func(*Options) {
	t.Helper()
	base, stop, err := srv.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	c, err := api.New(base, fake.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	w, err := c.WalkHandoffReasons(context.Background(), api.LastDays(fixedNow(), 365))
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t, t.TempDir())
	if err := st.SaveHandoffReasons(context.Background(), w.BySession, fixedNow()); err != nil {
		t.Fatal(err)
	}
	return func(o *Options) { o.Memory = st }
}

// TestHandoffPanelSaysWhy: the reasons kept in the store are read back at
// start, and the star showcase's Handoff panel says both reasons and the
// AI's explanation; the hostile session's explanation is drawn without its
// escape sequence; a session not handed off says nothing of a reason.
func TestHandoffPanelSaysWhy(t *testing.T) {
	withStore := keptWalk(t, demo.NewServer(fake.WithClock(fixedNow)))
	m, _ := demoModel(t, withStore)

	m = run(m, "open "+demo.IDAngryHandoff)
	v := flatten(m.View())
	if !strings.Contains(v, "because based on instructions · user requested human assistance") {
		t.Errorf("the star's reasons are not in its Handoff panel:\n%s", m.View())
	}
	if !strings.Contains(v, "AI: "+demo.StarHandoffExplanation[:40]) {
		t.Errorf("the star's explanation is not in its Handoff panel:\n%s", m.View())
	}

	m = run(m, "open "+demo.IDHostile)
	v = m.View()
	if !strings.Contains(flatten(v), "because prohibited topic") || !strings.Contains(v, "(refused)") {
		t.Errorf("the hostile session's reason and explanation are not shown:\n%s", v)
	}
	assertNoForeignControls(t, v)

	m = run(m, "open "+demo.IDMinimal)
	if v := m.View(); strings.Contains(v, "because") || !strings.Contains(v, "Not handed off.") {
		t.Errorf("a session without a handoff:\n%s", v)
	}
}

// TestPreviewSaysWhy: the preview beside the queue says the reason of the
// row under the cursor, from what the walk at start read.
func TestPreviewSaysWhy(t *testing.T) {
	m, _ := demoModel(t)
	known := m.reasons.Known()
	for range m.queue.Len() {
		s := m.queue.Selected()
		if why, ok := known[strings.ToLower(s.ID)]; ok && len(why.Reasons) == 1 {
			if p := m.why(s.ID); p == nil || p.Reasons[0] != why.Reasons[0] {
				t.Fatalf("the preview's reasons for %s: %+v", s.ID, p)
			}
			m = send(m, tea.WindowSizeMsg{Width: 160, Height: 40})
			if v := flatten(m.View()); !strings.Contains(v, "because "+why.Reasons[0].Label()) {
				t.Errorf("the preview lacks the reason %q:\n%s", why.Reasons[0].Label(), m.View())
			}
			return
		}
		m = press(m, "down")
	}
	t.Fatal("no row of the demo's queue has a reason read at start")
}

// TestRatingShown: the Messenger session's rating is 1 (one star of five),
// the star's is null ("no rating"); each is asked once and kept: opening
// the session again asks nothing.
func TestRatingShown(t *testing.T) {
	st := openStore(t, t.TempDir())
	m, srv := demoModel(t, func(o *Options) { o.Memory = st })

	m = run(m, "open "+demo.IDMessenger)
	if v := m.View(); !strings.Contains(v, "★☆☆☆☆ 1/5") {
		t.Errorf("the Messenger session's rating:\n%s", v)
	}
	m = run(m, "open "+demo.IDAngryHandoff)
	if v := m.View(); !strings.Contains(v, "no rating") {
		t.Errorf("a null rating:\n%s", v)
	}
	if r, ok, err := st.CSAT(context.Background(), demo.IDAngryHandoff); err != nil || !ok || r.Rated {
		t.Errorf("the null rating is not kept as asked: %+v %v %v", r, ok, err)
	}
	before := len(srv.Requests())
	m = run(m, "open "+demo.IDMessenger)
	if n := requestsTo(srv, before, "/csat/"); n != 0 {
		t.Errorf("a kept rating was asked again: %d requests", n)
	}
	if v := m.View(); !strings.Contains(v, "1/5") {
		t.Errorf("the kept rating is not shown:\n%s", v)
	}
}

// TestReasonFilter: :filter reason=insufficient_knowledge keeps the loaded
// sessions the handoff events gave that reason, says so in the bar, and R
// opens the picker over the reasons.
func TestReasonFilter(t *testing.T) {
	m, _ := demoModel(t)
	all := m.queue.Len()
	m = run(m, "filter reason=insufficient_knowledge")
	got := m.queue.Len()
	if got == 0 || got >= all {
		t.Fatalf("the reason filter keeps %d of %d rows", got, all)
	}
	for i := 0; i < got; i++ {
		s := m.queue.Selected()
		if !slices.Contains(m.reasons.Known()[strings.ToLower(s.ID)].Reasons, api.ReasonInsufficientKnowledge) {
			t.Errorf("row %d (%s) was not handed off for insufficient knowledge: %+v", i, s.ID, m.reasons.Known()[strings.ToLower(s.ID)])
		}
		next, _ := m.Update(keyMsg("down"))
		m = next.(Model)
	}
	want := got
	if v := m.View(); !strings.Contains(v, "R:insufficient knowledge") && !strings.Contains(v, "because: insufficient knowledge") || !strings.Contains(v, "⇄KN") {
		t.Errorf("the bar or the rows do not say the reason:\n%s", v)
	}
	m = run(m, "filter reason=any")
	if m.queue.Len() <= want {
		t.Errorf("reason=any left %d rows", m.queue.Len())
	}
	m = press(m, "R")
	if v := m.View(); !strings.Contains(v, "Handed off because") || !strings.Contains(v, "insufficient knowledge") {
		t.Errorf("R did not open the reasons' picker:\n%s", v)
	}
}

// TestOtherSessionsListedAndOpened: a customer with several sessions in
// the demo sees the others in the pane, O lists them in the picker, and
// enter opens the one chosen.
func TestOtherSessionsListedAndOpened(t *testing.T) {
	m, srv := demoModel(t)
	byEmail := map[string][]string{}
	for _, s := range shown(m) {
		if s.Contact != nil && s.Contact.Email != nil && *s.Contact.Email != "" {
			byEmail[*s.Contact.Email] = append(byEmail[*s.Contact.Email], s.ID)
		}
	}
	var ids []string
	for _, v := range byEmail {
		if len(v) > len(ids) {
			ids = v
		}
	}
	if len(ids) < 2 {
		t.Fatal("no contact of the demo's queue has two sessions")
	}
	before := len(srv.Requests())
	m = run(m, "open "+ids[0])
	if v := flatten(m.View()); !strings.Contains(v, "other session") || !strings.Contains(v, "in 30 days") {
		t.Fatalf("the other sessions are not summed up:\n%s", m.View())
	}
	if n := requestsTo(srv, before, "/search"); n > 1 {
		t.Errorf("opening one session searched %d times", n)
	}
	m = press(m, "O")
	if _, ok := m.overlays.Top().(picker.Model); !ok {
		t.Fatalf("O did not open the picker:\n%s", m.View())
	}
	m = press(m, "enter")
	if s := m.session(); s == nil || s.ID == ids[0] {
		t.Fatalf("enter in the picker did not open another session: %+v", s)
	}
}

// TestWhyRequestCost measures what the reasons, the rating and the other
// sessions cost against the demo (100 handoff events a page here): the
// walk at start, the walk of a refresh a minute later, and a session
// opened.
func TestWhyRequestCost(t *testing.T) {
	m, srv := demoModel(t)
	walk := requestsTo(srv, 0, "/handoff-analytics/events")
	if walk < 1 {
		t.Fatal("no walk of the handoff events at start")
	}
	before := len(srv.Requests())
	m = send(m, clockTickMsg{now: fixedNow().Add(time.Minute)})
	m = press(m, "r")
	refresh := requestsTo(srv, before, "/handoff-analytics/events")
	if refresh != 1 {
		t.Errorf("a refresh walked %d pages of handoff events, want 1 (from where the last walk ended)", refresh)
	}
	before = len(srv.Requests())
	m = run(m, "open "+demo.IDAngryHandoff)
	csat, all := requestsTo(srv, before, "/csat/"), len(srv.Requests())-before
	if csat != 1 {
		t.Errorf("opening a session asked its rating %d times", csat)
	}
	if n := requestsTo(srv, before, "/search"); n != 1 {
		t.Errorf("opening a session searched for its customer %d times, want 1", n)
	}
	t.Logf("reasons: %d requests at start, %d per refresh; a session opened: %d requests (the session, %d rating, 1 search for its customer)", walk, refresh, all, csat)
	_ = m
}
