package actions

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/overlay"
)

// saves records what the menu asked to remember, failing with err.
type saves struct {
	got [][2]bool
	err error
}

func (s *saves) save(h, sum bool) error { s.got = append(s.got, [2]bool{h, sum}); return s.err }

func press(t *testing.T, o overlay.Overlay, k string) (overlay.Overlay, tea.Cmd) {
	t.Helper()
	return o.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
}

// answer runs cmd, the menu's save, and gives its answer to o.
func answer(t *testing.T, o overlay.Overlay, cmd tea.Cmd) (overlay.Overlay, tea.Cmd) {
	t.Helper()
	if cmd == nil {
		t.Fatal("no save was asked for")
	}
	o, next, taken := o.(overlay.Receiver).Receive(cmd())
	if !taken || o == nil {
		t.Fatalf("the menu did not take its answer (taken %v, menu %v)", taken, o)
	}
	return o, next
}

// TestTheMenuSaysWhetherItsOptionsAreRemembered: a toggle remembers the
// options at once, and the menu itself says how that went, where the
// busy line of the batch that follows cannot hide it.
func TestTheMenuSaysWhetherItsOptionsAreRemembered(t *testing.T) {
	s := api.Session{ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a", Status: api.StatusOpen}
	for _, tt := range []struct {
		name string
		err  error
		says string
	}{
		{"kept", nil, "remembered in config.toml"},
		{"read-only folder", errors.New("cannot write /home/u/.config/cxi/config.toml: permission denied"),
			"not remembered: cannot write /home/u/.config/cxi/config.toml: permission denied"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sv := &saves{err: tt.err}
			var o overlay.Overlay = newMenu(testCtx(), common.SessionTargets(s), common.WriteSettings{Save: sv.save})
			o, cmd := press(t, o, "h")
			if v := o.View(100, 20); !strings.Contains(v, "remembering…") {
				t.Errorf("no word of the save under way:\n%s", v)
			}
			o, _ = answer(t, o, cmd)
			if len(sv.got) != 1 || sv.got[0] != [2]bool{true, false} {
				t.Errorf("saved %v, want helpdesk on", sv.got)
			}
			v := o.View(100, 20)
			if !strings.Contains(strings.Join(strings.Fields(v), " "), tt.says) {
				t.Errorf("the menu does not say %q:\n%s", tt.says, v)
			}
			o, _ = press(t, o, "1") // choosing a status keeps the word in view
			if v := o.View(100, 20); !strings.Contains(strings.Join(strings.Fields(v), " "), tt.says) {
				t.Errorf("after choosing, the menu no longer says %q:\n%s", tt.says, v)
			}
		})
	}
}

// TestTogglesWhileSavingEndWithTheLastChoice: one save at a time, and the
// file ends with what the menu shows, however fast the keys came.
func TestTogglesWhileSavingEndWithTheLastChoice(t *testing.T) {
	sv := &saves{}
	var o overlay.Overlay = newMenu(testCtx(), common.SessionTargets(api.Session{ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a"}), common.WriteSettings{Save: sv.save})
	o, first := press(t, o, "h")
	o, second := press(t, o, "g")
	o, third := press(t, o, "h")
	if second != nil || third != nil {
		t.Fatal("a second save began while the first was under way")
	}
	o, next := answer(t, o, first)
	o, last := answer(t, o, next)
	if last != nil {
		t.Error("a save with nothing new to keep")
	}
	if want := [][2]bool{{true, false}, {false, true}}; len(sv.got) != 2 || sv.got[0] != want[0] || sv.got[1] != want[1] {
		t.Errorf("saved %v, want %v", sv.got, want)
	}
	if v := o.View(100, 20); !strings.Contains(v, "[ ] also close") || !strings.Contains(v, "[x] generate") || !strings.Contains(v, "remembered in config.toml") {
		t.Errorf("the menu:\n%s", v)
	}
}

// TestWithoutAConfigFolderTheMenuSaysSo: with nowhere to write config.toml
// (no HOME), a toggle says that it is not remembered.
func TestWithoutAConfigFolderTheMenuSaysSo(t *testing.T) {
	var o overlay.Overlay = newMenu(testCtx(), common.SessionTargets(api.Session{ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a"}), common.WriteSettings{})
	o, cmd := press(t, o, "g")
	if cmd != nil || !strings.Contains(o.View(100, 20), "not remembered: no config folder") {
		t.Errorf("command %v, menu:\n%s", cmd, o.View(100, 20))
	}
}
