package queue

import (
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/filter"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/overlay/filterpicker"
)

func options(t *testing.T, m Model, filterKey string) overlay.Filter {
	t.Helper()
	c := m.FilterChoice(keytest.Msg(filterKey))
	if c == nil {
		t.Fatalf("%s asks for no picker", filterKey)
	}
	return c.Filter
}

func labels(f overlay.Filter) string {
	var out []string
	for _, o := range f.Options {
		out = append(out, o.Label)
	}
	return strings.Join(out, ",")
}

func counts(f overlay.Filter) []int {
	var out []int
	for _, o := range f.Options {
		out = append(out, o.Count)
	}
	return out
}

func TestStatusPickerCountsTheLoadedSessions(t *testing.T) {
	p := newPager(100, 25)
	m := loadedQueue(t, p)
	f := options(t, m, "s")
	if labels(f) != "any,open,unresolved,resolved" || f.Current != 0 {
		t.Fatalf("options %q, current %d", labels(f), f.Current)
	}
	if got := counts(f); got[0] != 25 || got[1] != 9 || got[2] != 8 || got[3] != 8 {
		t.Errorf("counts %v among 25 loaded", got)
	}
	calls := len(p.calls)
	m, cmd := pick(t, m, "s", "2")
	m = run(m, cmd)
	if got := p.calls[len(p.calls)-1].Status; len(p.calls) != calls+1 || got != api.StatusClosedUnresolved {
		t.Errorf("status sent %q after %d calls", got, len(p.calls)-calls)
	}
	if !strings.Contains(m.View(), "status: unresolved") {
		t.Errorf("filter bar:\n%s", m.View())
	}
	// With a status set, only its sessions are loaded: the others' counts
	// are not known, and are not shown as 0.
	f = options(t, m, "s")
	if f.Current != 2 || counts(f)[2] != 8 || counts(f)[1] != overlay.Unknown || counts(f)[0] != overlay.Unknown {
		t.Errorf("current %d, counts %v", f.Current, counts(f))
	}
	// The value in force again costs no request; esc changes nothing.
	calls = len(p.calls)
	if _, cmd := pick(t, m, "s", "enter"); cmd != nil {
		t.Error("choosing the status in force reloads")
	}
	if m2, cmd := pick(t, m, "s", "esc"); cmd != nil || m2.Filters() != m.Filters() {
		t.Error("esc changed the filter")
	}
	if len(p.calls) != calls {
		t.Errorf("%d requests for nothing", len(p.calls)-calls)
	}
}

func TestChannelPickerOffersNewValuesSeen(t *testing.T) {
	p := newPager(25, 25)
	p.all[3].Channel.Type = "telegram"
	m := loadedQueue(t, p)
	f := options(t, m, "C")
	want := "any,web,email,phone_voice,slack,sms,whatsapp,instagram,messenger,api,web_voice,telegram"
	if labels(f) != want {
		t.Fatalf("channels %q", labels(f))
	}
	if c := counts(f); c[1] != 24 || c[len(c)-1] != 1 || c[2] != 0 {
		t.Errorf("counts %v", c)
	}
	m, cmd := pick(t, m, "C", "up", "enter") // up from any wraps to the last
	m = run(m, cmd)
	if m.Filters().Channel != "telegram" || p.calls[len(p.calls)-1].ChannelType != "telegram" {
		t.Errorf("channel %q", m.Filters().Channel)
	}
}

func TestWindowPickerSaysTheWindowsAsWritten(t *testing.T) {
	m := loadedQueue(t, newPager(100, 100)) // updated 0 to 99 minutes ago
	f := options(t, m, "w")
	if labels(f) != "any time,last 1h,last 24h,last 7d,last 30d" {
		t.Fatalf("windows %q", labels(f))
	}
	if c := counts(f); c[0] != 100 || c[1] != 61 || c[2] != 100 {
		t.Errorf("counts %v", c)
	}
	m, cmd := pick(t, m, "w", "2")
	m = run(m, cmd)
	if m.Filters().Window != 24*time.Hour || !strings.Contains(m.View(), "updated: last 24h") {
		t.Errorf("window %s:\n%s", m.Filters().Window, m.View())
	}
	// Within 24h, the 1h count is still known; "any time" is not.
	if c := counts(options(t, m, "w")); c[0] != overlay.Unknown || c[1] != 61 || c[3] != overlay.Unknown {
		t.Errorf("counts within 24h %v", c)
	}
}

