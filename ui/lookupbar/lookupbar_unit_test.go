package lookupbar_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/lookupbar"
	"github.com/opencx-tools/cxi/ui/render"
)

const (
	idA = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
	idB = "a7e41d09-2b6c-4f38-8e5a-0d91c3b7f2a6"
	v0  = "3c90c3cc-0d44-0b50-8888-8dd25736052a" // UUID-shaped, version 0: the contract refuses it
)

var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func testCtx(km keys.Map) common.Context {
	return common.Context{Theme: styles.Plain(), Keys: km, Now: func() time.Time { return testNow },
		Timer: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}
}

// newBar is a focused bar holding text (set after focus, which would clear
// an ID).
func newBar(text string) lookupbar.Model {
	return lookupbar.New(testCtx(keys.Default()), "").Focus().SetValue(text)
}

// press sends keys one by one and returns the bar and the last action.
func press(t *testing.T, m lookupbar.Model, ks ...string) (lookupbar.Model, lookupbar.Action) {
	t.Helper()
	var a lookupbar.Action
	for _, k := range ks {
		m, a, _ = m.Update(keytest.Msg(k))
	}
	return m, a
}

// typeText types s as single keys, as a user would.
func typeText(t *testing.T, m lookupbar.Model, s string) lookupbar.Model {
	t.Helper()
	for _, r := range s {
		k := string(r)
		m, _ = press(t, m, k)
	}
	return m
}

func hint(m lookupbar.Model) string { return m.HintView(500, lookupbar.Context{}) }

func TestClassificationOnChange(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		filter   string // what the queue is filtered by
		kind     resolve.Kind
		value    string
		lookup   bool
		hintHas  string
		hintLack string
	}{
		{"ID exact", idA, "", resolve.KindID, idA, true, "enter opens " + idA, "found"},
		{"ID in capitals", strings.ToUpper(idA), "", resolve.KindID, idA, true, "enter opens " + idA, "found"},
		{"ID inside a URL", "https://app.open.cx/inbox/" + idA + "?tab=1", "", resolve.KindID, idA, true, "found " + idA + " · enter opens it", ""},
		{"ID inside a log line", "ERROR session=" + idA + " org=42", "", resolve.KindID, idA, true, "found " + idA, ""},
		{"UUID-shaped but refused", v0, v0, resolve.KindID, "", true, "Not a session ID: " + v0 + " is a version 0 UUID", "opens"},
		{"ticket with #", "#1234", "#1234", resolve.KindTicket, "1234", false, "enter: ticket 1234 → the queue, local history and the API", ""},
		{"ticket reference", "ZD-884213", "ZD-884213", resolve.KindTicket, "ZD-884213", false, "enter: ticket ZD-884213", ""},
		{"email", "dana@example.com", "dana@example.com", resolve.KindEmail, "dana@example.com", false, "enter: email → the queue, local history and the API's contacts", ""},
		{"name", "Dana Whitfield", "Dana Whitfield", resolve.KindName, "Dana Whitfield", false, "enter: name → the queue, local history and the API's contacts and messages", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Typed key by key from empty: the class follows each change.
			m := typeText(t, newBar(""), tt.text)
			if m.Value() != tt.text {
				t.Fatalf("typed %q, bar holds %q", tt.text, m.Value())
			}
			if got := m.Filter(); got != tt.filter {
				t.Errorf("Filter() = %q, want %q", got, tt.filter)
			}
			q, lookup := m.Query()
			if lookup != tt.lookup || (tt.value != "" && (q.Kind != tt.kind || q.Value != tt.value)) {
				t.Errorf("Query() = %v %q lookup=%v, want %v %q lookup=%v", q.Kind, q.Value, lookup, tt.kind, tt.value, tt.lookup)
			}
			h := hint(m)
			if !strings.Contains(h, tt.hintHas) {
				t.Errorf("hint %q lacks %q", h, tt.hintHas)
			}
			if tt.hintLack != "" && strings.Contains(h, tt.hintLack) {
				t.Errorf("hint %q has %q", h, tt.hintLack)
			}
			// SetValue classifies the same way as typing.
			if s := newBar(tt.text); s.Filter() != m.Filter() || hint(s) != h {
				t.Errorf("SetValue and typing disagree: %q / %q", hint(s), h)
			}
		})
	}
}

