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
	"github.com/opencx-tools/cxi/ui/render"
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

func TestNoticeShowsAndExpiresAfterItsLifetime(t *testing.T) {
	for _, bad := range []bool{false, true} {
		m, rec := newLine(t, keys.Default())
		if v := m.View(80, statusline.Extras{}); strings.TrimSpace(v) != "" {
			t.Fatalf("a new line shows %q", v)
		}
		m, cmd := m.Update(common.NoticeMsg{Text: "Search cancelled.", Bad: bad})
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
		m, cmd = m.Update(expired)
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
	m, first := m.Update(common.NoticeMsg{Text: "first"})
	m, second := m.Update(common.NoticeMsg{Text: "second"})
	v := m.View(80, statusline.Extras{})
	if strings.Contains(v, "first") || !strings.Contains(v, "second") {
		t.Fatalf("the newer notice should replace the older: %q", v)
	}
	m, _ = m.Update(first())
	if !strings.Contains(m.View(80, statusline.Extras{}), "second") {
		t.Fatalf("the first notice's timer cleared the second: %q", m.View(80, statusline.Extras{}))
	}
	m, _ = m.Update(second())
	if strings.Contains(m.View(80, statusline.Extras{}), "second") {
		t.Errorf("the second notice's own timer did not clear it")
	}
	// A timer delivered twice, or late, clears nothing shown since.
	m, third := m.Update(common.NoticeMsg{Text: "third"})
	m, _ = m.Update(second())
	if !strings.Contains(m.View(80, statusline.Extras{}), "third") {
		t.Errorf("a stale timer cleared the third notice")
	}
	m, _ = m.Update(third())
	if strings.TrimSpace(m.View(80, statusline.Extras{})) != "" {
		t.Errorf("line not empty after the last expiry: %q", m.View(80, statusline.Extras{}))
	}
}

// TestCopyReportsShowOnTheLine: a copy's outcome is shown in the words of
// its Report (the clipboard package owns them), and fades like a notice.
func TestCopyReportsShowOnTheLine(t *testing.T) {
	tests := []struct {
		name string
		msg  clipboard.CopiedMsg
		has  string // a part of the report that must show
	}{
		{"copied", clipboard.CopiedMsg{What: "external_id", Value: "ZD-884213", OSC52: true}, "ZD-884213"},
		{"osc52 only", clipboard.CopiedMsg{What: "session ID", Value: "abc", OSC52: true, NativeErr: errors.New("no native clipboard")}, "abc"},
		{"unsafe", clipboard.CopiedMsg{What: "external_id", Value: "a\nb", Err: clipboard.ErrUnsafeValue}, "external_id"},
		{"failed", clipboard.CopiedMsg{What: "link", Value: "x", Err: errors.New("no clipboard available")}, "no clipboard available"},
		{"multi-line", clipboard.CopiedMsg{What: "Markdown summary", Value: "a\nb\nc", OSC52: true}, "3 lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, _ := tt.msg.Report()
			if !strings.Contains(want, tt.has) {
				t.Fatalf("the report %q lacks %q", want, tt.has)
			}
			m, rec := newLine(t, keys.Default())
			m, cmd := m.Update(tt.msg)
			if v := m.View(160, statusline.Extras{}); strings.TrimRight(v, " ") != want {
				t.Errorf("line %q, want the report %q", v, want)
			}
			if cmd == nil || len(rec.calls) != 1 || rec.calls[0].d != 4*time.Second {
				t.Errorf("a copy report must fade like any notice (timer calls %d)", len(rec.calls))
			}
			m, _ = m.Update(cmd())
			if strings.TrimSpace(m.View(160, statusline.Extras{})) != "" {
				t.Errorf("the report outlived its timer: %q", m.View(160, statusline.Extras{}))
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
	if _, next := m.Update(tick); next == nil {
		t.Error("a tick while busy ended the chain")
	}
	m, cmd = m.SetBusy("")
	if cmd != nil {
		t.Error("going idle returned a command")
	}
	if _, next := m.Update(tick); next != nil {
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

// TestRestartedSpinnerKeepsOneChain: work that ends and begins again
// before the old chain's pending tick arrives starts a new chain; the old
// tick must then end its chain, or the spinner would turn twice as fast.
func TestRestartedSpinnerKeepsOneChain(t *testing.T) {
	m, _ := newLine(t, keys.Default())
	m, start := m.SetBusy("Fetching 3c90c3cc")
	m, next := m.Update(start())
	if next == nil {
		t.Fatal("the first tick ended the chain")
	}
	m, _ = m.SetBusy("")
	m, restart := m.SetBusy("Fetching a7e41d09")
	if restart == nil {
		t.Fatal("work beginning again did not start the spinner")
	}
	// The restart's tick carries the same tag as the tick the old chain
	// has pending: whichever arrives first goes on, the other ends.
	tick := restart()
	m, first := m.Update(tick)
	_, second := m.Update(tick)
	if first == nil || second != nil {
		t.Errorf("two ticks of one generation: first goes on %v, second goes on %v; want exactly one chain", first != nil, second != nil)
	}
}

func TestBusyHidesANoticeUntilDone(t *testing.T) {
	m, _ := newLine(t, keys.Default())
	m, _ = m.Update(common.NoticeMsg{Text: "Copied ZD-1"})
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
	m, _ = m.Update(common.NoticeMsg{Text: "Copied ZD-1"})
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
			m, _ = m.Update(common.NoticeMsg{Text: c.notice, Bad: true})
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

// TestDevanagariNoticeFitsTheLine: a notice in Devanagari, which lipgloss
// counts narrower than the terminal draws it, is measured as the terminal
// does: a short one leaves the extras at the right edge, a long one is cut
// to the width, and neither wraps the screen.
func TestDevanagariNoticeFitsTheLine(t *testing.T) {
	short := "प्रिया शर्मा को कॉपी किया"
	if lipgloss.Width(short) >= render.Width(short) {
		t.Fatal("the sample no longer shows the difference")
	}
	m, _ := newLine(t, keys.Default())
	x := statusline.Extras{After: "12%"}
	for _, text := range []string{short, strings.Repeat(short+" ", 10)} {
		m, _ := m.Update(common.NoticeMsg{Text: text})
		for w := 1; w <= 120; w++ {
			v := m.View(w, x)
			if render.Width(v) > w {
				t.Fatalf("%d cells at width %d: %q", render.Width(v), w, v)
			}
			if text == short && w >= 60 && (render.Width(v) != w || !strings.HasSuffix(v, "12%")) {
				t.Errorf("width %d: the extras are not at the right edge: %q", w, v)
			}
		}
	}
}

// TestALongNoticeLosesWholeWords: a notice wider than the line drops whole
// words from its end, with "…", and keeps the scroll position beside it;
// never "Check the network o".
func TestALongNoticeLosesWholeWords(t *testing.T) {
	m, _ := newLine(t, keys.Default())
	m, _ = m.Update(common.NoticeMsg{Text: "Cannot reach https://api.open.cx: connection refused. Check the network or OPENCX_BASE_URL.", Bad: true})
	v := m.View(60, statusline.Extras{After: "42%"})
	if render.Width(v) > 60 || !strings.HasSuffix(v, "42%") || !strings.Contains(v, "refused.…") && !strings.Contains(v, "Check the…") && !strings.Contains(v, "network…") {
		t.Errorf("line %q", v)
	}
	for _, cut := range []string{"netwo…", "Chec…", " o…"} {
		if strings.Contains(v, cut) {
			t.Errorf("a word is cut: %q", v)
		}
	}
}
