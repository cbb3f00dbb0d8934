package ui

import (
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
)

// TestEscClearsTheTextFilterFirst (issue 18 §5): esc in the queue clears
// the text filter before anything else, as k9s does; the next esc clears
// the selection. From the input, esc leaves and takes the text filter
// with it; tab leaves and keeps it.
func TestEscClearsTheTextFilterFirst(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(10)})
	m = send(m, space) // Customer 0 selected, the cursor on 1
	m = press(m, "/")
	m = send(m, keyRunes("customer 1"))
	m = press(m, "tab")
	if m.focus != focusView || m.queue.Len() != 1 {
		t.Fatalf("tab should leave the input keeping the filter: focus %v, %d rows", m.focus, m.queue.Len())
	}
	if !m.keys.Back.Enabled() {
		t.Error("esc is off while a text filter is in force: the help would not list it")
	}
	m = send(m, esc)
	if m.queue.Len() != 10 || m.bar.Value() != "" {
		t.Fatalf("esc did not clear the text filter: %d rows, input %q", m.queue.Len(), m.bar.Value())
	}
	if !m.queue.HasSelection() {
		t.Fatal("the first esc cleared the selection too: the text filter goes first")
	}
	m = send(m, esc)
	if m.queue.HasSelection() {
		t.Error("the second esc did not clear the selection")
	}

	m = press(m, "/")
	m = send(m, keyRunes("customer 2"))
	if m.queue.Len() != 1 {
		t.Fatalf("typing did not filter: %d rows", m.queue.Len())
	}
	m = send(m, esc)
	if m.focus != focusView || m.queue.Len() != 10 || m.bar.Value() != "" {
		t.Errorf("esc in the input: focus %v, %d rows, input %q; want the list, unfiltered", m.focus, m.queue.Len(), m.bar.Value())
	}
}

// TestResetFiltersGoesBackToTheStart (issue 18 §5): one key puts every
// filter back to those cxi started with — the server-side ones to the
// config's [queue] (here status open), the team, changed and text ones
// off — asks the server again, and says what is in force.
func TestResetFiltersGoesBackToTheStart(t *testing.T) {
	start := filter.Filters{Status: api.StatusOpen}
	m := startedModel(t, &stubClient{sessions: stubSessions(10)}, func(o *Options) { o.Filters = start })
	m = press(m, "h", "*")
	m = press(m, "/")
	m = send(m, keyRunes("customer"))
	m = press(m, "tab")
	if f := m.queue.Filters(); !f.HandedOff {
		t.Fatalf("h did not set the handed-off filter: %+v", f)
	}
	m = press(m, "F")
	if f := m.queue.Filters(); f != start {
		t.Errorf("after F the filters are %+v, want %+v", f, start)
	}
	if m.bar.Value() != "" {
		t.Errorf("after F the input still holds %q", m.bar.Value())
	}
	v := m.View()
	if !strings.Contains(v, "Filters reset to those cxi started with: status open.") {
		t.Errorf("F does not say what is in force:\n%s", v)
	}
	if strings.Contains(v, "changed & new") {
		t.Errorf("the changed filter is still on after F:\n%s", v)
	}
	m = press(m, "F")
	if v := m.View(); !strings.Contains(v, "The filters are already those cxi started with: status open.") {
		t.Errorf("a second F does not say nothing changed:\n%s", v)
	}
}
