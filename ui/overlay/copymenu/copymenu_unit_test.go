package copymenu_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay/copymenu"
	"github.com/opencx-tools/cxi/ui/render"
)

const sessionID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"

var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func testCtx() common.Context {
	return common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return testNow },
		Timer: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }}
}

// copier writes no OSC 52 and has a native clipboard that always works,
// so every copy reports the value it was given.
func copier() clipboard.Copier {
	return clipboard.Copier{Mode: clipboard.Off, Native: func(string) error { return nil }}
}

func fullSession() *api.Session {
	email, name := "dana.whitfield@example.com", "Dana Whitfield"
	number := api.NumberOf(884213)
	return &api.Session{
		ID: sessionID, Status: "open",
		TicketingSystem: &api.TicketingSystem{Name: "zendesk", ExternalID: "ZD-884213"},
		TicketNumber:    &number,
		Contact:         &api.Contact{ID: "c1", Email: &email, Name: &name},
	}
}

func bareSession() *api.Session { return &api.Session{ID: sessionID, Status: "open"} }

const link = "https://app.example/inbox/" + sessionID

func TestEntries(t *testing.T) {
	tests := []struct {
		name string
		s    *api.Session
		link string
		want [][2]string // what, value
	}{
		{"everything", fullSession(), link, [][2]string{
			{"external_id", "ZD-884213"}, {"ticket number", "884213"}, {"session ID", sessionID},
			{"contact email", "dana.whitfield@example.com"}, {"link", link},
		}},
		{"nothing but the ID", bareSession(), "", [][2]string{
			{"external_id", ""}, {"ticket number", ""}, {"session ID", sessionID}, {"contact email", ""}, {"link", ""},
		}},
		{"contact without email", &api.Session{ID: sessionID, Contact: &api.Contact{ID: "c1"}}, link, [][2]string{
			{"external_id", ""}, {"ticket number", ""}, {"session ID", sessionID}, {"contact email", ""}, {"link", link},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := copymenu.New(testCtx(), copier(), tt.s, tt.link).Entries()
			if len(es) != len(tt.want)+1 {
				t.Fatalf("%d entries, want %d", len(es), len(tt.want)+1)
			}
			for i, w := range tt.want {
				if es[i].What != w[0] || es[i].Value != w[1] || es[i].Multiline {
					t.Errorf("entry %d = %+v, want %s %q", i+1, es[i], w[0], w[1])
				}
				if es[i].Value == "" && es[i].Missing == "" {
					t.Errorf("entry %d (%s) is empty without saying why", i+1, es[i].What)
				}
			}
			md := es[len(es)-1]
			if md.What != "Markdown summary" || !md.Multiline || !strings.Contains(md.Value, sessionID) {
				t.Errorf("last entry = %+v", md)
			}
		})
	}
}

func TestDigitsCopyTheirEntry(t *testing.T) {
	want := []struct{ what, value string }{
		{"external_id", "ZD-884213"}, {"ticket number", "884213"}, {"session ID", sessionID},
		{"contact email", "dana.whitfield@example.com"}, {"link", link}, {"Markdown summary", ""},
	}
	for i, w := range want {
		digit := string(rune('1' + i))
		o, cmd := keytest.Press(t, copymenu.New(testCtx(), copier(), fullSession(), link), digit)
		if o != nil {
			t.Errorf("%s: the menu stayed open after copying", digit)
		}
		if cmd == nil {
			t.Fatalf("%s: no copy command", digit)
		}
		msg, ok := cmd().(clipboard.CopiedMsg)
		if !ok || msg.Err != nil || msg.What != w.what {
			t.Fatalf("%s: %#v, want a copy of the %s", digit, msg, w.what)
		}
		if w.value != "" && msg.Value != w.value {
			t.Errorf("%s copied %q, want %q", digit, msg.Value, w.value)
		}
		if w.what == "Markdown summary" && (!strings.HasPrefix(msg.Value, "**Session**") || !strings.Contains(msg.Value, "\n")) {
			t.Errorf("Markdown summary: %q", msg.Value)
		}
	}
	// Digits with no entry, and other letters, do nothing.
	for _, k := range []string{"0", "7", "9", "x"} {
		o, cmd := keytest.Press(t, copymenu.New(testCtx(), copier(), fullSession(), link), k)
		if o == nil || cmd != nil {
			t.Errorf("%q closed the menu or did something (cmd %v)", k, cmd != nil)
		}
	}
}

