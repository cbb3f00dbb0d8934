package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/notify"
	"github.com/opencx-tools/cxi/ui/queue"
)

// watchedModel is a started model with auto-refresh on (or off), whose
// refresh tick the test fires itself, ringing into tty.
func watchedModel(t *testing.T, client *stubClient, auto bool, n notify.Notifier) (Model, func(Model) Model) {
	t.Helper()
	var due func(time.Time) tea.Msg
	m := startedModel(t, client, func(o *Options) {
		if auto {
			o.AutoRefresh = queue.DefaultRefreshInterval
		}
		o.Timer = func(_ time.Duration, f func(time.Time) tea.Msg) tea.Cmd { due = f; return nil }
		o.Notifier = n
	})
	refresh := func(m Model) Model {
		if !auto {
			return press(m, "r")
		}
		m.queue.ScheduleRefresh()
		next, cmd := m.Update(due(testNow))
		return drain(next.(Model), cmd)
	}
	return m, refresh
}

// turn makes session i of the stub handed off and angry.
func turn(client *stubClient, i int) {
	client.mu.Lock()
	defer client.mu.Unlock()
	angry, closure := api.SentimentAngry, api.ClosureHandedOff
	s := client.sessions[stubID(i)]
	s.Sentiment, s.AIClosureType = &angry, &closure
}

func TestANewMatchRingsOnceAndShowsUntilOpened(t *testing.T) {
	client := &stubClient{sessions: stubSessions(5)}
	turn(client, 4) // angry and handed off before cxi started: no news
	var tty bytes.Buffer
	m, refresh := watchedModel(t, client, true, notify.Notifier{Terminal: &tty, Mode: notify.OSC9})
	if tty.Len() != 0 || strings.Contains(m.View(), "⚑") {
		t.Fatalf("the first load rang %q or showed a nudge:\n%s", tty.String(), m.View())
	}
	m = refresh(m)
	if tty.Len() != 0 {
		t.Fatalf("a refresh with nothing new rang %q", tty.String())
	}
	turn(client, 2)
	m = refresh(m)
	want := "\x1b]9;cxi: 1 new: Customer 2 (handed off and angry)\a"
	if tty.String() != want {
		t.Fatalf("rang %q, want %q", tty.String(), want)
	}
	header := strings.SplitN(m.View(), "\n", 2)[0]
	if !strings.Contains(header, "⚑ 1 new, W opens: Customer 2 (handed off and angry)") {
		t.Errorf("header %q", header)
	}
	m = refresh(m)
	if tty.String() != want {
		t.Fatalf("the same match rang again: %q", tty.String())
	}
	if !m.keys.NewestMatch.Enabled() {
		t.Fatal("W is off with a match to jump to")
	}
	m = press(m, "W")
	if m.view != viewDetail || m.session() == nil || m.session().ID != stubID(2) {
		t.Fatalf("W opened view %v, %v", m.view, m.session())
	}
	if strings.Contains(m.View(), "⚑") || m.keys.NewestMatch.Enabled() {
		t.Errorf("the nudge stayed after its session was opened:\n%s", m.View())
	}
}

func TestNewMatchesNewestFirstAndOpeningOneClearsIt(t *testing.T) {
	client := &stubClient{sessions: stubSessions(5)}
	var tty bytes.Buffer
	m, refresh := watchedModel(t, client, true, notify.Notifier{Terminal: &tty, Mode: notify.Bell})
	turn(client, 1)
	turn(client, 3)
	m = refresh(m)
	if tty.String() != "\a" {
		t.Fatalf("two matches at one refresh rang %q, want one bell", tty.String())
	}
	// The stub lists in ID order; the list's first is its newest.
	if h := strings.SplitN(m.View(), "\n", 2)[0]; !strings.Contains(h, "⚑ 2 new, W opens: Customer 1 (handed off and angry), Customer 3") {
		t.Errorf("header %q", h)
	}
	// Opening one from the queue, not with W, sees it too.
	m = press(m, "down", "down", "down", "enter")
	if h := strings.SplitN(m.View(), "\n", 2)[0]; !strings.Contains(h, "⚑ 1 new, W opens: Customer 1") {
		t.Errorf("after opening Customer 3: header %q", h)
	}
}

