package ui

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
)

// goldenCase is one screen: where the program starts, the keys typed once
// the first screen is up (each with the text to wait for), and the size.
type goldenCase struct {
	name  string
	query string
	wait  string
	steps []step
	opts  func(*Options) // what config.toml would set, when it matters
	demo  bool           // labelled "demo", with the demo's sessions to try, as --demo runs
	// settle is what else the first screen waits for: answers that come
	// in the background (the handoff reasons, the rating, the customer's
	// other sessions), in any order.
	settle func(width int) []string
	// flags waits, with the rest, for the integrity flags of the loaded
	// sessions, which a command works out after the page: "!2" is a row
	// tripping two rules, drawn only once they are in.
	flags bool
}

// settleQueue waits, where the handoff column is drawn, for the reasons'
// codes: the walk of the handoff events answers in the background.
func settleQueue(int) []string {
	return []string{"⇄RQ|⇄KN|⇄TL|⇄UC|⇄BI|⇄PT|⇄R+|⇄K+|⇄T+|⇄U+|⇄B+|⇄P+"}
}

// settleDetail waits, where the rating and other sessions panels are on
// the first screen, for their answers (alternatives split by |).
// It waits from the width where the panels reach the first screen.
func settleDetail(from int) func(int) []string {
	return func(width int) []string {
		if width < from {
			return nil
		}
		return []string{"no rating|/5 |— not asked|— the", "in 30 days|none found|no email or phone"}
	}
}

// settleWhy is settleStar for a session of the demo's last days, whose
// handoff reasons the walk of the queue's window brings: the Handoff
// panel starts "because …" once they are in.
func settleWhy(width int) []string { return append(settleStar(width), "because ") }

// settleStar is settleDetail where the star's long summary leaves the
// panels on the first screen: at 120 columns.
var settleStar = settleDetail(120)

type step struct {
	key  tea.KeyMsg
	wait string
}

// TestGolden runs the whole program loop (Init, commands against the fake
// server, rendering) on terminals of fixed size and compares the screen
// with golden files. Regenerate with `go test ./ui/ -run Golden -update`
// and review the diff like code.
func TestGolden(t *testing.T) {
	cases := []goldenCase{
		{name: "queue", wait: "resolved", settle: settleQueue, flags: true},
		{name: "queue_attention", wait: "resolved", settle: settleQueue, opts: noFlags, steps: []step{{keyRunes("!"), "· all "}}},
		{name: "queue_status_picker", wait: "resolved", settle: settleQueue, steps: []step{{keyRunes("s"), "in force"}}},
		{name: "detail_star", query: demo.IDAngryHandoff, wait: "─ Handoff", settle: settleStar},
		{name: "detail_star_bottom", query: demo.IDAngryHandoff, wait: "─ Handoff", settle: settleStar, steps: []step{{keyRunes("G"), "Session custom data"}}},
		{name: "detail_minimal", query: demo.IDMinimal, wait: "─ Handoff", settle: settleDetail(0)},
		{name: "detail_unknown_enums", query: demo.IDUnknownEnums, wait: "─ Handoff", settle: settleDetail(80)},
		{name: "detail_non_latin", query: demo.IDNonLatin, wait: "─ Handoff", settle: settleDetail(80)},
		{name: "transcript_star", query: demo.IDAngryHandoff, wait: "─ Handoff", settle: settleStar, steps: []step{{keyRunes("t"), "(customer)"}}},
		// The full help: the keys of the view it was opened on first; it
		// scrolls down to the last of the sessions to try that the header promises.
		{name: "help_queue", demo: true, wait: "resolved", settle: settleQueue, steps: []step{{keyRunes("?"), "In the queue"}}},
		{name: "help_queue_end", demo: true, wait: "resolved", settle: settleQueue, steps: []step{{keyRunes("?"), "In the queue"}, {keyRunes("G"), lastDemoID()}}},
		// A search within the transcript, taken to its second match.
		{name: "transcript_search", query: demo.IDAngryHandoff, wait: "─ Handoff", settle: settleStar, steps: []step{{keyRunes("t"), "(customer)"}, {keyRunes("/"), "search the transcript"},
			{keyRunes("refund"), "matches"}, {tea.KeyMsg{Type: tea.KeyEnter}, "n next match"}, {keyRunes("n"), "2 of "}}},
		// The saved views: a tab's own key puts its filters in force; V
		// saves a changed filter back to the view, or as a new one.
		{name: "views_needs_attention", wait: "resolved", settle: settleQueue, opts: noFlags, steps: []step{{keyRunes("1"), "Needs attention ≥108]"}}}, // every page the ranking and the first screen ask for
		{name: "views_save", wait: "resolved", settle: settleQueue, steps: []step{{keyRunes("h"), "All*"}, {keyRunes("V"), "Save the view"}},
			opts: func(o *Options) { noFlags(o); o.SaveView = func(string, filter.View, string) error { return nil } }},
		{name: "help_transcript", query: demo.IDAngryHandoff, wait: "─ Handoff", settle: settleStar, steps: []step{{keyRunes("t"), "(customer)"}, {keyRunes("?"), "In the transcript"}}},
		// The command line over the queue: a filter being completed, and
		// a typo refused with the command meant.
		{name: "cmdline_filter", wait: "resolved", settle: settleQueue, flags: true, steps: []step{{keyRunes(":"), "tab: open"}, {keyRunes("filter channel=em"), "tab: channel=email"}}},
		// Integrity flags: the picker with each rule's count, the queue
		// narrowed to the flagged, and a flagged session's pane.
		{name: "flag_picker", wait: "resolved", settle: settleQueue, flags: true, steps: []step{{keyRunes("L"), "Integrity flags"}}},
		{name: "flag_filter", wait: "resolved", settle: settleQueue, flags: true, steps: []step{{keyRunes("L"), "Integrity flags"}, {keyRunes("1"), "flagged"}}},
		{name: "detail_flagged", query: flaggedID, wait: "Integrity flags", settle: settleWhy},
		{name: "cmdline_typo", wait: "resolved", settle: settleQueue, flags: true, steps: []step{{keyRunes(":"), "tab: open"}, {keyRunes("clsoe"), "no command starts"},
			{tea.KeyMsg{Type: tea.KeyEnter}, "did you mean"}}},
	}
	// The sizes a lead's day is lived at: a wide terminal, the common
	// 80×24, and a narrow split.
	for _, size := range [][2]int{{120, 40}, {80, 24}, {60, 20}} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				runGolden(t, c, size[0], size[1])
			})
		}
	}
	// The preview beside the queue: on its own from 140 columns; turned
	// on (P, remembered as [queue] preview = "on") at 120, where it is
	// still beside the queue, and at 80×24, where it goes below it.
	on := func(o *Options) { shown := true; o.Preview = &shown }
	for _, pc := range []struct {
		size [2]int
		c    goldenCase
	}{
		{[2]int{160, 40}, goldenCase{name: "queue_preview", wait: "Handoff", settle: settleQueue, flags: true}},
		{[2]int{120, 40}, goldenCase{name: "queue_preview_on", wait: "Handoff", settle: settleQueue, opts: on, flags: true}},
		{[2]int{80, 24}, goldenCase{name: "queue_preview_on", wait: "Handoff", settle: settleQueue, opts: on, flags: true}},
		{[2]int{160, 40}, goldenCase{name: "queue_preview_moved", wait: "Handoff", settle: settleQueue, flags: true, steps: []step{{keyRunes("j"), "王芳 ·"}}}},
	} {
		t.Run(fmt.Sprintf("%s_%dx%d", pc.c.name, pc.size[0], pc.size[1]), func(t *testing.T) {
			runGolden(t, pc.c, pc.size[0], pc.size[1])
		})
	}
}