func TestClassificationFollowsEdits(t *testing.T) {
	m := newBar(idA)
	if m.Filter() != "" {
		t.Fatalf("an ID filters the queue by %q", m.Filter())
	}
	// One character off the end: no longer an ID, now a filter.
	m, _ = press(t, m, "backspace")
	if m.Filter() != idA[:len(idA)-1] {
		t.Errorf("after backspace Filter() = %q", m.Filter())
	}
	if _, lookup := m.Query(); lookup {
		t.Errorf("a 35-character fragment would still be looked up (hint %q)", hint(m))
	}
	m, _ = press(t, m, "a")
	if m.Filter() != "" || !strings.Contains(hint(m), "enter opens "+idA) {
		t.Errorf("typing the last digit back: Filter %q, hint %q", m.Filter(), hint(m))
	}
}

func TestPasteIsOneChange(t *testing.T) {
	m := newBar("")
	m, a, _ := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("see " + idB), Paste: true})
	if a != lookupbar.None || m.Value() != "see "+idB || m.Filter() != "" {
		t.Errorf("paste: action %v, value %q, filter %q", a, m.Value(), m.Filter())
	}
	if !strings.Contains(hint(m), "found "+idB) {
		t.Errorf("hint after paste: %q", hint(m))
	}
}

func TestEmptyHintAndQueueContext(t *testing.T) {
	if h := hint(newBar("")); h != "type to filter the queue · paste a session ID and press enter to open it · ↑/↓ recent sessions" {
		t.Errorf("empty hint: %q", h)
	}
	name := newBar("dana")
	if h := name.HintView(200, lookupbar.Context{InQueue: true, Matches: 3}); h != "3 loaded sessions match · enter goes to the list" {
		t.Errorf("name matching the queue: %q", h)
	}
	if h := name.HintView(200, lookupbar.Context{InQueue: true}); h != "0 loaded sessions match · enter: name → the queue, local history and the API's contacts and messages" {
		t.Errorf("name matching nothing: %q", h)
	}
	ticket := newBar("#1234")
	if h := ticket.HintView(200, lookupbar.Context{InQueue: true, Matches: 1}); !strings.HasPrefix(h, "1 loaded session matches · enter: ticket 1234") {
		t.Errorf("a ticket still searches even when the queue matches: %q", h)
	}
	if h := name.Blur().HintView(200, lookupbar.Context{}); h != "" {
		t.Errorf("an unfocused bar hints %q", h)
	}
}

func TestHintFitsTheWidth(t *testing.T) {
	for _, text := range []string{"", idA, "https://x/" + idA, v0, "#1234", "Dana Whitfield"} {
		m := newBar(text)
		for w := 1; w <= 120; w++ {
			if h := m.HintView(w, lookupbar.Context{InQueue: true, Matches: 12}); lipgloss.Width(h) > w {
				t.Fatalf("%q at width %d: %d cells: %q", text, w, lipgloss.Width(h), h)
			}
		}
	}
}

func TestErrorShownUntilTheTextChanges(t *testing.T) {
	m := newBar("nope").SetError("Not a session ID: no UUID in the input.")
	if m.Error() == "" || hint(m.Blur()) != "Not a session ID: no UUID in the input." {
		t.Fatalf("error hint, even unfocused: %q", hint(m.Blur()))
	}
	// A key that changes nothing keeps it; an edit clears it.
	m, _, _ = m.Update(tea.KeyMsg{Type: tea.KeyLeft})
	if m.Error() == "" {
		t.Error("moving the cursor cleared the error")
	}
	m, _ = press(t, m, "x")
	if m.Error() != "" || strings.Contains(hint(m), "Not a session ID") {
		t.Errorf("typing kept the error: %q", hint(m))
	}
}

func TestFocusClearsAnIDButKeepsAFilter(t *testing.T) {
	m := lookupbar.New(testCtx(keys.Default()), idA)
	if m.Focused() {
		t.Fatal("a new bar has focus")
	}
	if f := m.Focus(); f.Value() != "" || !f.Focused() {
		t.Errorf("focus on an ID left %q (focused %v)", f.Value(), f.Focused())
	}
	m = lookupbar.New(testCtx(keys.Default()), "https://app.open.cx/inbox/"+idA)
	if f := m.Focus(); f.Value() != "" {
		t.Errorf("focus on a URL with an ID left %q", f.Value())
	}
	for _, text := range []string{"dana", "#1234", v0} {
		m = lookupbar.New(testCtx(keys.Default()), text)
		f := m.Focus()
		if f.Value() != text || f.Filter() != text {
			t.Errorf("focus on the filter %q left %q", text, f.Value())
		}
		// The cursor is at the end: typing appends.
		if f, _ = press(t, f, "!"); f.Value() != text+"!" {
			t.Errorf("typing after focus on %q gave %q", text, f.Value())
		}
	}
	if m.Focus().Blur().Focused() {
		t.Error("Blur kept focus")
	}
}

