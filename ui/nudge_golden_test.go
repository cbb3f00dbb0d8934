package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/notify"
	"github.com/opencx-tools/cxi/ui/queue"
)

// TestGoldenNudge is the header's nudge at the sizes a lead works at: the
// demo's queue with auto-refresh on, a session turned angry and handed off
// on the server, then the refresh that brings it. The test fires the
// refresh itself (the first one only), so nothing waits on a clock.
func TestGoldenNudge(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			srv := demo.NewServer(fake.WithClock(fixedNow), fake.WithPageSize(100))
			base, stop, err := srv.Start()
			if err != nil {
				t.Fatal(err)
			}
			defer stop()
			client, err := api.New(base, fake.DemoKey)
			if err != nil {
				t.Fatal(err)
			}
			release := make(chan struct{})
			var refreshes atomic.Int32
			var tty bytes.Buffer
			o := Options{Client: client, Theme: testTheme(), Keys: keys.Default(), Now: fixedNow,
				AutoRefresh: queue.DefaultRefreshInterval,
				Timer: func(d time.Duration, f func(time.Time) tea.Msg) tea.Cmd {
					if d != queue.DefaultRefreshInterval || refreshes.Add(1) > 1 {
						return nil // no clock ticks (the clock is fixed), one refresh
					}
					return func() tea.Msg { <-release; return f(fixedNow()) }
				},
				Notifier: notify.Notifier{Terminal: &tty, Mode: notify.OSC9},
			}
			noFlags(&o) // the refresh has them worked out again, after the nudge: a capture would race them
			tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(size[0], size[1]))
			waitForAll(t, tm, append([]string{"resolved"}, settleQueue(size[0])...)) // the handoff reasons' walk answered too
			if err := srv.Edit(demo.IDResolvedEmail, map[string]json.RawMessage{
				"sentiment": json.RawMessage(`"angry"`), "ai_closure_type": json.RawMessage(`"handed_off"`)}); err != nil {
				t.Fatal(err)
			}
			close(release)
			waitFor(t, tm, "⚑ 1 new")
			tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
			if !strings.HasPrefix(tty.String(), "\x1b]9;cxi: 1 new: ") || strings.Count(tty.String(), "\x1b]9;") != 1 {
				t.Errorf("the terminal got %q", tty.String())
			}
			golden.RequireEqual(t, []byte(strings.Replace(final.View(), base, "http://fake", 1)))
		})
	}
}