// noFlags turns every integrity rule off, for a screen of the ranking's
// walk through many pages or of a reload: each page has the flags worked
// out again (back_soon reads the sessions loaded so far), and a capture
// would catch them at any page's. The flag goldens show them at rest.
func noFlags(o *Options) { o.Lint = lint.Thresholds{Off: lint.Rules()} }

// flaggedID is a generated demo session closed as resolved with an angry
// customer: it trips resolved_unhappy with nothing kept.
const flaggedID = "1e37bfd4-9d30-453a-9457-a961c27d085f"

func runGolden(t *testing.T, c goldenCase, width, height int) {
	// Pages of 100 fill any screen at once, so no second page can arrive
	// while the screen is captured.
	base, stop := startFake(t, fake.WithPageSize(100))
	defer stop()
	client, err := api.New(base, fake.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Client: client, Theme: testTheme(), Keys: keys.Default(), Now: fixedNow, Query: c.query, Views: defaultViews()}
	if c.opts != nil {
		c.opts(&o)
	}
	if c.demo {
		o.Label = "demo"
		for _, d := range demo.Sessions() {
			o.Suggestions = append(o.Suggestions, common.Suggestion{ID: d.ID, Title: d.Title})
		}
	}
	m := New(o)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(width, height))
	texts := []string{c.wait}
	if c.settle != nil {
		texts = append(texts, c.settle(width)...)
	}
	if c.flags {
		texts = append(texts, "!2")
	}
	waitForAll(t, tm, texts)
	for _, s := range c.steps {
		tm.Send(s.key)
		waitFor(t, tm, s.wait)
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	// The base URL is a random loopback port: mask it.
	view := strings.Replace(final.View(), base, "http://fake", 1)
	golden.RequireEqual(t, []byte(view))
}

// lastDemoID is the last of the sessions to try, the full help's last line.
func lastDemoID() string { d := demo.Sessions(); return d[len(d)-1].ID }

// waitForAll waits until every text has been drawn, in any order.
func waitForAll(t *testing.T, tm *teatest.TestModel, texts []string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, text := range texts {
			if !slices.ContainsFunc(strings.Split(text, "|"), func(alt string) bool { return bytes.Contains(b, []byte(alt)) }) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(5*time.Second))
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(5*time.Second))
}

// defaultViews are the views cxi shows without [[views]] in config.toml,
// as tabs, as ui/command/tui gives them.
func defaultViews() []SavedView {
	var out []SavedView
	for _, v := range config.DefaultViews() {
		out = append(out, SavedView{Name: v.Name, Key: config.ViewBinding(v), Saved: v.View})
	}
	return out
}
