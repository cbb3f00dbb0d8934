package keys

import "github.com/charmbracelet/bubbles/key"

// ForCommandMenu is the keys of the menu of the user's commands.
func (k Map) ForCommandMenu() Menu {
	return Menu{Up: k.Up, Down: k.Down, Choose: As(k.Lookup, "run"), Close: As(k.Back, "close"), Toggle: k.Commands}
}

// RunPane is the keys of the pane that shows a user command's runs: start
// it (when it asks first), scroll the output, copy it, and stop the run
// under way or close the pane.
type RunPane struct {
	Start, Copy, Close key.Binding
	Scroll             Scroll
}

// ForRunPane is the run pane's keys. esc stops a run under way, and
// closes the pane once nothing runs.
func (k Map) ForRunPane() RunPane {
	return RunPane{Start: As(k.Lookup, "run"), Copy: As(k.CopyExternalID, "copy output"), Close: As(k.Back, "stop / close"), Scroll: k.ForScroll()}
}
