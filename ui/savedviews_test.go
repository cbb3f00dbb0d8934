package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/tabs"
)

// threeViews are "All", "Open" and "Customer 1" (a text filter), keys 1 2 3.
func threeViews() []SavedView {
	bind := func(k string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, "")) }
	return []SavedView{
		{Name: "All", Key: bind("1")},
		{Name: "Open", Key: bind("2"), Saved: filter.View{Filters: filter.Filters{Status: api.StatusOpen}}},
		{Name: "Customer 1", Key: bind("3"), Saved: filter.View{Text: "Customer 1"}},
	}
}

func withViews(o *Options) { o.Views = threeViews() }

// tabLine is the line of the screen that holds the tabs.
func tabLine(m Model) string { return keytest.LineWith(m.View(), "[") }

func picked(m Model) []string {
	var ids []string
	for _, s := range m.queue.Targets() {
		ids = append(ids, s.ID)
	}
	if !m.queue.HasSelection() {
		return nil
	}
	slices.Sort(ids)
	return ids
}

// TestTabsRememberTheCursorAndTheSelection: each view keeps where its
// cursor was and what was selected in it while another has the queue.
func TestTabsRememberTheCursorAndTheSelection(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(12)}, withViews)
	if !strings.Contains(tabLine(m), "[1 All 12]") {
		t.Fatalf("tabs: %q", tabLine(m))
	}
	m = press(m, "down", "down", " ") // select row 2, the cursor on 3
	m = press(m, ">")
	if m.tabs.Active().Name != "Open" || m.queue.Filters().Status != api.StatusOpen {
		t.Fatalf("> went to %q with %+v", m.tabs.Active().Name, m.queue.Filters())
	}
	if m.queue.Selected().ID != stubID(0) || m.queue.HasSelection() {
		t.Errorf("a view never shown starts at the top with nothing selected: on %s", m.queue.Selected().ID)
	}
	m = press(m, "down", " ") // select row 1, the cursor on 2
	m = press(m, "<")
	if got := m.queue.Selected().ID; got != stubID(3) || !slices.Equal(picked(m), []string{stubID(2)}) {
		t.Errorf("back on All: cursor %s, selected %v", got, picked(m))
	}
	m = press(m, "2") // the view's own key
	if got := m.queue.Selected().ID; got != stubID(2) || !slices.Equal(picked(m), []string{stubID(1)}) {
		t.Errorf("back on Open: cursor %s, selected %v", got, picked(m))
	}
	m = press(m, "3")
	if m.bar.Value() != "Customer 1" || m.queue.Len() != 3 { // 1, 10, 11
		t.Errorf("the text view: input %q, %d rows", m.bar.Value(), m.queue.Len())
	}
	m = press(m, "1")
	if m.bar.Value() != "" || m.queue.Len() != 12 {
		t.Errorf("All again: input %q, %d rows", m.bar.Value(), m.queue.Len())
	}
}

// TestTabCountsSayWhenTheyAreNotWhole: the view in force counts its rows,
// "≥" while pages remain; the others count what the store holds, always
// "at least".
func TestTabCountsSayWhenTheyAreNotWhole(t *testing.T) {
	base, stop := startFake(t, fake.WithPageSize(10))
	defer stop()
	client, err := api.New(base, fake.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t, t.TempDir())
	m := startedModel(t, client, withViews, func(o *Options) { o.Memory = st })
	line := tabLine(m)
	n, whole := m.queue.Count()
	if whole || !strings.Contains(line, "[1 All ≥"+strconv.Itoa(n)+"]") {
		t.Errorf("with pages left (%d rows): %q", n, line)
	}
	// Open counts the open sessions the store kept from those pages.
	kept, err := st.Sessions(t.Context(), store.Query{Status: api.StatusOpen})
	if err != nil {
		t.Fatal(err)
	}
	open := len(kept)
	if open == 0 || !strings.Contains(line, "2 Open ≥"+strconv.Itoa(open)+" ") {
		t.Errorf("Open, %d kept: %q", open, line)
	}

	// A queue whose one page is all there is counts exactly.
	m = startedModel(t, &stubClient{sessions: stubSessions(5)}, withViews)
	if line := tabLine(m); !strings.Contains(line, "[1 All 5]") {
		t.Errorf("one page: %q", line)
	}
}

