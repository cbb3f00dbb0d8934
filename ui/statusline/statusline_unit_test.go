package statusline_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/statusline"
)

var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// timerCall is one message the status line asked the timer for.
type timerCall struct {
	d time.Duration
	f func(time.Time) tea.Msg
}

// recTimer records what was scheduled instead of waiting; the command it
// returns delivers the message at once.
type recTimer struct{ calls []timerCall }

func (r *recTimer) timer(d time.Duration, f func(time.Time) tea.Msg) tea.Cmd {
	r.calls = append(r.calls, timerCall{d, f})
	return func() tea.Msg { return f(testNow.Add(d)) }
}

func newLine(t *testing.T, km keys.Map) (statusline.Model, *recTimer) {
	t.Helper()
	rec := &recTimer{}
	ctx := common.Context{Theme: styles.Plain(), Keys: km, Now: func() time.Time { return testNow }, Timer: rec.timer}
	return statusline.New(ctx), rec
}

func update(t *testing.T, m statusline.Model, msg tea.Msg) (statusline.Model, tea.Cmd) {
	t.Helper()
	return m.Update(msg)
}

func TestSayMakesANoticeMsg(t *testing.T) {
	for _, bad := range []bool{false, true} {
		cmd := statusline.Say("Copied ZD-1", bad)
		if cmd == nil {
			t.Fatal("Say returned no command")
		}
		msg, ok := cmd().(statusline.NoticeMsg)
		if !ok || msg.Text != "Copied ZD-1" || msg.Bad != bad {
			t.Errorf("Say(…, %v)() = %#v", bad, msg)
		}
		var _ statusline.Msg = msg // the root forwards it as the line's own
	}
}

func TestNoticeShowsAndExpiresAfterItsLifetime(t *testing.T) {
	for _, bad := range []bool{false, true} {
		m, rec := newLine(t, keys.Default())
		if v := m.View(80, statusline.Extras{}); strings.TrimSpace(v) != "" {
			t.Fatalf("a new line shows %q", v)
		}
		m, cmd := update(t, m, statusline.NoticeMsg{Text: "Search cancelled.", Bad: bad})
		if !strings.Contains(m.View(80, statusline.Extras{}), "Search cancelled.") {
			t.Fatalf("bad=%v: notice not shown: %q", bad, m.View(80, statusline.Extras{}))
		}
		if len(rec.calls) != 1 || rec.calls[0].d != 4*time.Second {
			t.Fatalf("bad=%v: timer calls %+v, want one of 4s", bad, rec.calls)
		}
		if cmd == nil {
			t.Fatal("no expiry command")
		}
		expired := cmd()
		if _, ok := expired.(statusline.Msg); !ok {
			t.Fatalf("expiry %T is not a status line message", expired)
		}
		m, cmd = update(t, m, expired)
		if cmd != nil {
			t.Error("expiry scheduled something else")
		}
		if v := m.View(80, statusline.Extras{}); strings.Contains(v, "Search cancelled.") {
			t.Errorf("bad=%v: notice outlived its timer: %q", bad, v)
		}
	}
}

// TestOnlyTheNoticesOwnTimerClearsIt: a notice replaced by a newer one must
// not be cleared by the older one's timer.
func TestOnlyTheNoticesOwnTimerClearsIt(t *testing.T) {
	m, _ := newLine(t, keys.Default())
	m, first := update(t, m, statusline.NoticeMsg{Text: "first"})
	m, second := update(t, m, statusline.NoticeMsg{Text: "second"})
	v := m.View(80, statusline.Extras{})
	if strings.Contains(v, "first") || !strings.Contains(v, "second") {
		t.Fatalf("the newer notice should replace the older: %q", v)
	}
	m, _ = update(t, m, first())
	if !strings.Contains(m.View(80, statusline.Extras{}), "second") {
		t.Fatalf("the first notice's timer cleared the second: %q", m.View(80, statusline.Extras{}))
	}
	m, _ = update(t, m, second())
	if strings.Contains(m.View(80, statusline.Extras{}), "second") {
		t.Errorf("the second notice's own timer did not clear it")
	}
	// A timer delivered twice, or late, clears nothing shown since.
	m, third := update(t, m, statusline.NoticeMsg{Text: "third"})
	m, _ = update(t, m, second())
	if !strings.Contains(m.View(80, statusline.Extras{}), "third") {
		t.Errorf("a stale timer cleared the third notice")
	}
	m, _ = update(t, m, third())
	if strings.TrimSpace(m.View(80, statusline.Extras{})) != "" {
		t.Errorf("line not empty after the last expiry: %q", m.View(80, statusline.Extras{}))
	}
}

