package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/cmdline"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/overlay/cmdmenu"
	"github.com/opencx-tools/cxi/ui/overlay/runpane"
	"github.com/opencx-tools/cxi/ui/useraction"
)

// runAll feeds cmd's messages back to the model until none is left.
func runAll(m Model, cmd tea.Cmd) (Model, []tea.Msg) {
	var seen []tea.Msg
	queue := keytest.Run(cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		seen = append(seen, msg)
		next, more := m.Update(msg)
		m = next.(Model)
		if _, tick := msg.(clockTickMsg); !tick {
			queue = append(queue, keytest.Run(more)...)
		}
	}
	return m, seen
}

// TestUserCommandKeys: a command's key runs it on the session in view, the
// menu key opens the menu, a name (the command line's RunMsg) runs it, and
// the full help lists the commands' keys.
func TestUserCommandKeys(t *testing.T) {
	var opened []string
	m := newTestModel(t, &stubClient{}, withCommands(t, ""), func(o *Options) {
		o.OpenURL = func(u string) error { opened = append(opened, u); return nil }
	})
	m, _ = m.open(demoSession(t, 0))
	m.syncKeys()
	if m.view != viewDetail || !m.keys.Commands.Enabled() {
		t.Fatalf("view %v, menu key on %v", m.view, m.keys.Commands.Enabled())
	}
	next, cmd := m.Update(keyRunes("Z"))
	m, msgs := runAll(next.(Model), cmd)
	if len(opened) != 1 || opened[0] != "https://acme.zendesk.com/agent/tickets/ZD-884213" {
		t.Fatalf("Z opened %q", opened)
	}
	if !hasNotice(msgs, "Opened https://acme.zendesk.com/agent/tickets/ZD-884213 in the browser.") {
		t.Errorf("no notice: %v", msgs)
	}

	next, _ = m.Update(keyRunes("x"))
	m = next.(Model)
	if _, ok := m.overlays.Top().(cmdmenu.Model); !ok {
		t.Fatalf("x opened %T", m.overlays.Top())
	}
	next, cmd = m.Update(keyRunes("1"))
	m, _ = runAll(next.(Model), cmd)
	if len(opened) != 2 || !m.overlays.Empty() {
		t.Errorf("the menu's choice: opened %q, overlays %T", opened, m.overlays.Top())
	}

	next, cmd = m.Update(useraction.RunMsg{Name: "echo-status"})
	m = next.(Model)
	if _, ok := m.overlays.Top().(runpane.Model); !ok || cmd == nil {
		t.Fatalf("RunMsg opened %T", m.overlays.Top())
	}
	m, _ = runAll(m, cmd)
	pane := m.overlays.Top().(runpane.Model)
	if r := pane.Results(); len(r) != 1 || !r[0].OK() || !strings.Contains(r[0].Output, demo.IDAngryHandoff+" is open on web") {
		t.Errorf("results %+v", r)
	}

	m = send(m, keyRunes("q")) // q types nothing in the pane: it stays
	if m.overlays.Empty() {
		t.Error("q closed the pane")
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyEsc}, keyRunes("?"))
	if v := m.View(); !strings.Contains(v, "Your commands (x lists them all)") || !strings.Contains(v, "Z") || !strings.Contains(v, "zendesk") {
		t.Errorf("the full help lacks the commands:\n%s", v)
	}
}

func TestNoCommandsNoMenuKey(t *testing.T) {
	m := newTestModel(t, &stubClient{})
	m, _ = m.open(demoSession(t, 0))
	m.detail, _ = m.detail.Enrich(nil) // the rating and other sessions, asked once, as the first Update would
	m.syncKeys()
	if m.keys.Commands.Enabled() {
		t.Error("the menu key is on with no [[commands]]")
	}
	next, cmd := m.Update(keyRunes("x"))
	if !next.(Model).overlays.Empty() || cmd != nil {
		t.Error("x did something with no commands")
	}
}

func TestReadOnlyRefusesADeclaredWrite(t *testing.T) {
	m := newTestModel(t, &stubClient{}, withCommands(t, "--read-only"))
	m, _ = m.open(demoSession(t, 0))
	m.syncKeys()
	next, cmd := m.Update(useraction.RunMsg{Name: "escalate"})
	_, msgs := runAll(next.(Model), cmd)
	if !hasNotice(msgs, `"escalate" is declared a write (write = true) and cxi runs read-only (--read-only): it was not run.`) {
		t.Errorf("msgs %v", msgs)
	}
}

func hasNotice(msgs []tea.Msg, text string) bool {
	for _, msg := range msgs {
		if n, ok := msg.(common.NoticeMsg); ok && n.Text == text {
			return true
		}
	}
	return false
}

// TestRunFromTheCommandLine: :run NAME completes the user's commands and
// runs one as its key does, on the session in view.
func TestRunFromTheCommandLine(t *testing.T) {
	m := newTestModel(t, &stubClient{}, withCommands(t, ""))
	m, _ = m.open(demoSession(t, 0))
	m = press(m, ":")
	m = send(m, keyRunes("run echo-s"), keyMsg("tab"))
	if got := m.overlays.Top().(cmdline.Model).Value(); got != "run echo-status" {
		t.Fatalf("tab completed %q", got)
	}
	next, cmd := m.Update(keyMsg("enter"))
	m, _ = runAll(next.(Model), cmd)
	pane, ok := m.overlays.Top().(runpane.Model)
	if !ok {
		t.Fatalf(":run opened %T", m.overlays.Top())
	}
	if r := pane.Results(); len(r) != 1 || !r[0].OK() || !strings.Contains(r[0].Output, demo.IDAngryHandoff+" is open on web") {
		t.Errorf("results %+v", r)
	}
}