// TestSavingAViewWritesTheConfig: V saves the filters in force back to
// the view, in config.toml; another name saves a new view, its tab in force.
func TestSavingAViewWritesTheConfig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte("# mine\ntheme = \"dark\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	defaults := config.DefaultViews()
	m := startedModel(t, &stubClient{sessions: stubSessions(4)}, func(o *Options) {
		o.Views = defaultViews()
		o.SaveView = func(name string, v filter.View, replace string) error {
			return config.SaveView(path, defaults, config.ViewOf(name, v), replace)
		}
	})
	if m.tabs.Active().Name != "All" {
		t.Fatalf("started on %q", m.tabs.Active().Name)
	}
	m = press(m, "h")
	if !strings.Contains(tabLine(m), "[4 All*") {
		t.Errorf("a changed filter marks the tab: %q", tabLine(m))
	}
	m = press(m, "V")
	if v := m.View(); !strings.Contains(v, "Save the view") || !strings.Contains(v, "filters: handed off") || !strings.Contains(v, "enter saves back to this view") {
		t.Fatalf("the save overlay:\n%s", v)
	}
	m = press(m, "enter")
	c, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	all, err := c.ViewNamed("All")
	if err != nil || !all.Filters.HandedOff || all.Key != "4" || len(c.Views) != 4 {
		t.Fatalf("saved: %+v, %v (%d views)", all, err, len(c.Views))
	}
	if line := tabLine(m); strings.Contains(line, "All*") || !strings.Contains(m.View(), "View All saved in config.toml.") {
		t.Errorf("after the save: %q\n%s", line, m.View())
	}

	// As a new view: the name typed over the view's.
	m = press(m, "V")
	m = send(m, tea.KeyMsg{Type: tea.KeyCtrlU}, keyRunes("Mine"))
	if v := m.View(); !strings.Contains(v, "enter saves a new view ·") {
		t.Errorf("the overlay for a new name:\n%s", v)
	}
	m = press(m, "enter")
	if c, err = config.Load(path); err != nil || len(c.Views) != 5 || c.Views[4].Name != "Mine" || !c.Views[4].Filters.HandedOff {
		t.Fatalf("views %+v, %v", c.Views, err)
	}
	if m.tabs.Active().Name != "Mine" || m.tabs.Len() != 5 {
		t.Errorf("in force: %q of %d", m.tabs.Active().Name, m.tabs.Len())
	}
	doc, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(doc), "# mine\ntheme = \"dark\"\n") {
		t.Errorf("the file's own lines changed:\n%s", doc)
	}

	// A name another view has is refused before anything is written.
	m = press(m, "V")
	m = send(m, tea.KeyMsg{Type: tea.KeyCtrlU}, keyRunes("open"))
	m = press(m, "enter")
	if v := m.View(); !strings.Contains(v, `There is a view named "open" already`) {
		t.Errorf("a taken name:\n%s", v)
	}
}

// TestViewSwitchMsg is what `:view NAME` sends.
func TestViewSwitchMsg(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)}, withViews)
	next, cmd := m.Update(tabs.SwitchMsg{Name: "open"})
	m = drain(next.(Model), cmd)
	if m.tabs.Active().Name != "Open" {
		t.Errorf("in force: %q", m.tabs.Active().Name)
	}
	next, cmd = m.Update(tabs.SwitchMsg{Name: "Nope"})
	m = drain(next.(Model), cmd)
	if v := m.View(); m.tabs.Active().Name != "Open" || !strings.Contains(v, "No view named Nope.") {
		t.Errorf("an unknown view:\n%s", v)
	}
}

// TestTheMouse: the wheel moves the queue's cursor as the arrows do; a
// click on a tab switches to it, a click on a row puts the cursor there.
func TestTheMouse(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(8)}, withViews)
	wheel := tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress, X: 10, Y: 10}
	m = send(m, wheel, wheel)
	if m.queue.Selected().ID != stubID(2) {
		t.Errorf("two steps of the wheel: on %s", m.queue.Selected().ID)
	}
	// The rows start below the tabs, the filter bar and the titles.
	lines := strings.Split(m.View(), "\n")
	row := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "Customer 5") })
	click := tea.MouseMsg{Button: tea.MouseButtonLeft, Action: tea.MouseActionPress, X: 20, Y: row}
	m = send(m, click)
	if m.queue.Selected().ID != stubID(5) {
		t.Errorf("a click on line %d: on %s", row, m.queue.Selected().ID)
	}
	x := strings.Index(lines[paneTop], "Open")
	next, cmd := m.Update(tea.MouseMsg{Button: tea.MouseButtonLeft, Action: tea.MouseActionPress, X: x, Y: paneTop})
	m = drain(next.(Model), cmd)
	if m.tabs.Active().Name != "Open" {
		t.Errorf("a click on the tab Open at %d: %q in force\n%s", x, m.tabs.Active().Name, lines[paneTop])
	}
	// In the session, the wheel scrolls it: no cursor moves in the queue.
	m = press(m, "enter")
	before := m.queue.Selected().ID
	m = send(m, wheel)
	if m.view != viewDetail || m.queue.Selected().ID != before {
		t.Errorf("the wheel in the session moved the queue to %s", m.queue.Selected().ID)
	}
}

// TestResetGoesBackToTheView: with views, the reset key puts the tab's
// saved view back, not the filters cxi started with.
func TestResetGoesBackToTheView(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(12)}, withViews)
	m = press(m, "3") // the text view, "Customer 1"
	m = press(m, "h", "/", "backspace", "esc")
	if m.queue.Filters().HandedOff == false || !strings.Contains(tabLine(m), "Customer 1*") {
		t.Fatalf("changed: %+v, %q", m.queue.Filters(), tabLine(m))
	}
	m = press(m, "F")
	if m.queue.Filters().HandedOff || m.bar.Value() != "Customer 1" || strings.Contains(tabLine(m), "*") {
		t.Errorf("after F: %+v, input %q, %q", m.queue.Filters(), m.bar.Value(), tabLine(m))
	}
	if v := m.View(); !strings.Contains(v, "Filters back to those of the view Customer 1.") {
		t.Errorf("the notice:\n%s", v)
	}
}