func TestCopyReportsShowOnTheLine(t *testing.T) {
	tests := []struct {
		name string
		msg  clipboard.CopiedMsg
		want string
	}{
		{"copied", clipboard.CopiedMsg{What: "external_id", Value: "ZD-884213", OSC52: true}, "Copied ZD-884213"},
		{"osc52 only", clipboard.CopiedMsg{What: "session ID", Value: "abc", OSC52: true, NativeErr: errors.New("no native clipboard")}, "Copied abc via the terminal (OSC 52)"},
		{"unsafe", clipboard.CopiedMsg{What: "external_id", Value: "a\nb", Err: clipboard.ErrUnsafeValue}, "Not copied: the external_id contains a line break"},
		{"failed", clipboard.CopiedMsg{What: "link", Value: "x", Err: errors.New("no clipboard available")}, "Could not copy the link: no clipboard available."},
		{"multi-line", clipboard.CopiedMsg{What: "Markdown summary", Value: "a\nb\nc", OSC52: true}, "Copied the Markdown summary (3 lines)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, rec := newLine(t, keys.Default())
			m, cmd := update(t, m, tt.msg)
			if v := m.View(120, statusline.Extras{}); !strings.Contains(v, tt.want) {
				t.Errorf("line %q lacks %q", v, tt.want)
			}
			if cmd == nil || len(rec.calls) != 1 {
				t.Errorf("a copy report must fade like any notice (timer calls %d)", len(rec.calls))
			}
		})
	}
}

func TestSpinnerStartsOnlyWhenWorkBegins(t *testing.T) {
	m, _ := newLine(t, keys.Default())
	m, cmd := m.SetBusy("")
	if cmd != nil {
		t.Error("idle to idle started the spinner")
	}
	m, cmd = m.SetBusy("Fetching 3c90c3cc")
	if cmd == nil {
		t.Fatal("work began without a spinner tick")
	}
	tick, ok := cmd().(spinner.TickMsg)
	if !ok {
		t.Fatalf("the start command sent %T, want a spinner.TickMsg", cmd())
	}
	// Already busy: a second chain of ticks would double the spinner's speed.
	m, cmd = m.SetBusy("Searching contacts")
	if cmd != nil {
		t.Error("busy to busy started a second spinner")
	}
	v := m.View(80, statusline.Extras{})
	if !strings.Contains(v, "Searching contacts…") || !strings.Contains(v, "esc cancels") {
		t.Errorf("busy line %q lacks what is under way and the cancel key", v)
	}
	if h := m.ShortHelp(); len(h) != 1 || h[0].Help().Key != "esc" {
		t.Errorf("ShortHelp while busy = %v, want the cancel key", h)
	}
	// While busy a tick schedules the next one (not run: it would wait).
	if _, next := update(t, m, tick); next == nil {
		t.Error("a tick while busy ended the chain")
	}
	m, cmd = m.SetBusy("")
	if cmd != nil {
		t.Error("going idle returned a command")
	}
	if _, next := update(t, m, tick); next != nil {
		t.Error("a tick while idle kept the chain going")
	}
	if h := m.ShortHelp(); h != nil {
		t.Errorf("ShortHelp while idle = %v, want none", h)
	}
	if strings.Contains(m.View(80, statusline.Extras{}), "cancels") {
		t.Errorf("idle line still names the cancel key: %q", m.View(80, statusline.Extras{}))
	}
	// Idle to busy again starts a new chain.
	if _, cmd = m.SetBusy("Fetching a7e41d09"); cmd == nil {
		t.Error("work beginning again did not start the spinner")
	}
}

func TestBusyHidesANoticeUntilDone(t *testing.T) {
	m, _ := newLine(t, keys.Default())
	m, _ = update(t, m, statusline.NoticeMsg{Text: "Copied ZD-1"})
	m, _ = m.SetBusy("Fetching 3c90c3cc")
	if v := m.View(80, statusline.Extras{}); strings.Contains(v, "Copied ZD-1") || !strings.Contains(v, "Fetching 3c90c3cc") {
		t.Errorf("busy line: %q", v)
	}
	m, _ = m.SetBusy("")
	if v := m.View(80, statusline.Extras{}); !strings.Contains(v, "Copied ZD-1") {
		t.Errorf("the notice did not come back once idle: %q", v)
	}
}