func TestRecentHistoryWalk(t *testing.T) {
	const idC = "00000000-0000-4000-8000-00000000000c"
	m := newBar("")
	if m2, _ := press(t, m, "up"); m2.Value() != "" {
		t.Fatalf("↑ with no history typed %q", m2.Value())
	}
	m = m.Remember(idA, "").Remember(idB, "").Remember(idC, "").Remember(idA, "") // idA again goes first, once
	steps := []struct {
		key  string
		want string
	}{
		{"up", idA}, {"up", idC}, {"up", idB},
		{"up", idB}, // the oldest stays
		{"down", idC}, {"down", idA},
		{"down", ""}, // past the newest: back to empty
		{"down", ""},
		{"up", idA},
	}
	for i, s := range steps {
		var a lookupbar.Action
		m, a = press(t, m, s.key)
		if m.Value() != s.want || a != lookupbar.None {
			t.Fatalf("step %d (%s): %q, action %v; want %q", i, s.key, m.Value(), a, s.want)
		}
	}
	// A recalled ID is a lookup, not a filter.
	if m.Filter() != "" || !strings.Contains(hint(m), "enter opens "+idA) {
		t.Errorf("recalled ID: filter %q, hint %q", m.Filter(), hint(m))
	}
	// An edit ends the walk: ↑ starts again from the newest.
	m, _ = press(t, m, "backspace", "up")
	if m.Value() != idA {
		t.Errorf("↑ after an edit gave %q, want the newest again", m.Value())
	}
	// Stepping clears an error shown.
	m = m.SetError("boom")
	if m, _ = press(t, m, "up"); m.Error() != "" {
		t.Error("stepping kept the error")
	}
}

func TestRecentKeepsFifty(t *testing.T) {
	m := newBar("")
	for i := range 60 {
		m = m.Remember(fmt.Sprintf("00000000-0000-4000-8000-%012d", i), "")
	}
	for range 100 {
		m, _ = press(t, m, "up")
	}
	if want := fmt.Sprintf("00000000-0000-4000-8000-%012d", 10); m.Value() != want {
		t.Errorf("the oldest kept is %q, want %q (the 50th newest)", m.Value(), want)
	}
}

// TestPrintableKeysType: in the bar letters, digits and space are text,
// even where the key map binds them to an action elsewhere (k and j are up
// and down; a config may bind more).
func TestPrintableKeysType(t *testing.T) {
	km := keys.Default()
	km.Lookup.SetKeys("x", "enter")
	km.SwitchFocus.SetKeys(" ", "tab")
	km.Back.SetKeys("backspace", "esc")
	m := lookupbar.New(testCtx(km), "").Focus()
	for _, k := range []string{"k", "j", "x", " ", "q", "?", "/", "c", "y"} {
		var a lookupbar.Action
		m, a = press(t, m, k)
		if a != lookupbar.None {
			t.Errorf("%q acted (%v) instead of typing", k, a)
		}
	}
	if m.Value() != "kjx q?/cy" {
		t.Errorf("typed %q, want %q", m.Value(), "kjx q?/cy")
	}
	// Backspace, though bound to Back here, deletes.
	var a lookupbar.Action
	m, a = press(t, m, "backspace")
	if a != lookupbar.None || m.Value() != "kjx q?/c" {
		t.Errorf("backspace: action %v, value %q", a, m.Value())
	}
	// The other keys of those bindings still act.
	if _, a = press(t, m, "enter"); a != lookupbar.Submit {
		t.Errorf("enter: %v", a)
	}
	if _, a = press(t, m, "tab"); a != lookupbar.Leave {
		t.Errorf("tab: %v", a)
	}
}

func TestSubmitAndLeave(t *testing.T) {
	m := newBar("#1234")
	tests := []struct {
		key  string
		want lookupbar.Action
	}{
		{"enter", lookupbar.Submit},
		{"tab", lookupbar.Leave},
		{"esc", lookupbar.Leave},
		{"a", lookupbar.None},
	}
	for _, tt := range tests {
		next, a := press(t, m, tt.key)
		if a != tt.want {
			t.Errorf("%s: action %v, want %v", tt.key, a, tt.want)
		}
		if tt.want != lookupbar.None && next.Value() != "#1234" {
			t.Errorf("%s changed the text to %q", tt.key, next.Value())
		}
	}
	// An enter inside a paste is not a submit.
	if _, a, _ := m.Update(tea.KeyMsg{Type: tea.KeyEnter, Paste: true}); a == lookupbar.Submit {
		t.Error("a pasted enter submitted")
	}
	// ShortHelp names the keys that act while typing.
	var names []string
	for _, b := range m.ShortHelp() {
		names = append(names, b.Help().Key)
	}
	if got := strings.Join(names, " "); got != "enter ↑/↓ tab esc ctrl+c" {
		t.Errorf("ShortHelp keys: %q", got)
	}
}

