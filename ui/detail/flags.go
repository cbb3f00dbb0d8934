package detail

import (
	"fmt"

	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/ui/render"
)

// SetFlags gives the pane the integrity flags of the loaded sessions (by
// ID; the root's ui/integrity works them out): the session shown lists
// its own, with what each rule saw, above its panels.
func (m Model) SetFlags(byID map[string][]lint.Flag) Model {
	m.flags = byID
	m.pane = m.pane.SetBanner(m.banner())
	return m
}

// flagLines are the shown session's flags: a title, then a line a rule.
func (m Model) flagLines(id string) []string {
	flags := m.flags[id]
	if len(flags) == 0 {
		return nil
	}
	t := m.ctx.Theme
	out := []string{t.Error.Render("Integrity flags") + t.Muted.Render(" (cxi lint, [lint] in config.toml)")}
	w := 0
	for _, f := range flags {
		w = max(w, len(f.Rule)) // rule names are ASCII words
	}
	for _, f := range flags {
		out = append(out, "  "+t.Error.Render("! ")+t.Label.Render(fmt.Sprintf("%-*s", w, f.Rule))+"  "+t.Value.Render(render.Line(f.Says)))
	}
	return out
}
