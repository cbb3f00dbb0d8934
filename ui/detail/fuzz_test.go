package detail

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/render"
)

// FuzzDetailRender decodes arbitrary JSON as a session and renders it at
// two widths with the uncoloured theme, which emits no escape sequence of
// its own: so any ESC, C0 or C1 character on screen came from the data,
// and any line wider than the pane would break the layout.
func FuzzDetailRender(f *testing.F) {
	for _, d := range demo.Sessions() {
		body, _ := demo.Fixture(d.ID)
		f.Add(body)
	}
	f.Add([]byte(`{"id":"x","contact":{"id":"c","name":"\u001b]52;c;cm0=\u0007a\u202eb"},"handoff":{"summary":"a\r\nb\u009b1m"}}`))
	f.Add([]byte(`{"id":"x","custom_data":{"\u001b[2J":"\u0000","k":[1,{"a":"\u001b"}]}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var s api.Session
		if json.Unmarshal(body, &s) != nil {
			return
		}
		for _, width := range []int{120, 44} {
			view := newPane(theme(), DefaultKeyMap()).SetSize(width, 400).SetSession(&s, now).View()
			for _, r := range view {
				if r != '\n' && (r < 0x20 || (r >= 0x7f && r <= 0x9f)) {
					t.Fatalf("control character %U on screen at width %d", r, width)
				}
			}
			for _, line := range strings.Split(view, "\n") {
				if w := render.Width(line); w > width {
					t.Fatalf("line of %d cells at width %d: %q", w, width, line)
				}
			}
		}
	})
}
