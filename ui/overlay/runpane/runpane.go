// Package runpane is the overlay that runs one of the user's commands
// ([[commands]]) on one session or on the queue's selection, one run at a
// time, and shows each run: the argument list as run (or the URL as
// opened), the exit code and the output, sanitized for the terminal. esc
// stops the run under way (its context kills the program) and the ones
// after it; y copies what the runs printed; a command declared with
// confirm = true asks first, showing what it will run.
package runpane

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/opencx-tools/cxi/ui/scroll"
	"github.com/opencx-tools/cxi/ui/useraction"
)

// KeyMap is the pane's keys.
type KeyMap = keys.RunPane

// Model is the open pane.
type Model struct {
	theme   *styles.Theme
	keys    KeyMap
	copier  clipboard.Copier
	runner  useraction.Runner
	action  useraction.Action
	targets common.Targets // read lazily: each session is decoded in its run's command
	preview []api.Session  // the first few, decoded, for the question asked first
	token   *useraction.Token
	ctx     context.Context
	cancel  context.CancelFunc

	asking   bool                // confirm = true: waits for enter
	results  []useraction.Result // the runs ended, in order
	running  bool                // a run is under way: results[len] is
	stopping bool                // esc was pressed: no run after this one
	viewport viewport.Model
}

// Start runs the command name on targets, or says why it cannot: no such
// command, nothing to run it on, a write in read-only mode. A URL opened
// for one session needs no pane where a browser can open: its outcome is
// a notice (Notice); over SSH the pane shows the URL, and y copies it.
func Start(ctx common.Context, set useraction.Set, name string, targets common.Targets, width, height int) (overlay.Overlay, tea.Cmd) {
	a, found := set.Find(name)
	switch {
	case !found && len(set.Names()) == 0:
		return nil, common.Say(fmt.Sprintf("No command called %q: config.toml has no [[commands]] (cxi help config).", name), true)
	case !found:
		return nil, common.Say(fmt.Sprintf("No command called %q (yours: %s).", name, strings.Join(set.Names(), ", ")), true)
	case targets.Len() == 0:
		return nil, common.Say(fmt.Sprintf("No session to run %q on: open one, or select rows in the queue.", name), true)
	}
	if why := set.Refused(a); why != "" {
		return nil, common.Say(why, true)
	}
	if a.IsURL() && targets.Len() == 1 && !a.Confirm && set.Runner.Open != nil {
		return nil, set.Runner.Step(set.Life(), nil, 0, a, targets.Session(0))
	}
	c, cancel := context.WithCancel(set.Life())
	k := ctx.Keys.ForRunPane()
	m := Model{theme: ctx.Theme, keys: k, copier: set.Copier, runner: set.Runner, action: a, targets: targets,
		token: &useraction.Token{}, ctx: c, cancel: cancel, asking: a.Confirm, viewport: scroll.New(k.Scroll)}
	if m.asking {
		m.preview = targets.First(previewRuns)
	}
	var cmd tea.Cmd
	if !m.asking {
		m, cmd = m.next()
	}
	return m.SetSize(width, height), cmd
}

// Notice is what a run no pane waits for says: a URL opened for one
// session, or a pane's run that ended after the pane was closed.
func Notice(msg useraction.RanMsg) tea.Cmd {
	r := msg.Result
	switch {
	case r.Refused != "":
		return common.Say("Not run: "+render.Line(r.Refused)+".", true)
	case r.Err != nil:
		return common.Say("Could not open "+render.Line(r.URL)+": "+render.Line(r.Err.Error()), true)
	case r.URL != "":
		return common.Say("Opened "+render.Line(r.URL)+" in the browser.", false)
	}
	return common.Say(fmt.Sprintf("A command ended (%s) after its pane was closed.", exitWords(r)), !r.OK())
}

// next starts the run after the last one ended, or ends the batch.
func (m Model) next() (Model, tea.Cmd) {
	i := len(m.results)
	if m.stopping || i >= m.targets.Len() {
		m.running = false
		m.cancel()
		return m.relayout(), nil
	}
	m.running = true
	// The session is decoded in the run's command, as its turn comes.
	runner, ctx, tok, a, targets := m.runner, m.ctx, m.token, m.action, m.targets
	return m.relayout(), func() tea.Msg { return runner.Step(ctx, tok, i, a, targets.Session(i))() }
}