func TestWithoutAutoRefreshNothingRings(t *testing.T) {
	client := &stubClient{sessions: stubSessions(3)}
	var tty bytes.Buffer
	m, refresh := watchedModel(t, client, false, notify.Notifier{Terminal: &tty, Mode: notify.OSC777})
	turn(client, 1)
	m = refresh(m) // r
	if tty.Len() != 0 || strings.Contains(m.View(), "⚑") {
		t.Errorf("r without auto-refresh rang %q", tty.String())
	}
	if m.keys.NewestMatch.Enabled() {
		t.Error("W is on with nothing to jump to")
	}
}

func TestInsideTmuxTheNudgeIsOffUnlessOverTmux(t *testing.T) {
	client := &stubClient{sessions: stubSessions(3)}
	var tty bytes.Buffer
	m, refresh := watchedModel(t, client, true, notify.Notifier{Terminal: &tty, Mode: notify.OSC9, InTmux: true})
	turn(client, 1)
	m = refresh(m)
	if tty.Len() != 0 {
		t.Errorf("inside tmux without over_tmux: wrote %q", tty.String())
	}
	if v := m.View(); !strings.Contains(v, "⚑ 1 new") || !strings.Contains(v, "over_tmux") {
		t.Errorf("the header or the status line does not say so:\n%s", v)
	}

	client = &stubClient{sessions: stubSessions(3)}
	tty.Reset()
	m, refresh = watchedModel(t, client, true, notify.Notifier{Terminal: &tty, Mode: notify.OSC9, InTmux: true, OverTmux: true})
	turn(client, 1)
	refresh(m)
	if want := "\x1bPtmux;\x1b\x1b]9;cxi: 1 new: Customer 1 (handed off and angry)\a\x1b\\"; tty.String() != want {
		t.Errorf("over tmux: wrote %q, want %q", tty.String(), want)
	}
}

func TestTheNudgeIsSanitized(t *testing.T) {
	client := &stubClient{sessions: stubSessions(2)}
	var tty bytes.Buffer
	m, refresh := watchedModel(t, client, true, notify.Notifier{Terminal: &tty, Mode: notify.OSC9})
	hostile := "Eve\a\x1b]52;c;ZXZpbA==\a\u009c\x1b[2J\u202eevil"
	client.mu.Lock()
	client.sessions[stubID(1)].Contact.Name = &hostile
	client.mu.Unlock()
	turn(client, 1)
	m = refresh(m)
	inner := strings.TrimSuffix(strings.TrimPrefix(tty.String(), "\x1b]9;"), "\a")
	if inner == "" || strings.ContainsAny(inner, "\a\x1b\u009c\u202e") || !strings.Contains(inner, "Eveevil") {
		t.Errorf("the notification carries %q", tty.String())
	}
	header := strings.SplitN(m.View(), "\n", 2)[0]
	if strings.ContainsAny(header, "\a\x1b\u009c\u202e") || !strings.Contains(header, "⚑ 1 new, W opens: Eveevil") {
		t.Errorf("header %q", header)
	}
}

// TestNewestFromTheCommandLine: :newest opens what W opens, and says so
// when there is nothing new.
func TestNewestFromTheCommandLine(t *testing.T) {
	client := &stubClient{sessions: stubSessions(3)}
	var tty bytes.Buffer
	m, refresh := watchedModel(t, client, true, notify.Notifier{Terminal: &tty, Mode: notify.Bell})
	m = run(m, "newest")
	if m.view != viewQueue || !strings.Contains(m.View(), "No new session matches a watch rule.") {
		t.Fatalf(":newest with nothing new:\n%s", m.View())
	}
	turn(client, 2)
	m = refresh(m)
	m = run(m, "newest")
	if m.view != viewDetail || m.session() == nil || m.session().ID != stubID(2) {
		t.Fatalf(":newest opened %v", m.session())
	}
}
