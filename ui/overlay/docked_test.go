package overlay

import (
	"strings"
	"testing"
)

// docked is an overlay drawn over the bottom of the view.
type docked struct{ named }

func (docked) Docked() bool { return true }

func TestStackViewDrawsInPlaceOrDocked(t *testing.T) {
	view := func() string { return "row 1\nrow 2\nrow 3" }
	var s Stack
	if got := s.View(view, 10, 4); got != view() {
		t.Errorf("with nothing open: %q", got)
	}
	if got := s.Push(named{name: "menu"}).View(view, 10, 4); got != "menu" {
		t.Errorf("a menu draws in the view's place: %q", got)
	}
	// Docked: the view filled to the pane's height, its last lines
	// covered, the rest in sight.
	got := s.Push(docked{named{name: "hint\n:line"}}).View(view, 10, 4)
	if want := []string{"row 1", "row 2", "hint", ":line"}; strings.Join(want, "\n") != got {
		t.Errorf("docked:\n%s", got)
	}
	// Taller than the pane: its last lines are what is kept.
	if got := Dock("a\nb", "1\n2\n3", 5, 2); got != "2\n3" {
		t.Errorf("taller than the pane: %q", got)
	}
}
