// Package screentest checks a rendered view the way a terminal would
// suffer it: no control character from the data, no line wider than the
// screen. Test support, linked into no program.
package screentest

import (
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/render"
)

// Check fails the test at the first control character (C0 but the line
// feed, DEL, C1) or line wider than width in view; what names the case.
func Check(t testing.TB, what, view string, width int) {
	t.Helper()
	for _, r := range view {
		if r != '\n' && (r < 0x20 || (r >= 0x7f && r <= 0x9f)) {
			t.Fatalf("%s: control character %U on screen at width %d", what, r, width)
		}
	}
	for n, line := range strings.Split(view, "\n") {
		if w := render.Width(line); w > width {
			t.Fatalf("%s: line %d is %d cells at width %d: %q", what, n, w, width, line)
		}
	}
}
