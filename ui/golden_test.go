package ui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
)

// TestDetailGolden runs the whole program loop (Init, the fetch command
// against the fake server, rendering) on a terminal of fixed size and
// compares the screen with a golden file. Regenerate with
// `go test ./ui/ -run Golden -update` and review the diff like code.
func TestDetailGolden(t *testing.T) {
	cases := []struct {
		name string
		id   string
		keys string // keys sent after the session shows, e.g. "G" for the bottom
	}{
		{"star", fake.IDAngryHandoff, ""},
		{"star_bottom", fake.IDAngryHandoff, "G"},
		{"minimal", fake.IDMinimal, ""},
		{"unknown_enums", fake.IDUnknownEnums, ""},
		{"non_latin", fake.IDNonLatin, ""},
	}
	for _, size := range [][2]int{{120, 40}, {60, 30}} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				base, stop := startFake(t)
				defer stop()
				client, err := api.New(base, fake.DemoKey)
				if err != nil {
					t.Fatal(err)
				}
				m := New(Options{Client: client, Theme: testTheme(), Keys: testKeys(), Now: fixedNow, Query: c.id})
				tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(size[0], size[1]))
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Session ID")) },
					teatest.WithDuration(5*time.Second))
				for _, k := range c.keys {
					tm.Send(keyRunes(string(k)))
				}
				tm.Send(keyRunes("q"))
				final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
				view := final.View()
				// The base URL is a random loopback port: mask it.
				view = strings.Replace(view, base, "http://fake", 1)
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}
