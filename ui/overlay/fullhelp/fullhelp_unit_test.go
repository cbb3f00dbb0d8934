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
	"github.com/opencx-tools/cxi/ui/overlay"
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

// sections is gs as one untitled section.
func sections(gs [][]key.Binding) []fullhelp.Section { return []fullhelp.Section{{Columns: gs}} }

// viewAt is the help laid out for width × height, as the stack sizes it.
func viewAt(m fullhelp.Model, width, height int) string {
	return m.SetSize(width, height).View(width, height)
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
	m := fullhelp.New(testCtx(keys.Default()), sections(gs), "")
	// One column is "k0.0 does 0.0" wide (13 cells), plus a separator.
	for _, width := range []int{20, 30, 40, 60, 80, 100, 200} {
		v := viewAt(m, width, 40)
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
	wide := viewAt(m, 200, 40)
	if lineOf(wide, "k0.0") != lineOf(wide, "k5.0") || len(strings.Split(wide, "\n")) != 3 {
		t.Errorf("at 200 the columns should share one row:\n%s", wide)
	}
	// Narrow: one column per row, rows apart, still in order.
	narrow := viewAt(m, 20, 40)
	for g := 1; g < len(gs); g++ {
		if lineOf(narrow, fmt.Sprintf("k%d.0", g)) <= lineOf(narrow, fmt.Sprintf("k%d.2", g-1)) {
			t.Errorf("at 20 group %d does not start below group %d:\n%s", g, g-1, narrow)
		}
	}
	// In between: as many columns per row as fit. Three columns with their
	// separators take 3×13 + 2×4 = 47 cells.
	for _, tt := range []struct{ width, perRow int }{{47, 3}, {46, 2}, {64, 4}, {63, 3}, {60, 3}} {
		v := viewAt(m, tt.width, 40)
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
	v := viewAt(fullhelp.New(testCtx(keys.Default()), sections(gs), "needs-attention order: handed off first"), 100, 40)
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
	m := fullhelp.New(testCtx(keys.Default()), sections(groups()), "")
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
		if o != nil && viewAt(o.(fullhelp.Model), 100, 40) != viewAt(m, 100, 40) {
			t.Errorf("%s changed the help", k)
		}
	}
	if got := helpKeys(m.SetSize(100, 40).ShortHelp()); got != "esc/?/q" {
		t.Errorf("ShortHelp keys %q", got)
	}
}

func TestCloseKeysFollowARemap(t *testing.T) {
	km := keys.Default()
	km.Help.SetKeys("f1")
	km.Help.SetHelp("f1", "all keys")
	m := fullhelp.New(testCtx(km), sections(groups()), "")
	if o, _ := m.Update(tea.KeyMsg{Type: tea.KeyF1}); o != nil {
		t.Error("f1, the remapped help key, did not close it")
	}
	if o, _ := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")}); o == nil {
		t.Error("? closed the help after the remap")
	}
}

// TestScrollsWhenLongerThanThePane: at 80×24 and 60×20 the keys and the
// notes do not fit one screen; the help scrolls with the program's
// scrolling keys to its last line, says where the reader is, and its
// one-line help names the keys that scroll it.
func TestScrollsWhenLongerThanThePane(t *testing.T) {
	var notes []string
	for i := range 12 {
		notes = append(notes, fmt.Sprintf("note line %d", i))
	}
	var o overlay.Overlay = fullhelp.New(testCtx(keys.Default()), sections(groups()), strings.Join(notes, "\n")).SetSize(20, 10)
	v := o.View(20, 10)
	if got := len(strings.Split(v, "\n")); got != 10 {
		t.Errorf("%d lines in a pane of 10:\n%s", got, v)
	}
	if strings.Contains(v, "note line 11") || !strings.Contains(v, "k0.0") {
		t.Errorf("the first screen is not the top of the help:\n%s", v)
	}
	if !strings.Contains(v, "0% · ↓/j more") {
		t.Errorf("the last line does not say there is more:\n%s", v)
	}
	if got := helpKeys(o.ShortHelp()); got != "↓/j ↑/k esc/?/q pgdn/f g/home G/end" {
		t.Errorf("short help %q does not name the scrolling keys", got)
	}
	o, _ = o.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	if v2 := o.View(20, 10); strings.Contains(v2, "k0.0 does 0.0") || !strings.Contains(v2, "k0.1") {
		t.Errorf("j did not scroll one line:\n%s", v2)
	}
	o, _ = o.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")})
	v = o.View(20, 10)
	if !strings.Contains(v, "note line 11") || !strings.Contains(v, "end · ↑/k back up") {
		t.Errorf("G did not reach the last line:\n%s", v)
	}
	o, _ = o.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("g")})
	if v = o.View(20, 10); !strings.Contains(v, "k0.0") {
		t.Errorf("g did not go back to the top:\n%s", v)
	}
	// Where it all fits, nothing says "more" and only the close keys are named.
	wide := fullhelp.New(testCtx(keys.Default()), sections(groups()), "").SetSize(200, 40)
	if v := wide.View(200, 40); strings.Contains(v, "more") || helpKeys(wide.ShortHelp()) != "esc/?/q" {
		t.Errorf("a help that fits says it scrolls:\n%s\n%s", v, helpKeys(wide.ShortHelp()))
	}
}

// TestSectionsInOrderWithTitles: the view's own keys come first under
// their title; a section whose keys are all off is not shown at all.
func TestSectionsInOrderWithTitles(t *testing.T) {
	gs := groups()
	off := []key.Binding{key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "zzz"), key.WithDisabled())}
	m := fullhelp.New(testCtx(keys.Default()), []fullhelp.Section{
		{Title: "In the transcript", Columns: gs[:1]},
		{Title: "Nothing here", Columns: [][]key.Binding{off}},
		{Title: "Everywhere else", Columns: gs[1:]},
	}, "")
	v := viewAt(m, 100, 40)
	own, rest := lineOf(v, "In the transcript"), lineOf(v, "Everywhere else")
	if own != 0 || lineOf(v, "k0.0") != 1 || rest <= lineOf(v, "k0.2") || lineOf(v, "k1.0") <= rest {
		t.Errorf("the sections are not titled and in order:\n%s", v)
	}
	if strings.Contains(v, "Nothing here") {
		t.Errorf("a section with no key on is shown:\n%s", v)
	}
}

func helpKeys(bs []key.Binding) string {
	var names []string
	for _, b := range bs {
		names = append(names, b.Help().Key)
	}
	return strings.Join(names, " ")
}
