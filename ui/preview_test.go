package ui

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/render"
)

// TestPreviewFollowsTheCursorWithNoRequest (issue 18 §2): on a wide
// terminal the preview beside the queue shows the row under the cursor —
// its contact, status, handoff and ticket — and moves with it, drawn from
// the list item alone: the fake server's log holds no request for a
// session, and no request at all, while the cursor moves.
func TestPreviewFollowsTheCursorWithNoRequest(t *testing.T) {
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
	m := startedModel(t, client)
	m = send(m, tea.WindowSizeMsg{Width: 160, Height: 40})
	if !m.preview.beside {
		t.Fatalf("no preview beside the queue at 160 columns:\n%s", m.View())
	}
	before := len(srv.Requests())
	for range 6 {
		s := m.queue.Selected()
		preview := rightOf(m.View(), 160-m.preview.width)
		if name := render.Contact(s.Contact); name != render.Dash && !strings.Contains(preview, name) {
			t.Errorf("the preview does not show %s, the row under the cursor:\n%s", name, preview)
		}
		if want := render.Status(s.Status); !strings.Contains(preview, want) {
			t.Errorf("the preview lacks the status %q:\n%s", want, preview)
		}
		for _, title := range []string{"Status", "Sentiment", "Contact", "Handoff", "Ticket"} {
			if !strings.Contains(preview, title) {
				t.Errorf("the preview lacks its %s:\n%s", title, preview)
			}
		}
		m = press(m, "j")
	}
	for _, r := range srv.Requests()[before:] {
		t.Errorf("moving the cursor with the preview on asked the server: %s %s", r.Method, r.Path)
	}
}

// rightOf is the columns of view from col on: the preview beside the queue.
func rightOf(view string, col int) string {
	var out []string
	for _, l := range strings.Split(view, "\n") {
		r := []rune(l)
		if len(r) > col {
			out = append(out, string(r[col:]))
		}
	}
	return strings.Join(out, "\n")
}

// TestPreviewToggleIsRemembered: P shows the preview at a width where it
// is off by default, and hides it where it is on, at any width; each
// toggle goes to config.toml and the status line says whether it stuck.
func TestPreviewToggleIsRemembered(t *testing.T) {
	var saved []bool
	var fail error
	m := startedModel(t, &stubClient{sessions: stubSessions(5)}, func(o *Options) {
		o.SavePreview = func(on bool) error { saved = append(saved, on); return fail }
	})
	if m.preview.beside || m.preview.below {
		t.Fatal("the preview shows at 120 columns untoggled")
	}
	m = press(m, "P")
	if !m.preview.beside || len(saved) != 1 || !saved[0] {
		t.Fatalf("P at 120 columns: beside %v, saved %v", m.preview.beside, saved)
	}
	if v := m.View(); !strings.Contains(v, "Preview shown · remembered in config.toml.") || !strings.Contains(v, "─ Handoff") {
		t.Errorf("after P:\n%s", v)
	}
	fail = errors.New("cannot write /x/config.toml: permission denied")
	m = send(m, tea.WindowSizeMsg{Width: 160, Height: 40})
	m = press(m, "P")
	if m.preview.beside || len(saved) != 2 || saved[1] {
		t.Fatalf("P at 160 columns: beside %v, saved %v", m.preview.beside, saved)
	}
	if v := m.View(); !strings.Contains(v, "Preview hidden · not remembered: cannot write /x/config.toml: permission denied.") {
		t.Errorf("a failed save is not said:\n%s", v)
	}
	// Off stays off on a wide terminal: the toggle is the user's choice.
	off := false
	m = startedModel(t, &stubClient{sessions: stubSessions(5)}, func(o *Options) { o.Preview = &off })
	m = send(m, tea.WindowSizeMsg{Width: 200, Height: 40})
	if m.preview.beside || m.preview.below {
		t.Error(`[queue] preview = "off" shows the preview at 200 columns`)
	}
	// With no config folder the toggle still acts, and says it is not kept.
	m = startedModel(t, &stubClient{sessions: stubSessions(5)})
	m = press(m, "P")
	if v := m.View(); !m.preview.beside || !strings.Contains(v, "Preview shown · not remembered: no config folder") {
		t.Errorf("with nowhere to save:\n%s", v)
	}
}

// TestPreviewGoesBelowOnANarrowTerminal: toggled on at 80×24 the preview
// goes below the queue, the list keeping a screen of rows; a pane too
// short for both shows none, and the toggle says why.
func TestPreviewGoesBelowOnANarrowTerminal(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(20)})
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = press(m, "P")
	v := m.View()
	if !m.preview.below || !strings.Contains(v, "Customer 0 ·") && !strings.Contains(v, "Contact Customer 0") {
		t.Fatalf("the preview is not below the queue at 80×24:\n%s", v)
	}
	assertFits(t, v, 80, 24)
	if rows := strings.Count(v, "  open "); rows < 5 {
		t.Errorf("the queue keeps %d rows above the preview:\n%s", rows, v)
	}
	m = send(m, tea.WindowSizeMsg{Width: 60, Height: 16})
	m = press(m, "P", "P")
	if v := m.View(); m.preview.below || m.preview.beside || !strings.Contains(v, "too short") {
		t.Errorf("a pane too short for the preview:\n%s", v)
	}
}
