package tabs

import (
	"strconv"
	"strings"

	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/render"
)

// span is where a tab is drawn on the line, in cells.
type span struct{ tab, from, to int }

// modifiedMark follows the name of a tab whose settings differ from what
// it saved, as an editor marks a file not saved.
const modifiedMark = "*"

// label is a tab as drawn: its key, its name, its mark, its count.
func (m Model[S]) label(i int) string {
	t := m.tabs[i]
	var b strings.Builder
	if k := keys.Name(t.Key); k != "" {
		b.WriteString(k + " ")
	}
	b.WriteString(render.Line(t.Name))
	if !t.current.Same(t.Saved) {
		b.WriteString(modifiedMark)
	}
	if c := t.count; c.known {
		b.WriteString(" ")
		if !c.whole {
			b.WriteString("≥")
		}
		b.WriteString(strconv.Itoa(c.n))
	}
	return b.String()
}

// draw lays the tabs out on one line of m.width: from the tab in force
// onwards, then before it, as many as fit; "+N more" says how many did
// not. A name too long for the line alone is cut.
func (m *Model[S]) draw() {
	m.line, m.spans = "", nil
	if len(m.tabs) == 0 || m.width <= 0 {
		return
	}
	labels := make([]string, len(m.tabs))
	widths := make([]int, len(m.tabs))
	for i := range m.tabs {
		labels[i] = m.label(i)
		if i == m.active {
			labels[i] = "[" + labels[i] + "]"
		} else {
			labels[i] = " " + labels[i] + " "
		}
		widths[i] = render.Width(labels[i])
	}
	const sep = 1
	more := func(hidden int) int {
		if hidden == 0 {
			return 0
		}
		return sep + render.Width(moreText(hidden))
	}
	// The tab in force always shows; then its neighbours, right first.
	shown := map[int]bool{m.active: true}
	used := widths[m.active]
	for step := 1; step < len(m.tabs); step++ {
		for _, i := range []int{m.active + step, m.active - step} {
			if i < 0 || i >= len(m.tabs) {
				continue
			}
			if used+sep+widths[i]+more(len(m.tabs)-len(shown)-1) <= m.width {
				shown[i] = true
				used += sep + widths[i]
			}
		}
	}
	t := m.theme
	var b strings.Builder
	x := 0
	for i := range m.tabs {
		if !shown[i] {
			continue
		}
		if x > 0 {
			b.WriteString(" ")
			x += sep
		}
		text := labels[i]
		if widths[i] > m.width-x {
			text = render.Fit(text, m.width-x)
		}
		style := t.Muted
		if i == m.active {
			style = t.Selected
		}
		b.WriteString(style.Render(text))
		m.spans = append(m.spans, span{tab: i, from: x, to: x + render.Width(text)})
		x += render.Width(text)
	}
	if hidden := len(m.tabs) - len(shown); hidden > 0 {
		b.WriteString(" " + t.Muted.Render(moreText(hidden)))
	}
	m.line = b.String()
}

// moreText counts the tabs a narrow line leaves out.
func moreText(hidden int) string { return "+" + plural.Count(hidden, "view") }

// View is the tabs' line, as drawn when it last changed.
func (m Model[S]) View() string { return m.line }

// At is the tab drawn at column x of the line, for a click.
func (m Model[S]) At(x int) (int, bool) {
	for _, s := range m.spans {
		if x >= s.from && x < s.to {
			return s.tab, s.tab != m.active
		}
	}
	return 0, false
}
