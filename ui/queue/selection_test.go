package queue

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
)

// Selecting with space moves the cursor down as j does, so it must page as
// j does: the command that loads the next page used to be dropped, leaving
// the queue "loading" for ever after the first page.
func TestSelectingPastThePageEndLoadsTheNextPages(t *testing.T) {
	p := newPager(100, 25)
	m := loadedQueue(t, p)
	for range 55 {
		m2, c := press(m, " ")
		m = run(m2, c)
	}
	if got := len(m.Targets()); got != 55 {
		t.Errorf("after 55 spaces %d sessions selected, want 55 (the cursor stuck at the end of what was loaded)", got)
	}
	if len(p.calls) < 3 {
		t.Fatalf("after 55 spaces %d page requests (cursors %v), want at least 3: the third page was never asked for", len(p.calls), cursors(p))
	}
	if m.Loaded() < 75 {
		t.Errorf("%d rows loaded after selecting 55, want at least 75", m.Loaded())
	}
	if m.Loading() {
		t.Error("the queue is still loading after every page command ran")
	}
}

func cursors(p *pager) []string {
	var out []string
	for _, c := range p.calls {
		out = append(out, c.Cursor)
	}
	return out
}

var (
	ctrlSpace = tea.KeyMsg{Type: tea.KeyCtrlAt} // what a terminal sends for ctrl+space
	ctrlA     = tea.KeyMsg{Type: tea.KeyCtrlA}
)

// said is the notice cmd carries, "" when none.
func said(cmd tea.Cmd) string {
	if cmd == nil {
		return ""
	}
	if n, ok := cmd().(common.NoticeMsg); ok {
		return n.Text
	}
	return ""
}

func targetIDs(m Model) []string {
	var ids []string
	for _, s := range m.Targets() {
		ids = append(ids, s.ID)
	}
	return ids
}

// TestRangeSelectsFromTheLastSelectedRowToTheCursor: space on row 2, the
// cursor down to row 5, ctrl+space: rows 2 to 5 are selected, the cursor
// stays, and the status line counts them; a second range starts where the
// first ended. Without a row selected first it says how to use it.
func TestRangeSelectsFromTheLastSelectedRowToTheCursor(t *testing.T) {
	m := loadedQueue(t, newPager(25, 25))
	m, cmd := m.Update(ctrlSpace)
	if got := said(cmd); !strings.Contains(got, "Select a first row with space; ctrl+space then selects up to the cursor.") || m.HasSelection() {
		t.Errorf("range with nothing selected: said %q, selection %v", got, targetIDs(m))
	}
	m = run(press(m, "j"))
	m = run(press(m, " ")) // row 1, the cursor on to row 2
	for range 3 {
		m = run(press(m, "j"))
	}
	m, cmd = m.Update(ctrlSpace)
	want := []string{session(1).ID, session(2).ID, session(3).ID, session(4).ID, session(5).ID}
	if got := targetIDs(m); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after the range: targets %v, want %v", got, want)
	}
	if m.Selected().ID != session(5).ID {
		t.Errorf("the cursor moved to %s", m.Selected().ID)
	}
	if got := said(cmd); got != "Selected 5 rows up to here · 5 selected." {
		t.Errorf("said %q", got)
	}
	m = run(press(m, "j"))
	m = run(press(m, "j"))
	m, _ = m.Update(ctrlSpace)
	if got := len(m.Targets()); got != 7 {
		t.Errorf("a second range from the end of the first: %d selected, want 7", got)
	}
	if got := m.Header(); !strings.Contains(got, "7 selected") {
		t.Errorf("the header does not count them: %q", got)
	}
}

// TestSelectAllThenNone: ctrl+a selects every row shown (saying that more
// are not loaded yet), ctrl+a again clears; with a text filter it selects
// only the rows that match.
func TestSelectAllThenNone(t *testing.T) {
	m := loadedQueue(t, newPager(100, 25))
	m, cmd := m.Update(ctrlA)
	if got := len(m.Targets()); got != m.Len() || got != 25 {
		t.Errorf("ctrl+a: %d selected of %d shown", got, m.Len())
	}
	if got := said(cmd); got != "Selected the 25 rows shown; more are not loaded yet." {
		t.Errorf("said %q", got)
	}
	m, cmd = m.Update(ctrlA)
	if m.HasSelection() || said(cmd) != "Selection cleared." {
		t.Errorf("ctrl+a again: selection %v, said %q", targetIDs(m), said(cmd))
	}

	m = m.SetText("customer 0001") // customers 00010 … 00019, and 00001: each word is in a cell
	m, _ = m.Update(ctrlA)
	if got := len(m.Targets()); got != 11 {
		t.Errorf("ctrl+a under a filter selected %d, want the 11 shown", got)
	}
}

