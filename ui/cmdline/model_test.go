package cmdline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/render"
)

func open(h ...string) Model {
	ctx := common.Context{Theme: styles.Plain(), Keys: keys.Default()}
	return New(ctx, registry, NewHistory(h))
}

// typed is the command line after the keys named (keytest.Msg's names;
// anything else is typed as text).
func typed(t *testing.T, m Model, ks ...string) Model {
	t.Helper()
	o, _ := keytest.Press(t, m, ks...)
	return o.(Model)
}

func TestTabCompletesCommandsAndArguments(t *testing.T) {
	for _, c := range []struct {
		keys []string
		want string
	}{
		{[]string{"cl", "tab"}, "close "},
		{[]string{"he", "tab"}, "help"},
		{[]string{"o", "tab"}, "open "},
		{[]string{"f", "tab"}, "filter "},
		{[]string{"filter ch", "tab"}, "filter channel="},
		{[]string{"filter channel=em", "tab"}, "filter channel=email "},
		{[]string{"filter status=open ha", "tab"}, "filter status=open handed_off="},
		{[]string{"filter status=open handed_off=t", "tab"}, "filter status=open handed_off=true "},
		{[]string{"copy ex", "tab"}, "copy external_id"},
		{[]string{"close ", "tab"}, "close --unresolved"},
		{[]string{"view o", "tab"}, "view Open"},
		{[]string{"view Needs", "tab"}, "view Needs attention"},
		{[]string{"profile ", "tab"}, "profile acme"}, // acme and globex share no prefix: tab cycles
		{[]string{"profile ", "tab", "tab"}, "profile globex"},
		{[]string{"xyz", "tab"}, "xyz"},
	} {
		if got := typed(t, open(), c.keys...).Value(); got != c.want {
			t.Errorf("%q: %q, want %q", c.keys, got, c.want)
		}
	}
}

func TestTabCyclesThroughSeveralMatchesBothWays(t *testing.T) {
	m := typed(t, open(), "c")
	if h := m.View(80, 10); !strings.Contains(h, "tab: close  copy") {
		t.Fatalf("the hint does not list the matches:\n%s", h)
	}
	var got []string
	for range 3 {
		m = typed(t, m, "tab")
		got = append(got, m.Value())
	}
	if want := []string{"close ", "copy ", "close "}; !slices.Equal(got, want) {
		t.Errorf("tab, tab, tab: %q, want %q", got, want)
	}
	o, _ := m.Update(tea.KeyMsg{Type: tea.KeyShiftTab})
	if m = o.(Model); m.Value() != "copy " {
		t.Errorf("shift+tab: %q", m.Value())
	}
	if h := m.View(80, 10); !strings.Contains(h, "tab: close  copy") {
		t.Errorf("the hint no longer lists what tab cycles through:\n%s", h)
	}
	// Typing ends the cycle: the next tab completes the new word.
	m = typed(t, m, "s", "tab")
	if m.Value() != "copy summary" {
		t.Errorf("copy s + tab: %q", m.Value())
	}
	if h := typed(t, open(), "copy ").View(80, 10); !strings.Contains(h, "tab: external_id  id  summary") {
		t.Errorf("the hint of the arguments:\n%s", h)
	}
}

func TestHintSaysWhatTheCommandDoes(t *testing.T) {
	for line, want := range map[string]string{
		"":            "tab: open  close  reopen  redact",
		"close":       ":close [--unresolved] — close as resolved, or unresolved (asks first, as the status menu) · enter runs it",
		"zz":          "no command starts with `:zz`",
		"filter chan": "tab: channel=",
	} {
		m := typed(t, open(), line)
		if line == "" {
			m = open()
		}
		if h := render.Line(m.View(200, 10)); !strings.Contains(h, want) {
			t.Errorf("%q: hint\n%s\nwant %q", line, h, want)
		}
	}
}

func TestEnterRunsALineThatParsesAndKeepsOneThatDoesNot(t *testing.T) {
	m := typed(t, open(), "clsoe")
	o, cmd := m.Update(keytest.Msg("enter"))
	if o == nil || cmd != nil {
		t.Fatal("a line that does not parse closed the command line")
	}
	if v := o.View(80, 10); !strings.Contains(v, "did you mean `:close`?") || o.(Model).Value() != "clsoe" {
		t.Errorf("the error is not shown, or the line is lost:\n%s", v)
	}
	// Editing clears the error.
	m = typed(t, o.(Model), "backspace")
	if m.Err() != "" {
		t.Errorf("the error stays after an edit: %q", m.Err())
	}
	m = typed(t, open(), ":close --unresolved ")
	o, cmd = m.Update(keytest.Msg("enter"))
	msgs := keytest.Run(cmd)
	want := SubmittedMsg{Line: "close --unresolved", Do: StatusMsg{Status: "closed_unresolved"}}
	if o != nil || len(msgs) != 1 || msgs[0] != want {
		t.Errorf("enter: open %v, sent %#v", o != nil, msgs)
	}
	// A blank line closes and asks for nothing; so does esc.
	for _, k := range []string{"enter", "esc"} {
		if o, cmd := open().Update(keytest.Msg(k)); o != nil || cmd != nil {
			t.Errorf("%s on a blank line: open %v, command %v", k, o != nil, cmd != nil)
		}
	}
}

