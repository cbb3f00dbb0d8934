package filterpicker_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/overlay/filterpicker"
	"github.com/opencx-tools/cxi/ui/render"
)

// chosen is what the owner's message carries here: the option's index.
type chosen int

func status(current int) filterpicker.Model {
	km := filterpicker.DefaultKeyMap()
	km.Toggle = keys.Default().Status
	f := overlay.Filter{Name: "Status", Current: current, Note: "Counts among the 25 loaded sessions.", Options: []overlay.Option{
		{Label: "any", Count: 25}, {Label: "open", Count: 12}, {Label: "unresolved", Count: 8}, {Label: "resolved", Count: 5},
	}}
	return filterpicker.New(styles.Plain(), km, f, func(i int) tea.Cmd { return func() tea.Msg { return chosen(i) } })
}

// press sends keys until the picker closes, and returns what it chose:
// -1 when it closed without a choice, -2 when it is still open.
func press(o overlay.Overlay, ks ...string) int {
	for _, k := range ks {
		var cmd tea.Cmd
		if o, cmd = o.Update(keytest.Msg(k)); o == nil {
			if cmd == nil {
				return -1
			}
			return int(cmd().(chosen))
		}
	}
	return -2
}

func TestAValueIsOneKeyAway(t *testing.T) {
	for _, tt := range []struct {
		keys []string
		want int
	}{
		{[]string{"2"}, 2},                 // a digit sets its value
		{[]string{"0"}, 0},                 // and 0 is the way back to any
		{[]string{"down", "enter"}, 2},     // the cursor starts on the value in force (open)
		{[]string{"up", "enter"}, 0},       // up from open is any
		{[]string{"up", "up", "enter"}, 3}, // and wraps round
		{[]string{"esc"}, -1},              // esc changes nothing
		{[]string{"s"}, -1},                // nor does the filter's own key
		{[]string{"7"}, -2},                // a digit with no value does nothing
		{[]string{"x", "j", "enter"}, 2},   // other keys do nothing; j is down
	} {
		if got := press(status(1), tt.keys...); got != tt.want {
			t.Errorf("%q: chose %d, want %d", tt.keys, got, tt.want)
		}
	}
}

func TestViewShowsValuesCountsAndTheOneInForce(t *testing.T) {
	v := status(1).View(60, 20)
	for _, want := range []string{"Status", "0–3 or ↑/↓ enter · esc closes", "Counts among the 25 loaded sessions.",
		"0  any", "› 1  open", "12  in force", "2  unresolved", "8", "3  resolved"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	for _, l := range strings.Split(v, "\n") {
		if render.Width(l) != 60 {
			t.Errorf("line of %d cells: %q", render.Width(l), l)
		}
	}
	unknown := filterpicker.New(styles.Plain(), filterpicker.DefaultKeyMap(), overlay.Filter{Name: "Status", Current: 1,
		Options: []overlay.Option{{Label: "any", Count: overlay.Unknown}, {Label: "open", Count: 9}}}, nil)
	if v := unknown.View(60, 20); strings.Contains(v, "-1") || !strings.Contains(v, "0  any   ") {
		t.Errorf("an unknown count shows as a number:\n%s", v)
	}
}

func TestHintsNameTheBoundKeys(t *testing.T) {
	km := filterpicker.DefaultKeyMap()
	km.Choose.SetKeys("ctrl+s")
	km.Choose.SetHelp("ctrl+s", "set filter")
	m := filterpicker.New(styles.Plain(), km, overlay.Filter{Name: "Team", Options: []overlay.Option{{Label: "any"}}}, nil)
	if v := m.View(80, 10); !strings.Contains(v, "0 or ↑/↓ ctrl+s") {
		t.Errorf("hint does not name the remapped key:\n%s", v)
	}
	if h := m.ShortHelp(); len(h) != 4 || h[0].Help().Key != "ctrl+s" {
		t.Errorf("short help %v", h)
	}
}

func TestManyValuesScrollAroundTheCursor(t *testing.T) {
	var opts []overlay.Option
	for i := range 30 {
		opts = append(opts, overlay.Option{Label: "team " + string(rune('A'+i%26)) + strings.Repeat("x", i%3), Count: i})
	}
	m := filterpicker.New(styles.Plain(), filterpicker.DefaultKeyMap(), overlay.Filter{Name: "Team", Options: opts, Current: 25}, nil)
	v := m.View(60, 10)
	if lines := strings.Split(v, "\n"); len(lines) > 10 {
		t.Errorf("%d lines in a height of 10", len(lines))
	}
	if !strings.Contains(v, "› ") || strings.Contains(v, "0  team A ") {
		t.Errorf("the cursor's row is not in view, or the list does not scroll:\n%s", v)
	}
}