// TestAFilterHidesTheSelectionButDoesNotDropIt: rows selected and then
// hidden by the text filter are still what an action takes, and the
// header says how many of them are hidden, so the count acted on is never
// a surprise.
func TestAFilterHidesTheSelectionButDoesNotDropIt(t *testing.T) {
	m := loadedQueue(t, newPager(25, 25))
	m = run(press(m, " "))
	m = run(press(m, " "))
	m = m.SetText("customer 00002")
	m = run(press(m, " "))
	want := []string{session(2).ID, session(0).ID, session(1).ID} // shown first, then hidden
	if got := targetIDs(m); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("targets %v, want %v", got, want)
	}
	if got := m.Header(); !strings.Contains(got, "3 selected (2 hidden by the filter)") {
		t.Errorf("the header does not say what the filter hides: %q", got)
	}
}

// TestANewQueryDropsTheSelection: a server-side filter reloads the rows;
// the selection named the old ones and goes with them.
func TestANewQueryDropsTheSelection(t *testing.T) {
	m := loadedQueue(t, newPager(25, 25))
	m = run(press(m, " "))
	m = run(press(m, "h")) // handed off only: a new query
	if m.HasSelection() || len(m.Targets()) > 1 || strings.Contains(m.Header(), "selected") {
		t.Errorf("after a new query: selection %v, header %q", targetIDs(m), m.Header())
	}
}

// TestSelectionCountsFollowTheRows: the header's counts of selected and
// hidden rows, counted in Update and kept for the frames that follow, are
// those counted from nothing after every change to the selection, the
// rows or the view.
func TestSelectionCountsFollowTheRows(t *testing.T) {
	m := loadedQueue(t, newPager(60, 25))
	check := func(step string) {
		t.Helper()
		want, wantHidden := m.countNow()
		if got, hidden := m.counts(); got != want || hidden != wantHidden {
			t.Errorf("after %s: the header counts %d selected (%d hidden), the rows %d (%d)", step, got, hidden, want, wantHidden)
		}
		if m.counted == nil || !m.counted.over.same(&m) {
			t.Errorf("after %s: the counts were not kept for the frames to come", step)
		}
	}
	steps := []struct {
		name string
		do   func(Model) Model
	}{
		{"space", func(m Model) Model { m, _ = press(m, " "); return m }},
		{"space again", func(m Model) Model { m, _ = press(m, " "); return m }},
		{"a filter", func(m Model) Model { return m.SetText("customer 0000") }},
		{"select all shown", func(m Model) Model { m, _ = m.Update(tea.KeyMsg{Type: tea.KeyCtrlA}); return m }},
		{"a narrower filter", func(m Model) Model { return m.SetText("customer 00001") }},
		{"a wider filter", func(m Model) Model { return m.SetText("customer 000") }},
		{"no filter", func(m Model) Model { return m.SetText("") }},
		{"a page", func(m Model) Model {
			p := &api.SessionPage{Items: []api.Session{session(500), session(501)}, Next: "more"}
			m.add(p, rowsOf(m.kinds, p.Items), "x", false)
			m, _ = m.Update(nil)
			return m
		}},
		{"a fresher copy", func(m Model) Model { s := session(3); s.Status = api.StatusClosedResolved; return m.Upsert(&s) }},
		{"a session leaving", func(m Model) Model {
			s := session(4)
			m.filters.Status = api.StatusOpen
			s.Status = api.StatusClosedResolved
			m.merge(&api.SessionPage{Items: []api.Session{s}}, rowsOf(m.kinds, []api.Session{s}))
			m, _ = m.Update(nil)
			return m
		}},
		{"the retry's selection", func(m Model) Model { return m.SetSelection([]string{session(1).ID, session(59).ID, "gone"}) }},
		{"j", func(m Model) Model { m, _ = press(m, "j"); return m }},
	}
	for _, st := range steps {
		m = st.do(m)
		check(st.name)
	}
}