// TestTeamFilterIsLocal: the list endpoint has no team parameter, so the
// team filter narrows the loaded rows, sends nothing, and says that more
// pages may hold more of the team.
func TestTeamFilterIsLocal(t *testing.T) {
	p := newPager(100, 25)
	for i := range p.all {
		switch i % 4 {
		case 0, 1:
			p.all[i].Team = &api.Team{ID: "t1", Name: "Billing"}
		case 2:
			p.all[i].Team = &api.Team{ID: "t2", Name: "Retention"}
		}
	}
	m := loadedQueue(t, p)
	f := options(t, m, "T")
	if labels(f) != "any,Billing,Retention,no team" || !strings.Contains(f.Note, "no team filter") {
		t.Fatalf("teams %q, note %q", labels(f), f.Note)
	}
	if c := counts(f); c[0] != 25 || c[1] != 13 || c[2] != 6 || c[3] != 6 {
		t.Errorf("counts %v", c)
	}
	calls := len(p.calls)
	m, cmd := pick(t, m, "T", "2")
	if cmd != nil || len(p.calls) != calls {
		t.Errorf("the team filter sent a request")
	}
	if m.Len() != 6 || m.Team() != "Retention" {
		t.Fatalf("%d rows of team %q", m.Len(), m.Team())
	}
	v := m.View()
	for _, want := range []string{"team: Retention", "6 of 25 loaded sessions match team Retention", "local filter, ↓/j at the end loads more"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	// Paging waits for the user, as with a text filter, then keeps the team.
	m, cmd = press(m, "G")
	if cmd != nil {
		t.Error("moving within the rows loaded a page")
	}
	m, cmd = press(m, "down")
	if m = run(m, cmd); m.Loaded() != 50 || m.Len() != 12 {
		t.Errorf("past the end: %d loaded, %d shown", m.Loaded(), m.Len())
	}
	// A server-side filter change keeps the team; "any" lets every row back.
	m, cmd = pick(t, m, "s", "1")
	m = run(m, cmd)
	if m.Team() != "Retention" {
		t.Error("a status change dropped the team filter")
	}
	m, _ = pick(t, m, "T", "0")
	if m.Team() != "" || m.Len() != m.Loaded() {
		t.Errorf("any: %d of %d shown", m.Len(), m.Loaded())
	}
}

func TestARemappedFilterKeyOpensAndClosesThePicker(t *testing.T) {
	km := DefaultKeyMap()
	km.Status.SetKeys("S")
	km.Status.SetHelp("S", "status filter")
	m := New(theme(), km, newPager(0, 25), filter.Filters{}, false, now).SetSize(120, 20)
	if m.FilterChoice(keytest.Msg("s")) != nil {
		t.Error("s still opens the status picker")
	}
	if _, cmd := pick(t, m, "S", "S"); cmd != nil {
		t.Error("the remapped key did not close its picker")
	}
}

// pick opens the picker of filterKey as the root does, presses keys in it
// and gives the value chosen back to the queue, as the program would.
func pick(t *testing.T, m Model, filterKey string, keys ...string) (Model, tea.Cmd) {
	t.Helper()
	c := m.FilterChoice(keytest.Msg(filterKey))
	if c == nil {
		t.Fatalf("%s asks for no picker", filterKey)
	}
	km := filterpicker.DefaultKeyMap()
	km.Toggle = c.Toggle
	var o overlay.Overlay = filterpicker.New(theme(), km, c.Filter, c.Choose)
	for _, k := range keys {
		var cmd tea.Cmd
		if o, cmd = o.Update(keytest.Msg(k)); o == nil {
			if cmd == nil {
				return m, nil // closed without a choice
			}
			return m.Update(cmd())
		}
	}
	t.Fatalf("the picker of %s is still open after %q", filterKey, keys)
	return m, nil
}
