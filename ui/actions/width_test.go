package actions

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

// devanagari is text terminals draw wider than lipgloss counts it.
const devanagari = "प्रिया शर्मा की सहायता डेस्क"

func testCtx() common.Context {
	return common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return time.Unix(0, 0) }}
}

// TestPanelsKeepTheirWidthWithWideScripts: a helpdesk name or a message in
// Devanagari, which lipgloss pads as if it were narrower, leaves every
// line of the status menu and of the redaction's confirmation exactly as
// wide as the pane, the right border in the last column.
func TestPanelsKeepTheirWidthWithWideScripts(t *testing.T) {
	if lipgloss.Width(devanagari) >= render.Width(devanagari) {
		t.Fatal("the sample no longer shows the difference")
	}
	ctx := testCtx()
	s := api.Session{ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a", Status: api.StatusOpen,
		TicketingSystem: &api.TicketingSystem{Name: api.SystemName(devanagari)}}
	chosen, _ := newMenu(ctx, common.SessionTargets(s), common.WriteSettings{Helpdesk: true}).Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1")})
	redactAll, _ := New(ctx, nil, common.WriteSettings{}).RedactMenu(&s, nil)
	redactOne, _ := New(ctx, nil, common.WriteSettings{}).RedactMenu(&s, &api.Event{ID: "msg-1", Text: devanagari})
	for name, o := range map[string]overlay.Overlay{"status menu": chosen, "redact session": redactAll, "redact message": redactOne} {
		for _, width := range []int{120, 80, 60, 40} {
			v := o.View(width, 30)
			if width == 120 && name != "redact session" && !strings.Contains(v, "प्रिया") {
				t.Fatalf("%s at %d: the wide text is not shown:\n%s", name, width, v)
			}
			for _, l := range strings.Split(v, "\n") {
				plain := ansi.Strip(l)
				if render.Width(plain) != width || !strings.ContainsAny(plain[len(plain)-3:], "│╮╯") {
					t.Errorf("%s at %d: a line %d cells wide, or its border moved: %q", name, width, render.Width(plain), plain)
				}
			}
		}
	}
}

// TestTheRedactionWarningIsWrappedNotCut: on a narrow terminal every word
// of the warning, and of the hint that says how to confirm, is on screen.
func TestTheRedactionWarningIsWrappedNotCut(t *testing.T) {
	s := api.Session{ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a", Status: api.StatusOpen}
	o, _ := New(testCtx(), nil, common.WriteSettings{}).RedactMenu(&s, nil)
	for _, width := range []int{120, 60, 40} {
		v := strings.Join(strings.Fields(strings.NewReplacer("│", " ", "╭", " ", "╮", " ", "╰", " ", "╯", " ", "─", " ").Replace(ansi.Strip(o.View(width, 30)))), " ")
		for _, want := range []string{"— permanent, cannot be undone", "deleted, for everyone.", "moves to the reason · esc cancel"} {
			if !strings.Contains(v, want) {
				t.Errorf("at %d the panel lacks %q:\n%s", width, want, o.View(width, 30))
			}
		}
	}
}