func TestArrowsMoveAndEnterCopies(t *testing.T) {
	tests := []struct {
		keys []string
		what string
	}{
		{[]string{"enter"}, "external_id"},
		{[]string{"down", "enter"}, "ticket number"},
		{[]string{"down", "down", "enter"}, "session ID"},
		{[]string{"j", "j", "j", "enter"}, "contact email"},
		{[]string{"up", "enter"}, "Markdown summary"},                                      // wraps to the last
		{[]string{"up", "up", "enter"}, "link"},                                            //
		{[]string{"down", "down", "down", "down", "down", "down", "enter"}, "external_id"}, // wraps to the first
		{[]string{"down", "k", "enter"}, "external_id"},
	}
	for _, tt := range tests {
		_, cmd := keytest.Press(t, copymenu.New(testCtx(), copier(), fullSession(), link), tt.keys...)
		if cmd == nil {
			t.Fatalf("%v: no command", tt.keys)
		}
		if msg, ok := cmd().(clipboard.CopiedMsg); !ok || msg.What != tt.what {
			t.Errorf("%v copied %#v, want the %s", tt.keys, msg, tt.what)
		}
	}
}

func TestCursorShownOnTheSelectedRow(t *testing.T) {
	m := copymenu.New(testCtx(), copier(), fullSession(), link)
	o, _ := keytest.Press(t, m, "down", "down")
	v := o.View(100, 30)
	row := keytest.LineWith(v, "session ID")
	if !strings.Contains(row, "› 3  session ID") {
		t.Errorf("the cursor is not on the third row: %q\n%s", row, v)
	}
	if strings.Contains(keytest.LineWith(v, "external_id"), "›") {
		t.Errorf("the first row still has the cursor:\n%s", v)
	}
}

func TestEscAndTheToggleKeyClose(t *testing.T) {
	for _, k := range []string{"esc", "c"} {
		o, cmd := keytest.Press(t, copymenu.New(testCtx(), copier(), fullSession(), link), "down", k)
		if o != nil || cmd != nil {
			t.Errorf("%s: open=%v cmd=%v, want closed with nothing copied", k, o != nil, cmd != nil)
		}
	}
	// A remapped toggle key closes it; the old one no longer does.
	km := keys.Default()
	km.CopyMenu.SetKeys("ctrl+y")
	ctx := testCtx()
	ctx.Keys = km
	if o, _ := copymenu.New(ctx, copier(), fullSession(), link).Update(tea.KeyMsg{Type: tea.KeyCtrlY}); o != nil {
		t.Error("ctrl+y, the remapped copy menu key, did not close it")
	}
	if o, _ := copymenu.New(ctx, copier(), fullSession(), link).Update(keytest.Msg("c")); o == nil {
		t.Error("c closed the menu after the remap")
	}
}

func TestNothingToCopySaysWhy(t *testing.T) {
	tests := []struct {
		digit string
		want  string
	}{
		{"1", "Nothing to copy: no ticketing system."},
		{"2", "Nothing to copy: no ticket number."},
		{"4", "Nothing to copy: no email."},
		{"5", "Nothing to copy: no session_url in config.toml, nor --session-url."},
	}
	for _, tt := range tests {
		o, cmd := keytest.Press(t, copymenu.New(testCtx(), copier(), bareSession(), ""), tt.digit)
		if o != nil || cmd == nil {
			t.Fatalf("%s: open=%v cmd=%v", tt.digit, o != nil, cmd != nil)
		}
		msg, ok := cmd().(common.NoticeMsg)
		if !ok || msg.Text != tt.want || !msg.Bad {
			t.Errorf("%s: %#v, want the bad notice %q", tt.digit, cmd(), tt.want)
		}
	}
	// The view says the same, in place of the value.
	v := copymenu.New(testCtx(), copier(), bareSession(), "").View(120, 30)
	for _, want := range []string{"— no ticketing system", "— no ticket number", "— no email", "— no session_url in config.toml", sessionID} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
}

func TestUnsafeValueMarkedNotHidden(t *testing.T) {
	s := fullSession()
	s.TicketingSystem.ExternalID = "ZD-1\x1b]52;c;ZXZpbA==\x07\n"
	m := copymenu.New(testCtx(), copier(), s, link)
	v := m.View(120, 30)
	row := keytest.LineWith(v, "external_id")
	if !strings.Contains(row, "ZD-1") || !strings.Contains(row, "(has control characters: will not be copied)") {
		t.Errorf("unsafe row: %q", row)
	}
	if strings.ContainsAny(v, "\x1b\x07") {
		t.Errorf("the view carries the value's control characters: %q", v)
	}
	if strings.Contains(keytest.LineWith(v, "contact email"), "control characters") {
		t.Errorf("a safe value is marked too:\n%s", v)
	}
	// Choosing it anyway reaches no clipboard.
	_, cmd := keytest.Press(t, m, "1")
	msg, ok := cmd().(clipboard.CopiedMsg)
	if !ok || !errors.Is(msg.Err, clipboard.ErrUnsafeValue) {
		t.Errorf("copying the unsafe value: %#v", msg)
	}
}

