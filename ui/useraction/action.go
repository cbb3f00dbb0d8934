// Package useraction is the user's own commands ([[commands]] in the
// config): which one a key or a name means, and each run of one on one
// session as a tea.Cmd, either a program started without a shell (os/exec
// with the expanded argument list as argv) or a URL opened in the
// browser. The pane that shows the runs is ui/overlay/runpane, the menu
// ui/overlay/cmdmenu; the templates are ui/useraction/expand's.
package useraction

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/useraction/expand"
)

// Spec is one command as the config writes it (config.Command, which
// ui/command/tui turns into a Spec: nothing under ui imports the
// commands' packages).
type Spec struct {
	Name    string
	Key     string // as tea.KeyMsg.String() reports it; "" for none
	URL     string
	Run     []string
	Write   bool
	Confirm bool
}

// Action is one command, its template checked.
type Action struct {
	Name    string
	Binding key.Binding // its key; a zero binding when it has none
	Write   bool        // declared a write: refused in read-only mode
	Confirm bool        // asks before it runs
	url     *expand.URL
	args    *expand.Args
	about   string // the template, for the menu: "opens https://…/{external_id}"
}

// Build checks specs (the config checked them already: an error here is
// a Spec made in code).
func Build(specs []Spec) ([]Action, error) {
	out := make([]Action, 0, len(specs))
	for _, s := range specs {
		a := Action{Name: s.Name, Write: s.Write, Confirm: s.Confirm}
		if s.URL != "" {
			u, err := expand.ParseURL(s.URL)
			if err != nil {
				return nil, fmt.Errorf("command %q: %w", s.Name, err)
			}
			a.url, a.about = &u, "opens "+s.URL
		} else {
			r, err := expand.ParseArgs(s.Run)
			if err != nil {
				return nil, fmt.Errorf("command %q: %w", s.Name, err)
			}
			a.args, a.about = &r, "runs "+strings.Join(s.Run, " ")
		}
		if s.Key != "" {
			a.Binding = key.NewBinding(key.WithKeys(s.Key), key.WithHelp(keys.HelpName(s.Key), s.Name))
		}
		out = append(out, a)
	}
	return out, nil
}

// About is what the action does, its template unexpanded.
func (a Action) About() string { return a.about }

// IsURL reports whether the action opens a URL rather than runs a program.
func (a Action) IsURL() bool { return a.url != nil }

// RunMsg asks the root to run the command Name on what is in view (the
// queue's selection, else the row under the cursor or the session
// shown): what the menu sends, and what the command line sends for
// `:run NAME` or the name alone.
type RunMsg struct {
	Name string
}

// Run is the command that asks for RunMsg{name}.
func Run(name string) tea.Cmd {
	return func() tea.Msg { return RunMsg{Name: name} }
}

// Set is the configured commands, with what refuses the writes among
// them, what runs them and what copies their output.
type Set struct {
	actions  []Action
	readOnly string // why writes are refused ("--read-only"); "" when they are not
	Runner   Runner
	Copier   clipboard.Copier
	life     context.Context // ends when cxi quits: a program still running is killed
	end      context.CancelFunc
}

// NewSet is the commands of a run; readOnly says why writes are refused.
func NewSet(actions []Action, readOnly string, runner Runner, copier clipboard.Copier) Set {
	life, end := context.WithCancel(context.Background())
	return Set{actions: actions, readOnly: readOnly, Runner: runner, Copier: copier, life: life, end: end}
}

// Life is the context every run derives from: Stop ends it.
func (s Set) Life() context.Context {
	if s.life == nil {
		return context.Background()
	}
	return s.life
}

// Stop kills whatever program still runs, for quitting: a command must
// not outlive cxi unseen.
func (s Set) Stop() {
	if s.end != nil {
		s.end()
	}
}

// Actions are the commands, in the config's order.
func (s Set) Actions() []Action { return s.actions }

// Names are the commands' names, for the command line's completion.
func (s Set) Names() []string {
	out := make([]string, len(s.actions))
	for i, a := range s.actions {
		out[i] = a.Name
	}
	return out
}

// Find is the command called name.
func (s Set) Find(name string) (Action, bool) {
	for _, a := range s.actions {
		if a.Name == name {
			return a, true
		}
	}
	return Action{}, false
}

// ForKey is the command msg is the key of.
func (s Set) ForKey(msg tea.KeyMsg) (Action, bool) {
	for _, a := range s.actions {
		if len(a.Binding.Keys()) > 0 && key.Matches(msg, a.Binding) {
			return a, true
		}
	}
	return Action{}, false
}

// Refused says why a may not run now ("" when it may): a declared write
// in read-only mode.
func (s Set) Refused(a Action) string {
	if a.Write && s.readOnly != "" {
		return fmt.Sprintf("%q is declared a write (write = true) and cxi runs read-only (%s): it was not run.", a.Name, s.readOnly)
	}
	return ""
}

// Bindings are the commands' keys for the full help, a declared write
// marked "(read-only)" when it is refused.
func (s Set) Bindings() []key.Binding {
	var out []key.Binding
	for _, a := range s.actions {
		if len(a.Binding.Keys()) == 0 {
			continue
		}
		b := a.Binding
		keys.MarkReadOnly(s.Refused(a) != "", &b)
		out = append(out, b)
	}
	return out
}

// Target is the session a run is for, and the action's expansion for it:
// the argv or URL, or why it is refused.
func (a Action) Target(s *api.Session) (argv []string, url string, err error) {
	if a.url != nil {
		url, err = a.url.Expand(s)
		return nil, url, err
	}
	argv, err = a.args.Expand(s)
	return argv, "", err
}
