package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/ui"
)

// starting is the program's model while the store opens and gives the
// first screen: the program starts at once, and its first frame, which
// waits for the renderer's first tick anyway, is drawn by the root model
// built meanwhile, with the kept rows on it. Until then it keeps what the
// program sends (the window's size, keys typed already) for the root model,
// in order, and says it is loading: never an empty queue before the kept
// rows.
type starting struct {
	start Prepared
	quit  key.Binding // ctrl+c: quits even while the store is slow to open
	early []tea.Msg   // what came before the root model, handed to it in order
	width int
}

// builtMsg is the root model, built from the options once the store gave
// its part.
type builtMsg struct{ model ui.Model }

func newStarting(p Prepared) starting {
	return starting{start: p, quit: p.opts.Keys.ForceQuit}
}

// Init builds the root model in a command, once the store is open and
// read.
func (s starting) Init() tea.Cmd {
	p := s.start
	return func() tea.Msg { return builtMsg{model: ui.New(p.options())} }
}

// Update hands over to the root model once it is built; before, it keeps
// every message for it.
func (s starting) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case builtMsg:
		return handOver(msg.model, s.early)
	case tea.KeyMsg:
		if key.Matches(msg, s.quit) {
			return s, tea.Quit
		}
	case tea.WindowSizeMsg:
		s.width = msg.Width
	}
	s.early = append(s.early, msg)
	return s, nil
}

// View says what is being waited for, once there is a window to say it in.
func (s starting) View() string {
	if s.width == 0 {
		return ""
	}
	return s.start.store.loading
}

// handOver makes m the program's model: its Init, and the messages that
// came before it, in the order they came.
func handOver(m tea.Model, early []tea.Msg) (tea.Model, tea.Cmd) {
	cmds := []tea.Cmd{m.Init()}
	for _, msg := range early {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}