func TestCancelHintNamesTheRemappedKey(t *testing.T) {
	km := keys.Default()
	km.Back.SetKeys("ctrl+g")
	km.Back.SetHelp("ctrl+g", "back")
	m, _ := newLine(t, km)
	m, _ = m.SetBusy("Fetching 3c90c3cc")
	if v := m.View(80, statusline.Extras{}); !strings.Contains(v, "ctrl+g cancels") || strings.Contains(v, "esc") {
		t.Errorf("line %q should name ctrl+g", v)
	}
}

func TestBudgetShownOnlyBelowThirty(t *testing.T) {
	m, _ := newLine(t, keys.Default())
	if m.Budget() != api.RequestsPerMinute {
		t.Errorf("a new line's budget is %d, want %d", m.Budget(), api.RequestsPerMinute)
	}
	for _, tt := range []struct {
		budget int
		shown  bool
	}{{100, false}, {31, false}, {30, false}, {29, true}, {5, true}, {0, true}} {
		m = m.SetBudget(tt.budget)
		if m.Budget() != tt.budget {
			t.Errorf("Budget() = %d after SetBudget(%d)", m.Budget(), tt.budget)
		}
		v := m.View(100, statusline.Extras{})
		want := "API budget " + strconv.Itoa(tt.budget) + "/100 this minute"
		if got := strings.Contains(v, want); got != tt.shown {
			t.Errorf("budget %d: shown=%v, want %v: %q", tt.budget, got, tt.shown, v)
		}
		if !tt.shown && strings.Contains(v, "API budget") {
			t.Errorf("budget %d: %q", tt.budget, v)
		}
	}
}

func TestExtrasOrderAroundTheBudget(t *testing.T) {
	m, _ := newLine(t, keys.Default())
	m = m.SetBudget(12)
	x := statusline.Extras{Before: "auto-refresh 30s", After: "42%"}
	v := m.View(120, x)
	if !strings.HasSuffix(v, "auto-refresh 30s · API budget 12/100 this minute · 42%") {
		t.Errorf("right side out of order: %q", v)
	}
	m = m.SetBudget(100)
	if v := m.View(120, x); !strings.HasSuffix(v, "auto-refresh 30s · 42%") {
		t.Errorf("without the budget: %q", v)
	}
	if v := m.View(120, statusline.Extras{After: "42%"}); !strings.HasSuffix(v, " 42%") || strings.Contains(v, "·") {
		t.Errorf("scroll position alone: %q", v)
	}
	// The notice sits on the left, the extras on the right, padded apart.
	m, _ = update(t, m, statusline.NoticeMsg{Text: "Copied ZD-1"})
	v = m.View(60, x)
	if !strings.HasPrefix(v, "Copied ZD-1 ") || !strings.HasSuffix(v, "auto-refresh 30s · 42%") || lipgloss.Width(v) != 60 {
		t.Errorf("left and right: %q (%d cells)", v, lipgloss.Width(v))
	}
}

func TestViewNeverExceedsTheWidth(t *testing.T) {
	long := strings.Repeat("Could not refresh: the API failed with HTTP 503. ", 4)
	cases := []struct {
		name   string
		busy   string
		notice string
		budget int
		x      statusline.Extras
	}{
		{"empty", "", "", 100, statusline.Extras{}},
		{"notice", "", "Copied ZD-884213", 100, statusline.Extras{}},
		{"long notice", "", long, 100, statusline.Extras{}},
		{"busy", "Fetching 3c90c3cc", "", 100, statusline.Extras{}},
		{"everything", "Fetching 3c90c3cc", long, 3, statusline.Extras{Before: "auto-refresh 30s", After: "100%"}},
		{"right only", "", "", 3, statusline.Extras{Before: "auto-refresh 30s", After: "100%"}},
		{"wide runes", "", "コピーしました 山田 花子 さんのセッション", 10, statusline.Extras{After: "50%"}},
	}
	for _, c := range cases {
		m, _ := newLine(t, keys.Default())
		m = m.SetBudget(c.budget)
		if c.notice != "" {
			m, _ = update(t, m, statusline.NoticeMsg{Text: c.notice, Bad: true})
		}
		m, _ = m.SetBusy(c.busy)
		for w := 1; w <= 200; w++ {
			v := m.View(w, c.x)
			if strings.Contains(v, "\n") {
				t.Fatalf("%s: width %d: more than one line: %q", c.name, w, v)
			}
			if got := lipgloss.Width(v); got > w {
				t.Fatalf("%s: width %d: %d cells: %q", c.name, w, got, v)
			}
		}
	}
}
