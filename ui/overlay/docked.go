package overlay

import (
	"strings"

	"github.com/opencx-tools/cxi/ui/render"
)

// Docked is an overlay drawn over the bottom lines of the view instead of
// in its place (the command line): the view it acts on stays in sight.
type Docked interface {
	Docked() bool
}

// IsDocked reports whether o is drawn over the bottom of the view.
func IsDocked(o Overlay) bool {
	d, ok := o.(Docked)
	return ok && d.Docked()
}

// Dock lays over, a docked overlay as drawn, over the last lines of pane,
// a view filled to width × height.
func Dock(pane, over string, width, height int) string {
	lines := strings.Split(render.Fill(pane, width, height), "\n")
	ov := strings.Split(over, "\n")
	if len(ov) > len(lines) {
		ov = ov[len(ov)-len(lines):]
	}
	copy(lines[len(lines)-len(ov):], ov)
	return strings.Join(lines, "\n")
}

// View draws the stack over the view that view draws, in a pane of width
// × height cells: the top overlay in the view's place, or over its bottom
// lines when it is docked; the view alone when nothing is open.
func (s Stack) View(view func() string, width, height int) string {
	top := s.Top()
	switch {
	case top == nil:
		return view()
	case IsDocked(top):
		return Dock(view(), top.View(width, height), width, height)
	}
	return top.View(width, height)
}
