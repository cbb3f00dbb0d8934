package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/useraction"
)

// withCommands is a config with a URL command, two programs (echo, which
// every system has), and a write that asks first.
func withCommands(t *testing.T, readOnly string) func(*Options) {
	t.Helper()
	as, err := useraction.Build([]useraction.Spec{
		{Name: "zendesk", Key: "Z", URL: "https://acme.zendesk.com/agent/tickets/{external_id}"},
		{Name: "echo-ticket", Key: "E", Run: []string{"echo", "ticket", "{external_id}", "#{ticket_number}", "{contact.email}"}},
		{Name: "echo-status", Key: "L", Run: []string{"echo", "{id}", "is", "{status}", "on {channel}"}},
		{Name: "escalate", Run: []string{"zendesk-cli", "escalate", "{external_id}"}, Write: true, Confirm: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	return func(o *Options) {
		o.Commands = as
		o.Acting.ReadOnly = readOnly
	}
}

// TestGoldenCommands: the menu of the user's commands (x), the pane of a
// run with its argv, output and exit code, a run on three selected
// sessions, and a command that asks first; at 120×40 and 80×24.
func TestGoldenCommands(t *testing.T) {
	space := tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	selectThree := []step{{space, "1 selected"}, {keyRunes("j"), "›"}, {space, "2 selected"}, {keyRunes("j"), "›"}, {space, "3 selected"}}
	cases := []goldenCase{
		{name: "commands_menu", query: demo.IDAngryHandoff, wait: "─ Handoff", steps: []step{{keyRunes("x"), "Your commands"}}, opts: withCommands(t, "")},
		{name: "commands_menu_read_only", wait: "resolved", steps: []step{{keyRunes("x"), "Your commands"}}, opts: withCommands(t, "--read-only")},
		{name: "commands_run", query: demo.IDAngryHandoff, wait: "─ Handoff", steps: []step{{keyRunes("E"), "exit 0"}}, opts: withCommands(t, "")},
		{name: "commands_run_selection", wait: "resolved", steps: append(selectThree, step{keyRunes("L"), "done:"}), opts: withCommands(t, "")},
		{name: "commands_confirm", wait: "resolved", steps: append(selectThree, step{keyRunes("x"), "Your commands"}, step{keyRunes("4"), "asks first"}), opts: withCommands(t, "")},
	}
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				runGolden(t, c, size[0], size[1])
			})
		}
	}
}
