package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/actions"
	"github.com/opencx-tools/cxi/ui/cmdline"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/epoch"
	"github.com/opencx-tools/cxi/ui/keys"
)

// org is one organization's fake server and the client of it.
type org struct {
	srv    *fake.Server
	base   string
	client *api.Client
}

func startOrg(t *testing.T) org {
	t.Helper()
	srv := demo.NewServer(fake.WithClock(fixedNow), fake.WithPageSize(100))
	base, stop, err := srv.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	c, err := api.New(base, fake.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	return org{srv: srv, base: base, client: c}
}

// twoOrgs are the options of a run on "default", whose Profiles open
// "acme" on the second server, as the tui command's do.
func twoOrgs(def, acme org) Options {
	names := []string{"default", "acme"}
	var optionsOf func(name string) Options
	optionsOf = func(name string) Options {
		c := def.client
		if name == "acme" {
			c = acme.client
		}
		return Options{Client: c, Theme: testTheme(), Keys: keys.Default(), Now: fixedNow,
			Timer:    func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil },
			Label:    name,
			Acting:   common.WriteSettings{Org: name},
			Profiles: Profiles{Current: name, Names: names, Open: func(n string) (Options, error) { return optionsOf(n), nil }}}
	}
	return optionsOf("default")
}

// settle runs cmd and feeds back every message it yields, dropping the
// clock's and the spinner's ticks, tagged with an epoch or not.
func settle(m Model, cmd tea.Cmd) Model {
	for _, msg := range collectTagged(cmd) {
		next, more := m.Update(msg)
		m = settle(next.(Model), more)
	}
	return m
}

func collectTagged(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, collectTagged(c)...)
		}
		return out
	}
	inner, _ := epoch.Open(0, msg)
	switch inner.(type) {
	case nil, clockTickMsg:
		return nil
	}
	if fmt.Sprintf("%T", inner) == "spinner.TickMsg" {
		return nil
	}
	return []tea.Msg{msg}
}

// lists counts the list requests a server received.
func lists(o org) int {
	n := 0
	for _, r := range o.srv.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/chat/sessions") {
			n++
		}
	}
	return n
}

// TestSwitchProfile: :profile acme (SwitchProfileMsg) puts the whole model
// on acme's client: the queue reloads from acme's server, the header names
// acme, the next request goes there; an answer to a request the old
// profile made is dropped.
func TestSwitchProfile(t *testing.T) {
	def, acme := startOrg(t), startOrg(t)
	m := New(twoOrgs(def, acme))
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = settle(m, m.Init())
	if lists(def) == 0 || lists(acme) != 0 || m.queue.Len() == 0 {
		t.Fatalf("at start: %d lists to default, %d to acme, %d rows", lists(def), lists(acme), m.queue.Len())
	}
	if h := m.headerView(); !strings.Contains(h, "cxi default") {
		t.Errorf("the header does not name the profile: %q", h)
	}
	// A refresh asked for in default, answered after the switch.
	_, stale := m.Update(keyRunes("r"))

	next, cmd := m.Update(SwitchProfileMsg{Name: "acme"})
	m = settle(next.(Model), cmd)
	if m.client.BaseURL() != acme.base || m.profiles.Current != "acme" || lists(acme) == 0 {
		t.Fatalf("after the switch: client %s, profile %q, %d lists to acme", m.client.BaseURL(), m.profiles.Current, lists(acme))
	}
	if h := m.headerView(); !strings.Contains(h, "cxi acme") || !strings.Contains(h, acme.base) {
		t.Errorf("the header after the switch: %q", h)
	}
	rows, before := m.queue.Len(), lists(def)
	for _, msg := range collectTagged(stale) {
		next, more := m.Update(msg)
		if more != nil {
			t.Errorf("default's answer %T started something in acme", msg)
		}
		m = next.(Model)
	}
	if m.queue.Len() != rows {
		t.Errorf("default's answer changed acme's queue: %d rows, was %d", m.queue.Len(), rows)
	}

	// The next request goes to acme's server, none to default's.
	sentAcme := lists(acme)
	next, cmd = m.Update(keyRunes("r"))
	m = settle(next.(Model), cmd)
	if lists(acme) <= sentAcme || lists(def) != before+1 {
		t.Errorf("refresh after the switch: acme %d lists (was %d), default %d (was %d, +1 for the stale refresh)", lists(acme), sentAcme, lists(def), before)
	}

	// And back: default again, in a third epoch.
	next, cmd = m.Update(SwitchProfileMsg{Name: "default"})
	m = settle(next.(Model), cmd)
	if m.client.BaseURL() != def.base || m.epoch != 2 {
		t.Errorf("back to default: client %s, epoch %d", m.client.BaseURL(), m.epoch)
	}
}