// TestKeysThatTypeAreText: j, k and q are letters here, and a pasted
// line with a newline does not run.
func TestKeysThatTypeAreText(t *testing.T) {
	m := typed(t, open("close"), "j", "k", "q", " ")
	if m.Value() != "jkq " {
		t.Errorf("typed %q", m.Value())
	}
	o, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter, Paste: true})
	if o == nil || cmd != nil {
		t.Error("a pasted enter ran the line")
	}
}

func TestUpAndDownWalkTheHistoryBackToTheDraft(t *testing.T) {
	m := typed(t, open("filter status=open", "close", "copy id"), "fil")
	var got []string
	for _, k := range []string{"up", "up", "up", "up", "down", "down", "down", "down"} {
		m = typed(t, m, k)
		got = append(got, m.Value())
	}
	want := []string{"copy id", "close", "filter status=open", "filter status=open", "close", "copy id", "fil", "fil"}
	if !slices.Equal(got, want) {
		t.Errorf("walk: %q\nwant %q", got, want)
	}
	if m := typed(t, open(), "up"); m.Value() != "" {
		t.Errorf("↑ without history: %q", m.Value())
	}
}

func TestHistoryKeepsTheNewestWithoutRepeats(t *testing.T) {
	h := NewHistory([]string{"close", "close", " ", "copy id"})
	h = h.Add("copy id").Add("  reopen ")
	if want := []string{"close", "copy id", "reopen"}; !slices.Equal(h.Lines(), want) {
		t.Errorf("lines %q, want %q", h.Lines(), want)
	}
	for i := range store.CommandHistoryLimit + 10 {
		h = h.Add(fmt.Sprintf("open #%d", i))
	}
	lines := h.Lines()
	if len(lines) != store.CommandHistoryLimit || lines[len(lines)-1] != fmt.Sprintf("open #%d", store.CommandHistoryLimit+9) {
		t.Errorf("%d lines kept, the last %q", len(lines), lines[len(lines)-1])
	}
}

type recorder struct {
	lines []string
	err   error
}

func (r *recorder) AddCommand(_ context.Context, line string, _ time.Time) error {
	r.lines = append(r.lines, line)
	return r.err
}

func TestRecordKeepsTheLineAndSaysAFailure(t *testing.T) {
	if Record(nil, "close", time.Time{}) != nil {
		t.Error("without a store there is nothing to run")
	}
	r := &recorder{}
	if msgs := keytest.Run(Record(r, "close", time.Time{})); len(msgs) != 0 || !slices.Equal(r.lines, []string{"close"}) {
		t.Errorf("kept %q, said %v", r.lines, msgs)
	}
	r.err = errors.New("database is locked")
	msgs := keytest.Run(Record(r, "copy id", time.Time{}))
	if len(msgs) != 1 || !strings.Contains(msgs[0].(common.NoticeMsg).Text, "not kept in the history: database is locked") {
		t.Errorf("a failure said %v", msgs)
	}
	// The store having stopped is said by the header, for good: not again here.
	r.err = &store.NotRememberingError{Path: "x", Err: errors.New("disk full")}
	if msgs := keytest.Run(Record(r, "copy id", time.Time{})); len(msgs) != 0 {
		t.Errorf("said %v", msgs)
	}
}

func TestViewFitsAndIsDocked(t *testing.T) {
	m := typed(t, open(), "filter channel=fax", "enter")
	for _, w := range []int{40, 80, 120} {
		v := m.View(w, 10)
		for _, l := range strings.Split(v, "\n") {
			if render.Width(l) > w {
				t.Errorf("at %d columns a line is %d wide: %q", w, render.Width(l), l)
			}
		}
		if !strings.Contains(strings.Join(strings.Fields(strings.NewReplacer("│", " ").Replace(v)), " "), "messenger, api or web_voice") {
			t.Errorf("at %d the error is cut:\n%s", w, v)
		}
	}
	if !overlay.IsDocked(m) {
		t.Error("the command line is not docked")
	}
}
