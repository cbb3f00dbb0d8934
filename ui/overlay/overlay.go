// Package overlay is the stack of what is drawn over the view in focus: the
// copy menu, the search picker, the full help. The top overlay gets every
// key and draws in the view's place; closing it shows the one below, or the
// view. One stack replaces a priority order written out by hand.
//
// The overlays themselves live beneath it (ui/overlay/copymenu, picker,
// filterpicker, fullhelp, rawview, noteedit); a view asks for one with a
// choice (choice.go) that the root builds, so that views stay leaves.
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

// Receiver is an overlay that waits for the answer to a command it
// started (the note editor, for its save): it stays open until the answer
// says how it went.
type Receiver interface {
	// Receive takes msg; taken reports whether it was the overlay's
	// answer, and a nil Overlay that the overlay closed. The command is
	// what the answer starts (the next save, once one is answered).
	Receive(msg tea.Msg) (next Overlay, cmd tea.Cmd, taken bool)
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

// Receive gives msg to the open overlays that wait for answers, top first,
// until one takes it (and closes, or stays); taken reports whether one
// did, so that the caller can say an answer nobody waits for any more.
func (s Stack) Receive(msg tea.Msg) (Stack, tea.Cmd, bool) {
	for i := len(s.open) - 1; i >= 0; i-- {
		r, ok := s.open[i].(Receiver)
		if !ok {
			continue
		}
		next, cmd, taken := r.Receive(msg)
		if !taken {
			continue
		}
		out := make([]Overlay, 0, len(s.open))
		out = append(out, s.open[:i]...)
		if next != nil {
			out = append(out, next)
		}
		return Stack{open: append(out, s.open[i+1:]...)}, cmd, true
	}
	return s, nil, false
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
