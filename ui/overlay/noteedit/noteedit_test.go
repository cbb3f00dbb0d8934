package noteedit_test

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/overlay/noteedit"
	"github.com/opencx-tools/cxi/ui/render"
)

const sessionID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"

// hidden is every character that hides or reorders text and that the rest
// of the TUI drops (render.Line): bidi overrides and isolates, marks,
// zero-width characters, a BOM, a soft hyphen, a tag character.
var hidden = []rune{'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
	'\u061C', '\u200E', '\u200F', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', 0xE0041}

// open is the editor on sessionID holding note; saved gets what ctrl+s
// would keep.
func open(note string, saved *string) overlay.Overlay {
	ctx := common.Context{Theme: styles.Plain(), Keys: keys.Default()}
	return noteedit.New(ctx, &api.Session{ID: sessionID}, note, 80, 20, func(_, text string) tea.Cmd {
		*saved = text
		return nil
	})
}

// hiddenIn names the hidden characters in s ("U+202E").
func hiddenIn(s string) []string {
	var out []string
	for _, r := range hidden {
		if strings.ContainsRune(s, r) {
			out = append(out, fmt.Sprintf("%U", r))
		}
	}
	return out
}

// TestTheEditorDrawsNoHiddenCharacters: a pasted Trojan Source line, typed
// zero-width characters and a note kept before all reach the screen as the
// rest of the TUI draws text: without the characters that hide or reorder
// it. What is shown is what ctrl+s keeps; a joined emoji stays joined.
func TestTheEditorDrawsNoHiddenCharacters(t *testing.T) {
	pasted := "refund\u202E;txt.exe\u202C ok \u2066isolated\u2069 zero\u200Bwidth\u200C\u200D\u2060\uFEFF soft\u00ADhyphen tag\U000E0041 👩\u200D💻"
	for _, tt := range []struct {
		name string
		note string
		keys []tea.KeyMsg
	}{
		{"pasted", "", []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune(pasted), Paste: true}}},
		{"typed one by one", "", typed(pasted)},
		{"kept before", pasted, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var saved string
			ed := open(tt.note, &saved)
			for _, k := range tt.keys {
				ed, _ = ed.Update(k)
			}
			v := ed.View(80, 20)
			if h := hiddenIn(strings.ReplaceAll(v, "👩\u200D💻", "")); len(h) > 0 { // the joiner inside an emoji hides nothing
				t.Errorf("the editor draws %v raw:\n%q", h, v)
			}
			if !strings.Contains(v, "refund;txt.exe ok isolated zerowidth softhyphen tag") {
				t.Errorf("the text itself is not drawn:\n%s", v)
			}
			ed.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
			if h := hiddenIn(strings.ReplaceAll(saved, "👩\u200D💻", "")); len(h) > 0 || saved != render.Block(saved) {
				t.Errorf("kept %q, with %v", saved, h)
			}
			if tt.name != "typed one by one" && !strings.Contains(saved, "👩\u200D💻") {
				t.Errorf("the joined emoji came apart: %q", saved)
			}
		})
	}
}

// typed is s as keys typed one at a time.
func typed(s string) []tea.KeyMsg {
	var out []tea.KeyMsg
	for _, r := range s {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}