func TestViewHeaderAndWidth(t *testing.T) {
	s := fullSession()
	long := strings.Repeat("very-long-external-id-", 10)
	s.TicketingSystem.ExternalID = long
	m := copymenu.New(testCtx(), copier(), s, link)
	for _, w := range []int{50, 60, 80, 120} {
		v := m.View(w, 30)
		if !strings.Contains(v, "1–6 or ↑/↓ enter · esc closes") {
			t.Errorf("width %d: header lacks the keys:\n%s", w, v)
		}
		for i, l := range strings.Split(v, "\n") {
			if lipgloss.Width(l) > w {
				t.Errorf("width %d: line %d is %d cells: %q", w, i, lipgloss.Width(l), l)
			}
		}
		if !strings.Contains(keytest.LineWith(v, "Markdown summary"), " lines") {
			t.Errorf("width %d: the summary's line count is missing:\n%s", w, v)
		}
	}
	md := m.Entries()[5].Value
	want := fmt.Sprintf("%d lines, ready for Slack or a ticket", strings.Count(md, "\n")+1)
	if row := keytest.LineWith(m.View(120, 30), "Markdown summary"); !strings.Contains(row, want) {
		t.Errorf("summary row %q lacks %q", row, want)
	}
	if got := keytest.Help(m.ShortHelp()); got != "enter copy · ↑/k up · ↓/j down · esc close" {
		t.Errorf("ShortHelp: %q", got)
	}
	if fh := m.FullHelp(); len(fh) != 1 || len(fh[0]) != 4 {
		t.Errorf("FullHelp: %v", fh)
	}
}

// TestRowsKeepTheirWidthWithWideScripts: a value in Devanagari, which
// lipgloss pads as if it were narrower, leaves every line of the menu as
// wide as the pane, the right border in the last column, however narrow.
func TestRowsKeepTheirWidthWithWideScripts(t *testing.T) {
	s := fullSession()
	email := "प्रिया.शर्मा@उदाहरण.भारत"
	s.Contact.Email = &email
	s.TicketingSystem.ExternalID = strings.Repeat("टिकट-", 30)
	if lipgloss.Width(email) >= render.Width(email) {
		t.Fatal("the sample no longer shows the difference")
	}
	m := copymenu.New(testCtx(), copier(), s, link)
	for _, width := range []int{120, 80, 60, 40, 20} {
		v := m.View(width, 30)
		if width == 120 && !strings.Contains(v, "प्रिया") {
			t.Fatalf("the wide value is not shown:\n%s", v)
		}
		for _, l := range strings.Split(v, "\n") {
			if render.Width(l) != width || !strings.ContainsAny(l[len(l)-3:], "│╮╯") {
				t.Errorf("width %d: a line %d cells wide, or its border moved: %q", width, render.Width(l), l)
			}
		}
	}
}

// TestMarkdownSummaryEscapesTheContact: the copy menu's Markdown is the
// summary cxi get --format md writes, escaped as ui/summary's goldmark
// test checks: a name written as a link stays text.
func TestMarkdownSummaryEscapesTheContact(t *testing.T) {
	s := fullSession()
	name := `\[click here\](http://evil.example) __x__`
	s.Contact.Name = &name
	var md string
	for _, e := range copymenu.New(testCtx(), copier(), s, link).Entries() {
		if e.What == "Markdown summary" {
			md = e.Value
		}
	}
	if want := "- **Contact:** \\\\\\[click here\\\\\\](http\\://evil.example) \\_\\_x\\_\\_ · `dana.whitfield@example.com`"; !strings.Contains(md, want) {
		t.Errorf("the Markdown summary lacks %q:\n%s", want, md)
	}
}

// TestTheCursorStartsOnWhatCanBeCopied: on a session without a ticket
// (no external_id, no ticket number) enter copies the first entry that
// holds something, the session ID, rather than saying "Nothing to copy".
func TestTheCursorStartsOnWhatCanBeCopied(t *testing.T) {
	s := &api.Session{ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a", Status: api.StatusOpen}
	m := copymenu.New(testCtx(), copier(), s, "")
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	got, ok := cmd().(clipboard.CopiedMsg)
	if !ok || got.What != "session ID" || got.Value != s.ID {
		t.Errorf("enter copied %+v, want the session ID", got)
	}
}
