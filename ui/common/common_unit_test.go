package common_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
)

var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func testCtx() common.Context {
	return common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return testNow }}
}

// allBindings is every binding of the default key map, in field order.
func allBindings() []key.Binding {
	km := keys.Default()
	v := reflect.ValueOf(km)
	var out []key.Binding
	for i := range v.NumField() {
		out = append(out, v.Field(i).Interface().(key.Binding))
	}
	return out
}

func TestShortHelpNeverExceedsTheWidth(t *testing.T) {
	h := testCtx().Help()
	bindings := allBindings()
	if len(bindings) < 20 {
		t.Fatalf("only %d bindings: the test needs many", len(bindings))
	}
	full := h.ShortHelpView(bindings)
	for width := 10; width <= 200; width++ {
		line := common.ShortHelp(h, bindings, width)
		if got := lipgloss.Width(line); got > width {
			t.Fatalf("width %d: %d cells: %q", width, got, line)
		}
		if strings.Contains(line, "\n") {
			t.Fatalf("width %d: more than one line: %q", width, line)
		}
		// Whatever fits is shown: the line is a prefix of the full help.
		if shown := strings.TrimSuffix(line, " …"); !strings.HasPrefix(full, shown) {
			t.Fatalf("width %d: %q is not the start of the full help", width, line)
		}
	}
	// Room for everything: the whole help, as the help model draws it.
	if got := common.ShortHelp(h, bindings, lipgloss.Width(full)); got != full {
		t.Errorf("with room for all: %q, want %q", got, full)
	}
	// The caller's width on the help model is not what counts.
	h.Width = 20
	if got := common.ShortHelp(h, bindings, 1000); got != full {
		t.Errorf("h.Width cut the line: %q", got)
	}
}

func TestShortHelpEllipsisOnlyWhenSomethingIsLeftOut(t *testing.T) {
	h := testCtx().Help()
	bindings := allBindings()
	full := h.ShortHelpView(bindings)
	for width := 10; width <= lipgloss.Width(full)+20; width++ {
		line := common.ShortHelp(h, bindings, width)
		leftOut := false
		for _, b := range bindings {
			if !strings.Contains(line, b.Help().Key+" "+b.Help().Desc) {
				leftOut = true
			}
		}
		hasEllipsis := strings.HasSuffix(line, " …")
		switch {
		case line == "":
			// Not even one binding and the ellipsis fit.
			if w := lipgloss.Width(h.ShortHelpView(bindings[:1]) + " …"); w <= width {
				t.Errorf("width %d: nothing shown though %d cells fit the first binding", width, w)
			}
		case leftOut != hasEllipsis:
			t.Errorf("width %d: left out=%v but ellipsis=%v: %q", width, leftOut, hasEllipsis, line)
		}
	}
	if strings.Contains(common.ShortHelp(h, bindings[:3], 200), "…") {
		t.Error("an ellipsis on a line that shows every binding")
	}
}

func TestShortHelpSkipsDisabledBindings(t *testing.T) {
	h := testCtx().Help()
	mk := func(k, desc string, on bool) key.Binding {
		b := key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc))
		b.SetEnabled(on)
		return b
	}
	bindings := []key.Binding{
		mk("enter", "open", true),
		mk("x", "hidden one", false),
		mk("r", "refresh", true),
		mk("z", "hidden two", false),
	}
	line := common.ShortHelp(h, bindings, 200)
	if strings.Contains(line, "hidden") {
		t.Errorf("a disabled binding is shown: %q", line)
	}
	if !strings.Contains(line, "enter open") || !strings.Contains(line, "r refresh") {
		t.Errorf("enabled bindings missing: %q", line)
	}
	// Disabled bindings left out are not "left out" for the ellipsis.
	if strings.Contains(line, "…") {
		t.Errorf("ellipsis for disabled bindings: %q", line)
	}
	// Only disabled bindings: nothing to show.
	if got := common.ShortHelp(h, []key.Binding{mk("x", "hidden", false)}, 200); got != "" {
		t.Errorf("only disabled: %q", got)
	}
	if got := common.ShortHelp(h, nil, 200); got != "" {
		t.Errorf("no bindings: %q", got)
	}
	// Cutting counts enabled bindings only: with room for "enter open" and
	// the ellipsis, the enabled "r refresh" is what is left out.
	narrow := common.ShortHelp(h, bindings, lipgloss.Width("enter open …"))
	if narrow != "enter open …" {
		t.Errorf("narrow: %q, want %q", narrow, "enter open …")
	}
}

func TestWithDefaultsFillsOnlyWhatIsMissing(t *testing.T) {
	empty := common.Context{Theme: styles.Plain()}.WithDefaults()
	if empty.Now == nil || empty.Timer == nil {
		t.Fatal("WithDefaults left the clock or the timer nil")
	}
	if d := time.Since(empty.Now()); d < 0 || d > time.Hour {
		t.Errorf("the default clock is %v off the real one", d)
	}
	timed := 0
	ctx := common.Context{
		Theme: styles.Plain(),
		Now:   func() time.Time { return testNow },
		Timer: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { timed++; return nil },
	}.WithDefaults()
	if !ctx.Now().Equal(testNow) {
		t.Errorf("WithDefaults replaced the given clock: %v", ctx.Now())
	}
	if ctx.Timer(time.Second, nil); timed != 1 {
		t.Error("WithDefaults replaced the given timer")
	}
	if ctx.Theme == nil {
		t.Error("WithDefaults dropped the theme")
	}
}

func TestHelpDrawsInTheTheme(t *testing.T) {
	h := testCtx().Help()
	if h.Ellipsis != "…" {
		t.Errorf("the help model's ellipsis is %q", h.Ellipsis)
	}
	// The plain theme adds no escape sequences: only the text remains.
	if got := h.ShortHelpView(allBindings()[:2]); got != "enter open • y copy external_id" {
		t.Errorf("the help model draws %q", got)
	}
}