func TestMarkRequestAndTypedSince(t *testing.T) {
	m := newBar("dana").MarkRequest()
	if m.TypedSince() {
		t.Error("nothing typed since the request")
	}
	m, _ = press(t, m, "x")
	if !m.TypedSince() {
		t.Error("typing since the request not seen")
	}
	if m.Blur().TypedSince() {
		t.Error("an unfocused bar cannot have been typed in")
	}
}

// TestHintsNameRemappedKeys: every key a hint names comes from the key map.
func TestHintsNameRemappedKeys(t *testing.T) {
	km := keys.Default()
	km.Lookup.SetKeys("ctrl+o")
	km.Lookup.SetHelp("ctrl+o", "open")
	km.Up.SetKeys("ctrl+p", "k")
	km.Up.SetHelp("ctrl+p/k", "up")
	ctx := testCtx(km)
	bar := func(text string) lookupbar.Model { return lookupbar.New(ctx, "").Focus().SetValue(text) }

	if h := hint(bar("")); h != "type to filter the queue · paste a session ID and press ctrl+o to open it · ctrl+p/↓ recent sessions" {
		t.Errorf("empty: %q", h)
	}
	tests := map[string]string{
		"see " + idA + " please":   "found " + idA + " · ctrl+o opens it",
		"dana@example.com":         "ctrl+o: email → the queue, local history and the API's contacts",
		"#1234":                    "ctrl+o: ticket 1234",
		"Dana Whitfield":           "ctrl+o: name → the queue",
		"https://x/" + idA + "/ab": "found " + idA + " · ctrl+o opens it",
	}
	for text, want := range tests {
		if h := hint(bar(text)); !strings.Contains(h, want) || strings.Contains(h, "enter") {
			t.Errorf("%q: hint %q, want %q and no enter", text, h, want)
		}
	}
	m := lookupbar.New(ctx, "").Focus()
	m = typeText(t, m, idA)
	if h := hint(m); h != "ctrl+o opens "+idA {
		t.Errorf("exact ID: %q", h)
	}
	if _, a := press(t, m, "ctrl+o"); a != lookupbar.Submit {
		t.Errorf("ctrl+o: %v, want Submit", a)
	}
	if _, a := press(t, m, "enter"); a == lookupbar.Submit {
		t.Error("enter still submits after the remap")
	}
	// The remapped Older key walks the history; k still types.
	m = lookupbar.New(ctx, "").Focus().Remember(idB, "")
	if m2, _ := press(t, m, "ctrl+p"); m2.Value() != idB {
		t.Errorf("ctrl+p gave %q", m2.Value())
	}
	if m2, _ := press(t, m, "k"); m2.Value() != "k" {
		t.Errorf("k gave %q", m2.Value())
	}
	var names []string
	for _, b := range m.ShortHelp() {
		names = append(names, b.Help().Key)
	}
	if names[0] != "ctrl+o" || names[1] != "ctrl+p/↓" {
		t.Errorf("ShortHelp keys: %q", names)
	}
}

// TestDevanagariHintFitsTheWidth: a recent session's contact name in
// Devanagari, which lipgloss counts narrower than the terminal draws it,
// is cut by the terminal's measure, so the hint never wraps.
func TestDevanagariHintFitsTheWidth(t *testing.T) {
	name := "प्रिया शर्मा, मुंबई की ग्राहक सहायता टीम से"
	if lipgloss.Width(name) >= render.Width(name) {
		t.Fatal("the sample no longer shows the difference")
	}
	m, _ := press(t, newBar("").Remember(idA, name), "up")
	if h := hint(m); !strings.Contains(h, "प्रिया") {
		t.Fatalf("the name is not in the hint: %q", h)
	}
	for w := 1; w <= 120; w++ {
		if h := m.HintView(w, lookupbar.Context{}); render.Width(h) > w {
			t.Fatalf("width %d: %d cells: %q", w, render.Width(h), h)
		}
	}
}
