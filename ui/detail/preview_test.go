package detail

import (
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/render"
)

// TestPreviewFitsItsBoxAndSaysWhatIsCut: the preview of the showcase
// session, boxed or compact, stays within width×height at every size the
// root gives it, shows the four panels and the ticket with its copy key,
// and a summary too long for it ends with how many lines are left and the
// key that opens them — whole words, a whole count.
func TestPreviewFitsItsBoxAndSaysWhatIsCut(t *testing.T) {
	s := fixture(t, demo.IDAngryHandoff)
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for _, size := range [][2]int{{64, 35}, {48, 35}, {40, 15}, {80, 9}, {60, 7}, {30, 20}} {
		w, h := size[0], size[1]
		v := Preview(theme(), "y", "enter", s, nil, now, w, h)
		lines := strings.Split(v, "\n")
		if len(lines) > h {
			t.Errorf("%dx%d: %d lines", w, h, len(lines))
		}
		if w >= 48 && !strings.Contains(v, "more lines · enter opens the session") {
			t.Errorf("%dx%d: the cut summary does not name the key that opens it:\n%s", w, h, v)
		}
		for _, l := range lines {
			if render.Width(l) > w {
				t.Errorf("%dx%d: a line is %d cells: %q", w, h, render.Width(l), l)
			}
		}
		for _, want := range []string{"ZD-884213", "y copy", "open", "angry", "Dana Whitfield", "Handoff", "… ", "more lines"} {
			if !strings.Contains(v, want) {
				t.Errorf("%dx%d: the preview lacks %q:\n%s", w, h, want, v)
			}
		}
	}
	// A session that says little takes the lines it needs, no more.
	bare := fixture(t, demo.IDMinimal)
	if v := Preview(theme(), "y", "enter", bare, nil, now, 64, 35); strings.Contains(v, "more line") || !strings.Contains(v, "Not handed off.") && !strings.Contains(v, "No summary.") {
		t.Errorf("the minimal session's preview:\n%s", v)
	}
	if Preview(theme(), "y", "enter", nil, nil, now, 64, 35) != "" {
		t.Error("a preview of no session is not empty")
	}
}
