package common

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// Help is a help model in the theme's colours.
func (c Context) Help() help.Model {
	t := c.Theme
	h := help.New()
	h.Styles = help.Styles{
		ShortKey: t.HelpKey, ShortDesc: t.HelpDesc, ShortSeparator: t.HelpSep, Ellipsis: t.HelpSep,
		FullKey: t.HelpKey, FullDesc: t.HelpDesc, FullSeparator: t.HelpSep,
	}
	return h
}

// ShortHelp is the one-line help of as many enabled bindings as fit in
// width, with an ellipsis when some were left out. help.Model cuts the
// line itself only when its ellipsis fits the space left, and otherwise
// runs past the width.
func ShortHelp(h help.Model, bindings []key.Binding, width int) string {
	h.Width = 0
	var shown []key.Binding
	for _, b := range bindings {
		if b.Enabled() {
			shown = append(shown, b)
		}
	}
	for n := len(shown); n > 0; n-- {
		line := h.ShortHelpView(shown[:n])
		if n < len(shown) {
			line += " " + h.Styles.Ellipsis.Render(h.Ellipsis)
		}
		if lipgloss.Width(line) <= width {
			return line
		}
	}
	return ""
}
