package tabs

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"go.uber.org/goleak"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func list() []Tab {
	bind := func(k string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, "")) }
	return []Tab{
		{Name: "Needs attention", Key: bind("1"), Saved: filter.View{Filters: filter.Filters{HandedOff: true}, Attention: true}},
		{Name: "Open", Key: bind("2"), Saved: filter.View{Filters: filter.Filters{Status: api.StatusOpen}}},
		{Name: "Changed since I looked", Key: bind("3"), Saved: filter.View{Changed: true}},
		{Name: "All", Key: bind("4")},
	}
}

func model(width int) Model[string] {
	return New[string](styles.Plain(), keys.Default().ForTabs(), list(), 3, filter.View{}).SetWidth(width)
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func TestStart(t *testing.T) {
	for _, tt := range []struct {
		now  filter.View
		want int
		same bool
	}{
		{filter.View{}, 3, true},
		{filter.View{Filters: filter.Filters{Status: api.StatusOpen}}, 1, true},
		// [queue] handed off with the attention order: the first view
		// with those, its local settings too.
		{filter.View{Filters: filter.Filters{HandedOff: true}, Attention: true}, 0, true},
		{filter.View{Filters: filter.Filters{Channel: api.ChannelEmail}}, 0, false},
	} {
		if i, same := Start(list(), tt.now); i != tt.want || same != tt.same {
			t.Errorf("Start(%+v) = %d, %t; want %d, %t", tt.now, i, same, tt.want, tt.same)
		}
	}
}

func TestKeysPickATab(t *testing.T) {
	m := model(120)
	for _, tt := range []struct {
		key  string
		want int
		ok   bool
	}{{">", 0, true}, {"<", 2, true}, {"2", 1, true}, {"4", 0, false}, {"x", 0, false}} {
		if i, ok := m.Target(runes(tt.key)); i != tt.want || ok != tt.ok {
			t.Errorf("%s: %d, %t; want %d, %t", tt.key, i, ok, tt.want, tt.ok)
		}
	}
}

// TestSwitchKeepsWhatEachTabWasLeftWith: a tab never shown gives back its
// saved view; a tab left gives back what it was left with.
func TestSwitchKeepsWhatEachTabWasLeftWith(t *testing.T) {
	m := model(120)
	mine := filter.View{Text: "refund"}
	m, st, v, left := m.Switch(1, "all's state", mine)
	if left || st != "" || v.Filters.Status != api.StatusOpen || m.Active().Name != "Open" {
		t.Fatalf("Open the first time: %q %+v %t", st, v, left)
	}
	m, st, v, left = m.Switch(3, "open's state", v)
	if !left || st != "all's state" || v != mine {
		t.Errorf("All again: %q %+v %t", st, v, left)
	}
	if !strings.Contains(m.View(), "[4 All*]") {
		t.Errorf("All left with a text filter is marked: %q", m.View())
	}
	m = m.Saved(mine)
	if !strings.Contains(m.View(), "[4 All]") {
		t.Errorf("saved, the mark goes: %q", m.View())
	}
}

// TestCounts: the tab in force says "≥" until every page is loaded; the
// store's counts of the others are "at least", and never lower what the
// tab counted when it was in force.
func TestCounts(t *testing.T) {
	m := model(120)
	m = m.SetShown(filter.View{}, 25, false)
	if !strings.Contains(m.View(), "[4 All ≥25]") {
		t.Errorf("not whole: %q", m.View())
	}
	m = m.SetShown(filter.View{}, 60, true)
	if !strings.Contains(m.View(), "[4 All 60]") {
		t.Errorf("whole: %q", m.View())
	}
	var asked []filter.View
	m, cmd := m.Recount(func(v filter.View) (int, error) { asked = append(asked, v); return len(asked) * 10, nil })
	msg := cmd().(CountedMsg)
	if len(asked) != 3 {
		t.Errorf("counted %d tabs, want the 3 not in force", len(asked))
	}
	// A newer count was asked for: this one is dropped.
	m2, _ := m.Recount(func(filter.View) (int, error) { return 0, nil })
	if got := m2.Counted(msg).View(); strings.Contains(got, "≥10") {
		t.Errorf("a stale count was taken: %q", got)
	}
	m = m.Counted(msg)
	for _, want := range []string{"Needs attention ≥", "Open ≥", "Changed since I looked ≥"} {
		if !strings.Contains(m.View(), want) {
			t.Errorf("%q lacks %q", m.View(), want)
		}
	}
	if m, cmd := New[string](styles.Plain(), keys.Default().ForTabs(), list()[:1], 0, filter.View{}).Recount(func(filter.View) (int, error) { return 1, nil }); cmd != nil || m.Len() != 1 {
		t.Error("one tab: nothing to count")
	}
}

// TestANarrowLineSaysHowManyTabsItLeavesOut: the tab in force always
// shows, and its neighbours as they fit; "+N views" counts the others.
func TestANarrowLineSaysHowManyTabsItLeavesOut(t *testing.T) {
	wide := model(120).View()
	if strings.Contains(wide, "more") || strings.Contains(wide, "+") {
		t.Errorf("120 columns: %q", wide)
	}
	for _, w := range []int{60, 40, 20} {
		line := model(w).View()
		if render.Width(line) > w || !strings.Contains(line, "[4 All]") || !strings.Contains(line, "view") {
			t.Errorf("%d columns: %q (%d cells)", w, line, render.Width(line))
		}
	}
	if line := model(20).View(); !strings.Contains(line, "+3 views") {
		t.Errorf("20 columns: %q", line)
	}
}

// TestAtFindsTheTabClicked: a click on a tab not in force picks it.
func TestAtFindsTheTabClicked(t *testing.T) {
	m := model(120)
	line := m.View()
	x := strings.Index(line, "Open")
	if i, ok := m.At(render.Width(line[:x])); !ok || i != 1 {
		t.Errorf("at %d: %d, %t", x, i, ok)
	}
	if _, ok := m.At(render.Width(line[:strings.Index(line, "All")])); ok {
		t.Error("a click on the tab in force picks it again")
	}
	if _, ok := m.At(119); ok {
		t.Error("a click past the tabs picks one")
	}
}

// TestAddedPutsTheNewTabInForce: saved as a new view, the tab left goes
// back to what it saved.
func TestAddedPutsTheNewTabInForce(t *testing.T) {
	m := model(200).SetShown(filter.View{Text: "x"}, 3, true)
	m = m.Added(Tab{Name: "Mine", Saved: filter.View{Text: "x"}}, "state")
	if m.Active().Name != "Mine" || m.Len() != 5 || m.Modified() {
		t.Errorf("%q of %d, modified %t", m.Active().Name, m.Len(), m.Modified())
	}
	if !strings.Contains(m.View(), "[Mine 3]") || strings.Contains(m.View(), "All*") {
		t.Errorf("%q", m.View())
	}
	if i, ok := m.Named("mine"); !ok || i != 4 {
		t.Errorf("Named: %d %t", i, ok)
	}
}
