package config

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/ui/keys"
)

func TestActionsAreTheKeyMapFields(t *testing.T) {
	want := []string{"lookup", "copy_external_id", "copy_session_id", "copy_menu", "open_browser", "refresh",
		"focus_input", "switch_focus", "up", "down", "page_up", "page_down", "half_page_up", "half_page_down",
		"top", "bottom", "next", "prev", "transcript", "raw_json", "review", "next_to_review", "note", "set_status", "undo", "redact", "commands", "status", "handed_off", "channel", "window", "team", "reason", "others", "flagged", "changed", "attention",
		"auto_refresh", "reset_filters", "preview", "select", "select_range", "select_all", "command_line", "next_view", "prev_view", "save_view", "pulse", "pulse_line", "newest_match", "back", "help", "quit", "force_quit"}
	if got := Actions(); !reflect.DeepEqual(got, want) {
		t.Errorf("Actions() =\n%q\nwant\n%q", got, want)
	}
	for in, want := range map[string]string{"IDPrefix": "id_prefix", "SessionURL": "session_url", "F5Key": "f5_key"} {
		if got := snakeCase(in); got != want {
			t.Errorf("snakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRemapReachesKeyMapAndHelp(t *testing.T) {
	c, err := load(t, doc(
		"[keys]",
		`copy_external_id = ["ctrl+y"]`,
		`refresh = ["r", "f5"]`,
		`page_down = ["space", "alt+j"]`,
		`force_quit = ["ctrl+q"]`,
	))
	if err != nil {
		t.Fatal(err)
	}
	km := smallKeyMap()
	km.Status.SetEnabled(false)
	if err := c.ApplyKeys(&km); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name     string
		b        key.Binding
		keys     []string
		helpKey  string
		helpDesc string
	}{
		{"copy_external_id", km.CopyExternalID, []string{"ctrl+y"}, "ctrl+y", "copy external_id"},
		{"refresh", km.Refresh, []string{"r", "f5"}, "r/f5", "refresh"},
		{"page_down", km.PageDown, []string{" ", "alt+j"}, "space/alt+j", "page down"},
		{"force_quit", km.ForceQuit, []string{"ctrl+q"}, "ctrl+q", "quit"},
		{"transcript (unchanged)", km.Transcript, []string{"t"}, "t", "transcript"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.b.Keys(), c.keys) {
			t.Errorf("%s keys = %q, want %q", c.name, c.b.Keys(), c.keys)
		}
		if h := c.b.Help(); h.Key != c.helpKey || h.Desc != c.helpDesc {
			t.Errorf("%s help = %q %q, want %q %q", c.name, h.Key, h.Desc, c.helpKey, c.helpDesc)
		}
	}
	if km.Status.Enabled() {
		t.Error("a disabled binding was enabled by ApplyKeys")
	}

	// The keys as bubbletea reports them match the remapped bindings.
	press := []struct {
		msg tea.KeyMsg
		b   key.Binding
	}{
		{tea.KeyMsg{Type: tea.KeyCtrlY}, km.CopyExternalID},
		{tea.KeyMsg{Type: tea.KeyF5}, km.Refresh},
		{tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}, km.PageDown},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}, Alt: true}, km.PageDown},
		{tea.KeyMsg{Type: tea.KeyCtrlQ}, km.ForceQuit},
	}
	for _, p := range press {
		if !key.Matches(p.msg, p.b) {
			t.Errorf("%q does not match %q", p.msg.String(), p.b.Keys())
		}
	}
	if key.Matches(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'y'}}, km.CopyExternalID) {
		t.Error("y still copies after copy_external_id = [\"ctrl+y\"]")
	}
}

func TestNoKeysLeavesKeyMapAlone(t *testing.T) {
	km := smallKeyMap()
	before := km
	if err := (Config{}).ApplyKeys(&km); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(km, before) {
		t.Error("an empty config changed the KeyMap")
	}
}

func TestUnknownAction(t *testing.T) {
	_, err := load(t, doc("[keys]", `refresh = ["r"]`, `refersh = ["f5"]`))
	wantErr(t, err, `config.toml:3: unknown action "refersh" in [keys] (actions: lookup, copy_external_id,`, "force_quit)")
}

func TestInvalidKeyNames(t *testing.T) {
	tests := []struct {
		key  string
		want string
	}{
		{"ctrl+R", `invalid key name "ctrl+R": did you mean "ctrl+r"?`},
		{"Enter", `did you mean "enter"?`},
		{"shift+y", `did you mean "Y"?`},
		{"ctrl+i", `terminals send ctrl+i as tab: use "tab"`},
		{"escape", `did you mean "esc"?`},
		{"pgdn", `did you mean "pgdown"?`},
		{"f13", `invalid key name "f13" (valid: a single character, space, enter,`},
		{"yy", `invalid key name "yy"`},
		{"", `invalid key name ""`},
		{"ctrl+", `invalid key name "ctrl+"`},
		{"alt+", `invalid key name "alt+"`},
		{"\x1b", `invalid key name "\x1b"`},
		{"super+x", `invalid key name "super+x"`},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			// The bad key is on the third line of a multi-line list.
			_, err := load(t, doc("[keys]", `refresh = [`, `  "r",`, `  "`+strings.ReplaceAll(tt.key, "\x1b", `\u001b`)+`",`, `]`))
			wantErr(t, err, "config.toml:4: refresh: invalid key name ", tt.want)
		})
	}
}