// Receive takes the end of one of this pane's runs and starts the next.
func (m Model) Receive(msg tea.Msg) (overlay.Overlay, tea.Cmd, bool) {
	ran, ok := msg.(useraction.RanMsg)
	if !ok || ran.Token != m.token || ran.Index != len(m.results) {
		return m, nil, false
	}
	m.results = append(m.results, ran.Result)
	m, cmd := m.next()
	return m, cmd, true
}

// Update starts a run that asked first, stops the runs on esc (and
// closes once none is under way), copies the output, scrolls.
func (m Model) Update(msg tea.KeyMsg) (overlay.Overlay, tea.Cmd) {
	k := m.keys
	switch {
	case m.asking && key.Matches(msg, k.Start):
		m.asking = false
		return m.next()
	case key.Matches(msg, k.Close) && m.running:
		m.stopping = true
		m.cancel() // kills the program under way; its RanMsg ends the batch
		return m.relayout(), nil
	case key.Matches(msg, k.Close):
		m.cancel()
		return nil, nil
	case key.Matches(msg, k.Copy) && !m.running && len(m.results) > 0:
		return m, m.copier.CopyText("the output", m.Output())
	}
	var cmd tea.Cmd
	m.viewport, cmd = scroll.Update(m.viewport, k.Scroll, msg)
	return m, cmd
}

// Output is what y copies: one run's output, or for several each run's
// argument list, output and exit, sanitized as the pane shows them.
func (m Model) Output() string {
	if r := m.results; m.targets.Len() == 1 && len(r) == 1 {
		if r[0].URL != "" && r[0].Output == "" {
			return r[0].URL
		}
		return render.Block(r[0].Output)
	}
	var b strings.Builder
	for _, r := range m.results {
		fmt.Fprintf(&b, "%s\n", render.Line(what(r)))
		if out := strings.TrimRight(render.Block(r.Output), "\n"); out != "" {
			b.WriteString(out + "\n")
		}
		fmt.Fprintf(&b, "[%s]\n", exitWords(r))
	}
	return b.String()
}

// Results are the runs ended so far.
func (m Model) Results() []useraction.Result { return m.results }

// Running reports whether a run is under way.
func (m Model) Running() bool { return m.running }

// SetSize fits the output to the pane, below the title.
func (m Model) SetSize(width, height int) overlay.Overlay {
	m.viewport.Width, m.viewport.Height = max(width, 1), max(height-1, 1)
	return m.relayout()
}

// relayout renders the runs into the viewport, once per change, keeping
// the bottom in view while runs come in.
func (m Model) relayout() Model {
	follow := m.viewport.AtBottom() || m.running
	m.viewport.SetContent(strings.Join(m.body(m.viewport.Width), "\n"))
	if follow {
		m.viewport.GotoBottom()
	}
	return m
}

// argv is an argument list as a reader would type it: an argument with
// a space, a quote or nothing in it is quoted, so that where one ends is
// seen. It is shown, never run.
func argv(list []string) string {
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a
		if a == "" || strings.ContainsAny(a, " \t\"'\\$`;&|<>(){}*?#~") {
			out[i] = strconv.Quote(a)
		}
	}
	return strings.Join(out, " ")
}

// what is the run as done: "$ argv" or "open URL".
func what(r useraction.Result) string {
	switch {
	case r.Argv != nil:
		return "$ " + argv(r.Argv)
	case r.URL != "":
		return "open " + r.URL
	}
	return "session " + api.ShortID(r.Session)
}

// exitWords is how a run ended.
func exitWords(r useraction.Result) string {
	switch {
	case r.Refused != "":
		return "not run: " + r.Refused
	case r.Cancelled:
		return "stopped"
	case r.Err != nil:
		return r.Err.Error()
	case r.URL != "":
		return "opened"
	case r.Cut:
		return fmt.Sprintf("exit %d · output cut at %d KiB", r.Exit, useraction.OutputCap>>10)
	}
	return fmt.Sprintf("exit %d", r.Exit)
}

// summary counts how the runs went.
func (m Model) summary() string {
	ok, failed, refused := 0, 0, 0
	for _, r := range m.results {
		switch {
		case r.Refused != "":
			refused++
		case r.OK():
			ok++
		case !r.Cancelled:
			failed++
		}
	}
	parts := []string{fmt.Sprintf("%d ok", ok)}
	if failed > 0 {
		parts = append(parts, fmt.Sprintf("%d failed", failed))
	}
	if refused > 0 {
		parts = append(parts, fmt.Sprintf("%d not run", refused))
	}
	if left := m.targets.Len() - len(m.results); left > 0 {
		parts = append(parts, fmt.Sprintf("%d left undone", left))
	}
	return strings.Join(parts, ", ")
}
