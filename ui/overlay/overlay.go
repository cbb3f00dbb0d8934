// Package overlay is the stack of what is drawn over the view in focus: the
// copy menu, the search picker, the full help. The top overlay gets every
// key and draws in the view's place; closing it shows the one below, or the
// view. One stack replaces a priority order written out by hand.
package overlay

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Overlay is one component on the stack.
type Overlay interface {
	// Update handles a key; a nil Overlay means the overlay closed.
	Update(msg tea.KeyMsg) (Overlay, tea.Cmd)
	// View draws the overlay in a pane of width × height cells.
	View(width, height int) string
	// ShortHelp is the one-line help while the overlay is on top.
	ShortHelp() []key.Binding
}

// Resizer is an overlay that lays itself out for its size (a scrolling
// one); the stack tells it when the terminal changes.
type Resizer interface {
	SetSize(width, height int) Overlay
}

// Stack holds the open overlays, the last one on top. The zero Stack is
// empty.
type Stack struct {
	open []Overlay
}

// Push opens o over whatever is open; a nil o opens nothing.
func (s Stack) Push(o Overlay) Stack {
	if o == nil {
		return s
	}
	s.open = append(s.open[:len(s.open):len(s.open)], o)
	return s
}

// Top is the overlay on top, or nil.
func (s Stack) Top() Overlay {
	if len(s.open) == 0 {
		return nil
	}
	return s.open[len(s.open)-1]
}

// Empty reports whether nothing is open.
func (s Stack) Empty() bool { return len(s.open) == 0 }

// Clear closes every overlay, for a change of view.
func (s Stack) Clear() Stack { return Stack{} }

// Update gives msg to the top overlay, and pops it when it closes.
func (s Stack) Update(msg tea.KeyMsg) (Stack, tea.Cmd) {
	top := s.Top()
	if top == nil {
		return s, nil
	}
	next, cmd := top.Update(msg)
	rest := s.open[: len(s.open)-1 : len(s.open)-1]
	if next == nil {
		return Stack{open: rest}, cmd
	}
	return Stack{open: append(rest, next)}, cmd
}

// SetSize gives every overlay that lays itself out the pane's new size.
func (s Stack) SetSize(width, height int) Stack {
	out := Stack{open: make([]Overlay, len(s.open))}
	for i, o := range s.open {
		if r, ok := o.(Resizer); ok {
			o = r.SetSize(width, height)
		}
		out.open[i] = o
	}
	return out
}
