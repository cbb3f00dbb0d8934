package viewsave

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"go.uber.org/goleak"

	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

type saved struct{ name, replace string }

func open(t *testing.T, calls *[]saved, err error) overlay.Overlay {
	t.Helper()
	v := filter.View{Text: "refund", Changed: true, Attention: true}
	return Open(styles.Plain(), DefaultKeyMap(keys.Default()), "Open", []string{"Needs attention", "Open", "All"}, "status open", v,
		func(name string, got filter.View, replace string) error {
			if got != v {
				t.Errorf("saved %+v, want %+v", got, v)
			}
			*calls = append(*calls, saved{name, replace})
			return err
		})
}

func type_(o overlay.Overlay, s string) overlay.Overlay {
	o, _ = o.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
	return o
}

func answer(t *testing.T, o overlay.Overlay, cmd tea.Cmd) (overlay.Overlay, SavedMsg) {
	t.Helper()
	msgs := keytest.Run(cmd)
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	msg := msgs[0].(SavedMsg)
	next, _, taken := o.(overlay.Receiver).Receive(msg)
	if !taken {
		t.Fatal("the overlay did not take its answer")
	}
	return next, msg
}

func TestSaveBackToTheView(t *testing.T) {
	var calls []saved
	o := open(t, &calls, nil)
	if v := o.View(80, 20); !strings.Contains(v, "filters: status open, text refund · needs-attention order") || !strings.Contains(v, "name: Open") || !strings.Contains(v, "enter saves back to this view") {
		t.Fatalf("view:\n%s", v)
	}
	o, cmd := o.Update(keytest.Msg("enter"))
	if !strings.Contains(o.View(80, 20), "saving…") {
		t.Errorf("while saving:\n%s", o.View(80, 20))
	}
	next, msg := answer(t, o, cmd)
	if next != nil || msg.Err != nil || len(calls) != 1 || calls[0] != (saved{"Open", "Open"}) {
		t.Errorf("closed %t, %+v, calls %+v", next == nil, msg, calls)
	}
}

func TestSaveAsANewView(t *testing.T) {
	var calls []saved
	o := open(t, &calls, errors.New("cannot write config.toml: permission denied"))
	o, _ = o.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	o = type_(o, "Refunds")
	if v := o.View(80, 20); !strings.Contains(v, "enter saves a new view ·") {
		t.Errorf("view:\n%s", v)
	}
	o, cmd := o.Update(keytest.Msg("enter"))
	next, _ := answer(t, o, cmd)
	if next == nil || calls[0] != (saved{"Refunds", ""}) {
		t.Fatalf("a failed save closed the overlay, or saved %+v", calls)
	}
	if v := next.View(80, 20); !strings.Contains(v, "Not saved: cannot write config.toml: permission denied") || !strings.Contains(v, "name: Refunds") {
		t.Errorf("after the failure:\n%s", v)
	}
	if o, _ := next.Update(keytest.Msg("esc")); o != nil {
		t.Error("esc did not close it")
	}
}

func TestBadNamesAreRefusedBeforeSaving(t *testing.T) {
	for _, tt := range []struct{ typed, want string }{
		{"", "A view needs a name."},
		{"all", `There is a view named "all" already`},
	} {
		var calls []saved
		o := open(t, &calls, nil)
		o, _ = o.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
		o = type_(o, tt.typed)
		o, cmd := o.Update(keytest.Msg("enter"))
		if cmd != nil || len(calls) > 0 || !strings.Contains(o.View(200, 20), tt.want) {
			t.Errorf("%q: saved %v\n%s", tt.typed, calls, o.View(200, 20))
		}
	}
}

// TestCheckRefusesControlCharacters: the input drops what a terminal
// would act on; Check refuses it all the same, for a name from elsewhere.
func TestCheckRefusesControlCharacters(t *testing.T) {
	var calls []saved
	o := open(t, &calls, nil).(Model)
	if got := o.Check("a\x1b[2Jb"); !strings.Contains(got, "control character") {
		t.Errorf("Check = %q", got)
	}
	if got := o.Check("open"); got != "" {
		t.Errorf("the view's own name, in any case: %q", got)
	}
}
