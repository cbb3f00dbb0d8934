package fullhelp_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay/fullhelp"
)

var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func testCtx(km keys.Map) common.Context {
	return common.Context{Theme: styles.Plain(), Keys: km, Now: func() time.Time { return testNow },
		Timer: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}
}

// groups are six columns of three bindings each, every key and description
// unique: "k3.1" / "does 3.1".
func groups() [][]key.Binding {
	var gs [][]key.Binding
	for g := range 6 {
		var col []key.Binding
		for b := range 3 {
			name := fmt.Sprintf("k%d.%d", g, b)
			col = append(col, key.NewBinding(key.WithKeys(name), key.WithHelp(name, fmt.Sprintf("does %d.%d", g, b))))
		}
		gs = append(gs, col)
	}
	return gs
}

func lineOf(v, sub string) int {
	for i, l := range strings.Split(v, "\n") {
		if strings.Contains(l, sub) {
			return i
		}
	}
	return -1
}

func TestPacksGroupsIntoRowsWithinTheWidth(t *testing.T) {
	gs := groups()
	m := fullhelp.New(testCtx(keys.Default()), gs, "")
	// One column is "k0.0 does 0.0" wide (13 cells), plus a separator.
	for _, width := range []int{20, 30, 40, 60, 80, 100, 200} {
		v := m.View(width, 40)
		for i, l := range strings.Split(v, "\n") {
			if lipgloss.Width(l) > width {
				t.Fatalf("width %d: line %d is %d cells: %q", width, i, lipgloss.Width(l), l)
			}
		}
		// Every binding is shown whole: key and description on one line,
		// never cut or wrapped apart.
		for g := range gs {
			for b := range gs[g] {
				k, d := fmt.Sprintf("k%d.%d", g, b), fmt.Sprintf("does %d.%d", g, b)
				line := lineOf(v, k)
				if line < 0 || !strings.Contains(strings.Split(v, "\n")[line], d) {
					t.Fatalf("width %d: %s and %q are not on one line:\n%s", width, k, d, v)
				}
			}
		}
		// A group's bindings stay together, one per line, in order.
		for g := range gs {
			first := lineOf(v, fmt.Sprintf("k%d.0", g))
			if lineOf(v, fmt.Sprintf("k%d.1", g)) != first+1 || lineOf(v, fmt.Sprintf("k%d.2", g)) != first+2 {
				t.Errorf("width %d: group %d is not one column:\n%s", width, g, v)
			}
		}
	}
	// Wide: all six columns side by side in one row.
	wide := m.View(200, 40)
	if lineOf(wide, "k0.0") != lineOf(wide, "k5.0") || len(strings.Split(wide, "\n")) != 3 {
		t.Errorf("at 200 the columns should share one row:\n%s", wide)
	}
	// Narrow: one column per row, rows apart, still in order.
	narrow := m.View(20, 40)
	for g := 1; g < len(gs); g++ {
		if lineOf(narrow, fmt.Sprintf("k%d.0", g)) <= lineOf(narrow, fmt.Sprintf("k%d.2", g-1)) {
			t.Errorf("at 20 group %d does not start below group %d:\n%s", g, g-1, narrow)
		}
	}
	// In between: as many columns per row as fit. Three columns with their
	// separators take 3×13 + 2×4 = 47 cells.
	for _, tt := range []struct{ width, perRow int }{{47, 3}, {46, 2}, {64, 4}, {63, 3}, {60, 3}} {
		v := m.View(tt.width, 40)
		for g := range gs {
			sameRow := lineOf(v, fmt.Sprintf("k%d.0", g)) == lineOf(v, fmt.Sprintf("k%d.0", g-g%tt.perRow))
			if !sameRow {
				t.Errorf("width %d: group %d is not in the row of group %d:\n%s", tt.width, g, g-g%tt.perRow, v)
			}
		}
		if next := tt.perRow; lineOf(v, fmt.Sprintf("k%d.0", next)) == lineOf(v, "k0.0") {
			t.Errorf("width %d: more than %d columns in a row:\n%s", tt.width, tt.perRow, v)
		}
	}
}

func TestDisabledBindingsAndNotes(t *testing.T) {
	gs := groups()
	gs[1][1].SetEnabled(false)
	v := fullhelp.New(testCtx(keys.Default()), gs, "needs-attention order: handed off first").View(100, 40)
	if strings.Contains(v, "k1.1") || strings.Contains(v, "does 1.1") {
		t.Errorf("a disabled binding is shown:\n%s", v)
	}
	if !strings.Contains(v, "k1.0") || !strings.Contains(v, "k1.2") {
		t.Errorf("its group lost its other bindings:\n%s", v)
	}
	notes := lineOf(v, "needs-attention order: handed off first")
	if notes < 0 || notes <= lineOf(v, "k5.2") {
		t.Errorf("the notes are missing or above the keys:\n%s", v)
	}
	if lines := strings.Split(v, "\n"); strings.TrimSpace(lines[notes-1]) != "" {
		t.Errorf("no blank line between the keys and the notes:\n%s", v)
	}
}

func TestClosesOnEachCloseKeyAndSwallowsOthers(t *testing.T) {
	m := fullhelp.New(testCtx(keys.Default()), groups(), "")
	closers := []tea.KeyMsg{
		{Type: tea.KeyRunes, Runes: []rune("?")},
		{Type: tea.KeyEsc},
		{Type: tea.KeyRunes, Runes: []rune("q")},
	}
	for _, k := range closers {
		if o, cmd := m.Update(k); o != nil || cmd != nil {
			t.Errorf("%s: open=%v cmd=%v, want closed", k, o != nil, cmd != nil)
		}
	}
	others := []tea.KeyMsg{
		{Type: tea.KeyRunes, Runes: []rune("j")},
		{Type: tea.KeyRunes, Runes: []rune("r")},
		{Type: tea.KeyEnter},
		{Type: tea.KeyDown},
		{Type: tea.KeyTab},
		{Type: tea.KeyCtrlC}, // the root quits on it before any overlay sees it
	}
	for _, k := range others {
		o, cmd := m.Update(k)
		if o == nil || cmd != nil {
			t.Errorf("%s: open=%v cmd=%v, want swallowed", k, o != nil, cmd != nil)
		}
		if o != nil && o.View(100, 40) != m.View(100, 40) {
			t.Errorf("%s changed the help", k)
		}
	}
	var names []string
	for _, b := range m.ShortHelp() {
		names = append(names, b.Help().Key)
	}
	if got := strings.Join(names, " "); got != "? esc q" {
		t.Errorf("ShortHelp keys %q", got)
	}
	if fh := m.FullHelp(); len(fh) != 1 || len(fh[0]) != 3 {
		t.Errorf("FullHelp: %v", fh)
	}
}

func TestCloseKeysFollowARemap(t *testing.T) {
	km := keys.Default()
	km.Help.SetKeys("f1")
	km.Help.SetHelp("f1", "all keys")
	m := fullhelp.New(testCtx(km), groups(), "")
	if o, _ := m.Update(tea.KeyMsg{Type: tea.KeyF1}); o != nil {
		t.Error("f1, the remapped help key, did not close it")
	}
	if o, _ := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")}); o == nil {
		t.Error("? closed the help after the remap")
	}
}