func TestSwitchProfileRefused(t *testing.T) {
	def, acme := startOrg(t), startOrg(t)
	m := New(twoOrgs(def, acme))
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = settle(m, m.Init())

	notice := func(m Model, name string) string {
		t.Helper()
		next, cmd := m.Update(SwitchProfileMsg{Name: name})
		if next.(Model).client.BaseURL() != m.client.BaseURL() {
			t.Errorf("switched to %q", name)
		}
		for _, msg := range collectTagged(cmd) {
			if n, ok := msg.(common.NoticeMsg); ok {
				return n.Text
			}
		}
		return ""
	}
	if got, want := notice(m, "acmee"), `No profile "acmee": known: default, acme.`; got != want {
		t.Errorf("unknown profile: %q, want %q", got, want)
	}
	if got, want := notice(m, "default"), "Already in profile default."; got != want {
		t.Errorf("the profile in use: %q, want %q", got, want)
	}
	// A close under way: its answer belongs to default, and is waited for.
	s := *m.queue.Selected()
	s.Status = api.StatusOpen // closed as resolved: the change the answer is awaited for
	next, _ := m.Update(actions.ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: []api.Session{s}})
	if got, want := notice(next.(Model), "acme"), "A change is still being sent in default: wait for its answer, then switch to acme."; got != want {
		t.Errorf("a write under way: %q, want %q", got, want)
	}
	if lists(acme) != 0 {
		t.Errorf("acme was asked %d times", lists(acme))
	}
	// No profiles at all.
	if got := notice(newTestModel(t, &stubClient{}), "acme"); !strings.Contains(got, "this run has no profiles") {
		t.Errorf("without profiles: %q", got)
	}
}

// TestGoldenProfile: the header names the profile, at start and once
// switched, at 120×40 and 80×24. The model is driven to rest by settle,
// not by the program loop: after a switch the queue reloads the same rows,
// which the renderer need not draw again, so no text on the terminal
// tells that acme's answer has come.
func TestGoldenProfile(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		for _, switched := range []bool{false, true} {
			name := "default"
			if switched {
				name = "switched_to_acme"
			}
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				def, acme := startOrg(t), startOrg(t)
				m := New(twoOrgs(def, acme))
				m = send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				m = settle(m, m.Init())
				if switched {
					next, cmd := m.Update(SwitchProfileMsg{Name: "acme"})
					m = settle(next.(Model), cmd)
				}
				view := strings.NewReplacer(def.base, "http://fake", acme.base, "http://fake").Replace(m.View())
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

// TestProfileFromTheCommandLine: :profile completes the config's profiles
// and switches as SwitchProfileMsg does.
func TestProfileFromTheCommandLine(t *testing.T) {
	def, acme := startOrg(t), startOrg(t)
	m := New(twoOrgs(def, acme))
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = settle(m, m.Init())
	m = press(m, ":")
	m = send(m, keyRunes("profile ac"), keyMsg("tab"))
	if got := m.overlays.Top().(cmdline.Model).Value(); got != "profile acme" {
		t.Fatalf("tab completed %q", got)
	}
	next, cmd := m.Update(keyMsg("enter"))
	m = settle(next.(Model), cmd)
	if m.profiles.Current != "acme" || m.client.BaseURL() != acme.base || lists(acme) == 0 {
		t.Errorf(":profile acme: profile %q, client %s, %d lists to acme", m.profiles.Current, m.client.BaseURL(), lists(acme))
	}
}