func TestValidKeyNames(t *testing.T) {
	for _, k := range []string{"a", "Z", "!", "/", "?", "[", "]", "é", " ", "space", "enter", "esc", "tab",
		"shift+tab", "backspace", "delete", "up", "down", "left", "right", "home", "end", "pgup", "pgdown",
		"ctrl+a", "ctrl+z", "ctrl+space", "alt+x", "alt+X", "alt+space", "f1", "f12"} {
		if _, err := keyName(k); err != nil {
			t.Errorf("keyName(%q): %v", k, err)
		}
	}
	// Terminals send NUL for ctrl+space, which bubbletea v1 names ctrl+@:
	// the name a user writes must match the key that arrives.
	if got, _ := keyName("ctrl+space"); got != "ctrl+@" || displayName(got) != "ctrl+space" {
		t.Errorf("ctrl+space is read as %q, shown as %q", got, displayName(got))
	}
}

func TestEmptyListNeedsAKey(t *testing.T) {
	for _, action := range []string{"force_quit", "refresh"} {
		_, err := load(t, doc("[keys]", action+" = []"))
		wantErr(t, err, "config.toml:2: "+action+" needs at least one key")
	}
}

func TestConflictBetweenTwoRemaps(t *testing.T) {
	c, err := load(t, doc("[keys]", `transcript = ["x"]`, `# history`, `status = ["S", "x"]`))
	if err != nil {
		t.Fatal(err)
	}
	km := smallKeyMap()
	before := km
	err = c.ApplyKeys(&km)
	wantErr(t, err, `config.toml:4: key "x" for status is also bound to transcript (line 2)`)
	if !reflect.DeepEqual(km, before) {
		t.Error("a failed ApplyKeys changed the KeyMap")
	}
	var ce *Error
	if !errors.As(err, &ce) || ce.Line != 4 {
		t.Errorf("error %v: want a *Error at line 4", err)
	}
}

func TestConflictWithADefault(t *testing.T) {
	c, err := load(t, doc(`theme = "dark"`, "[keys]", `transcript = ["s"]`))
	if err != nil {
		t.Fatal(err)
	}
	km := smallKeyMap()
	wantErr(t, c.ApplyKeys(&km),
		`config.toml:3: key "s" for transcript is also bound to status by default; rebind status too, or pick another key`)

	// Rebinding the other action too resolves it.
	c, err = load(t, doc("[keys]", `transcript = ["s"]`, `status = ["S"]`))
	if err != nil {
		t.Fatal(err)
	}
	km = smallKeyMap()
	if err := c.ApplyKeys(&km); err != nil {
		t.Fatal(err)
	}
	if !key.Matches(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'s'}}, km.Transcript) {
		t.Error("s does not open the transcript")
	}
}

func TestConflictWithTheSpaceBar(t *testing.T) {
	c, err := load(t, doc("[keys]", `refresh = ["space"]`))
	if err != nil {
		t.Fatal(err)
	}
	km := keys.Default() // space selects in the queue
	wantErr(t, c.ApplyKeys(&km), `config.toml:2: key "space" for refresh is also bound to select by default`)
}

func TestZeroBindingsDoNotConflict(t *testing.T) {
	// smallKeyMap leaves Help, Quit, … zero: their default keys are not
	// taken, and a zero binding remapped works like any other.
	c, err := load(t, doc("[keys]", `help = ["?", "f1"]`, `quit = ["q"]`))
	if err != nil {
		t.Fatal(err)
	}
	km := smallKeyMap()
	if err := c.ApplyKeys(&km); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(km.Help.Keys(), []string{"?", "f1"}) || km.Help.Help().Key != "?/f1" {
		t.Errorf("help = %q %q", km.Help.Keys(), km.Help.Help().Key)
	}
}

func TestSameKeyTwiceInOneAction(t *testing.T) {
	c, err := load(t, doc("[keys]", `page_down = ["space", " ", "f"]`))
	if err != nil {
		t.Fatal(err)
	}
	km := smallKeyMap()
	if err := c.ApplyKeys(&km); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(km.PageDown.Keys(), []string{" ", "f"}) {
		t.Errorf("page_down keys = %q", km.PageDown.Keys())
	}
}

func TestApplyKeysOnAConfigBuiltInCode(t *testing.T) {
	c := Config{Keys: map[string][]string{"refresh": {"t"}, "nope": {"x"}}}
	km := smallKeyMap()
	wantErr(t, c.ApplyKeys(&km), `config: unknown action "nope"`)

	c = Config{Keys: map[string][]string{"refresh": {"t"}}}
	wantErr(t, c.ApplyKeys(&km), `config: key "t" for refresh is also bound to transcript by default`)
}

func TestLinesOfDottedAndInlineKeys(t *testing.T) {
	c, err := load(t, doc(`theme = "dark"`, `keys.transcript = ["x"]`, `keys = { status = ["x"] }`))
	if err == nil {
		// go-toml refuses to reopen keys with an inline table: either way
		// is fine, as long as the error has the line.
		km := smallKeyMap()
		err = c.ApplyKeys(&km)
	}
	wantErr(t, err, "config.toml:3: ")

	c, err = load(t, doc(`theme = "dark"`, `keys.transcript = ["x"]`, `keys.status = [`, `  "S",`, `  "x",`, `]`))
	if err != nil {
		t.Fatal(err)
	}
	km := smallKeyMap()
	wantErr(t, c.ApplyKeys(&km), `config.toml:5: key "x" for status is also bound to transcript (line 2)`)
}
