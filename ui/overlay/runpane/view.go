package runpane

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
)

// body is the viewport's lines: what will run while the pane asks, then
// each run ended (what ran, its output, how it ended), then the one under
// way. Every value and every output goes through render: a program's
// output is as untrusted as the API's.
func (m Model) body(width int) []string {
	t := m.theme
	var lines []string
	add := func(s string) { lines = append(lines, render.Wrap(s, width)...) }
	if m.asking {
		add(t.Value.Render(fmt.Sprintf("Run %q on %s?", render.Line(m.action.Name), plural.Count(m.targets.Len(), "session"))) +
			" " + t.Muted.Render(m.action.About()))
		for _, s := range m.preview {
			list, url, err := m.action.Target(&s)
			switch {
			case err != nil:
				add(t.Error.Render("✗ " + api.ShortID(s.ID) + " not run: " + render.Line(err.Error())))
			case url != "":
				add("  " + render.Line("open "+url))
			default:
				add("  " + render.Line("$ "+argv(list)))
			}
		}
		if more := m.targets.Len() - len(m.preview); more > 0 {
			add(t.Muted.Render(fmt.Sprintf("… and %d more", more)))
		}
		return lines
	}
	for _, r := range m.results {
		head := what(r)
		if m.targets.Len() > 1 {
			head = api.ShortID(r.Session) + "  " + head
		}
		add(t.PanelTitle.Render(render.Line(head)))
		if out := strings.TrimRight(render.Block(r.Output), "\n"); out != "" {
			for _, l := range strings.Split(out, "\n") {
				add(l)
			}
		}
		style := t.Muted
		if !r.OK() {
			style = t.Error
		}
		add(style.Render("[" + render.Line(exitWords(r)) + "]"))
	}
	if m.running {
		i := len(m.results)
		add(t.Muted.Render(fmt.Sprintf("running on %s…", api.ShortID(m.targets.ID(i)))))
	}
	return lines
}

// previewRuns is how many of the runs the question shows before it runs.
const previewRuns = 5

// View draws the title with the progress, and the runs.
func (m Model) View(width, height int) string {
	t := m.theme
	title := t.PanelTitle.Render(render.Line(m.action.Name))
	n := m.targets.Len()
	switch {
	case m.asking:
		title += t.Muted.Render(" · asks first")
	case m.running && n > 1:
		title += t.Muted.Render(fmt.Sprintf(" · %d/%d", len(m.results)+1, n))
	case m.running:
		title += t.Muted.Render(" · running")
	case m.stopping && n == 1:
		title += t.Error.Render(" · stopped")
	case m.stopping:
		title += t.Error.Render(fmt.Sprintf(" · stopped after %d/%d: ", len(m.results), n)) + t.Muted.Render(m.summary())
	case n > 1:
		title += t.Muted.Render(" · done: " + m.summary())
	}
	lines := []string{render.ClipLine(title, width)}
	view := strings.Split(m.viewport.View(), "\n")
	for i := range max(height-1, 1) {
		l := ""
		if i < len(view) {
			l = view[i]
		}
		lines = append(lines, render.ClipLine(l, width))
	}
	return strings.Join(lines, "\n") // the keys are on the root's help line, from ShortHelp
}

// ShortHelp is the keys that act now.
func (m Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.asking:
		return []key.Binding{k.Start, keys.As(k.Close, "cancel")}
	case m.running:
		return []key.Binding{keys.As(k.Close, "stop")}
	}
	out := []key.Binding{keys.As(k.Close, "close"), k.Scroll.Up, k.Scroll.Down}
	if len(m.results) > 0 {
		out = append([]key.Binding{k.Copy}, out...)
	}
	return out
}

// FullHelp is the same, in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
