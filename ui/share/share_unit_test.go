package share_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/share"
)

const (
	sessionID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
	template  = "https://app.example/inbox/{id}?tab=chat"
	link      = "https://app.example/inbox/" + sessionID + "?tab=chat"
)

var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// native records what reached the native clipboard.
type native struct {
	mu     sync.Mutex
	copied []string
}

func (n *native) write(s string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.copied = append(n.copied, s)
	return nil
}

func (n *native) all() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]string(nil), n.copied...)
}

func newShare(template string, open func(string) error) (share.Model, *native) {
	n := &native{}
	return share.New(clipboard.Copier{Mode: clipboard.Off, Native: n.write}, template, open), n
}

func notices(msgs []tea.Msg) []common.NoticeMsg {
	var out []common.NoticeMsg
	for _, m := range msgs {
		if n, ok := m.(common.NoticeMsg); ok {
			out = append(out, n)
		}
	}
	return out
}

func copies(msgs []tea.Msg) []clipboard.CopiedMsg {
	var out []clipboard.CopiedMsg
	for _, m := range msgs {
		if c, ok := m.(clipboard.CopiedMsg); ok {
			out = append(out, c)
		}
	}
	return out
}

func TestExternalID(t *testing.T) {
	tests := []struct {
		name   string
		ticket *api.TicketingSystem
		notice string // "" when it copies
		copied string
	}{
		{"no ticketing system", nil, "Session 3c90c3cc has no ticketing system, so no external_id: Y copies the session ID, c the ticket number #1042 and more.", ""},
		{"empty external_id", &api.TicketingSystem{Name: "zendesk", ExternalID: ""}, "Session 3c90c3cc's ticket has an empty external_id: Y copies the session ID, c the ticket number #1042 and more.", ""},
		{"blank external_id", &api.TicketingSystem{Name: "zendesk", ExternalID: "  \t"}, "Session 3c90c3cc's ticket has an empty external_id: Y copies the session ID, c the ticket number #1042 and more.", ""},
		{"external_id", &api.TicketingSystem{Name: "zendesk", ExternalID: "ZD-884213"}, "", "ZD-884213"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, n := newShare(template, nil)
			n1042, _ := api.ParseNumber("1042")
			msgs := keytest.Run(m.ExternalID(&api.Session{ID: sessionID, TicketingSystem: tt.ticket, TicketNumber: &n1042}, keys.Default().ForShare()))
			if tt.notice != "" {
				ns := notices(msgs)
				if len(msgs) != 1 || len(ns) != 1 || ns[0].Text != tt.notice || !ns[0].Bad {
					t.Errorf("got %#v, want the bad notice %q", msgs, tt.notice)
				}
				if len(n.all()) != 0 {
					t.Errorf("copied %q", n.all())
				}
				return
			}
			cs := copies(msgs)
			if len(msgs) != 1 || len(cs) != 1 || cs[0].What != "external_id" || cs[0].Value != tt.copied || cs[0].Err != nil {
				t.Errorf("got %#v, want a copy of %q", msgs, tt.copied)
			}
			if got := n.all(); len(got) != 1 || got[0] != tt.copied {
				t.Errorf("the clipboard got %q", got)
			}
		})
	}
	m, _ := newShare(template, nil)
	if m.ExternalID(nil, keys.Default().ForShare()) != nil || m.SessionID(nil) != nil || m.Open(nil) != nil {
		t.Error("no session should mean no command")
	}
}

func TestSessionIDAndLink(t *testing.T) {
	m, n := newShare(template, nil)
	cs := copies(keytest.Run(m.SessionID(&api.Session{ID: sessionID})))
	if len(cs) != 1 || cs[0].What != "session ID" || cs[0].Value != sessionID || n.all()[0] != sessionID {
		t.Errorf("session ID copy: %#v", cs)
	}
	if got := m.Link(sessionID); got != link {
		t.Errorf("Link = %q, want %q", got, link)
	}
	if got := share.New(clipboard.Copier{}, "https://x/{id}/{id}", nil).Link("abc"); got != "https://x/abc/abc" {
		t.Errorf("every {id} is replaced: %q", got)
	}
	if got := share.New(clipboard.Copier{}, "", nil).Link(sessionID); got != "" {
		t.Errorf("without a template Link = %q, want none", got)
	}
}

func TestMenuCarriesTheLink(t *testing.T) {
	ctx := common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return testNow }}
	s := &api.Session{ID: sessionID}
	for _, tt := range []struct{ template, want string }{{template, link}, {"", ""}} {
		m, _ := newShare(tt.template, nil)
		if got := m.Menu(ctx, s).Link; got != tt.want {
			t.Errorf("template %q: the menu's link is %q, want %q", tt.template, got, tt.want)
		}
	}
}

func TestOpenWithoutTemplate(t *testing.T) {
	opened := 0
	m, n := newShare("", func(string) error { opened++; return nil })
	msgs := keytest.Run(m.Open(&api.Session{ID: sessionID}))
	ns := notices(msgs)
	if len(msgs) != 1 || len(ns) != 1 || !ns[0].Bad || !strings.Contains(ns[0].Text, "No session URL template: set session_url in config.toml, or start cxi with --session-url") {
		t.Errorf("got %#v", msgs)
	}
	if opened != 0 || len(n.all()) != 0 {
		t.Errorf("opened %d times, copied %q", opened, n.all())
	}
}

func TestOpenWithoutBrowserCopiesTheLink(t *testing.T) {
	m, n := newShare(template, nil)
	msgs := keytest.Run(m.Open(&api.Session{ID: sessionID}))
	ns, cs := notices(msgs), copies(msgs)
	if len(ns) != 1 || ns[0].Bad || ns[0].Text != "No browser here (SSH): copying the link instead." {
		t.Errorf("notices %#v", ns)
	}
	if len(cs) != 1 || cs[0].What != "link" || cs[0].Value != link || cs[0].Err != nil {
		t.Errorf("copies %#v", cs)
	}
	if got := n.all(); len(got) != 1 || got[0] != link {
		t.Errorf("the clipboard got %q", got)
	}
}

func TestOpenInTheBrowser(t *testing.T) {
	var opened []string
	m, n := newShare(template, func(u string) error { opened = append(opened, u); return nil })
	cmd := m.Open(&api.Session{ID: sessionID})
	if cmd == nil {
		t.Fatal("no command")
	}
	if len(opened) != 0 {
		t.Fatal("the browser started before the command ran (it must not block Update)")
	}
	// o says what it opened (issue 10: feedback for every key).
	if msgs := keytest.Run(cmd); len(msgs) != 1 || msgs[0] != (common.NoticeMsg{Text: "Opened " + link + " in the browser."}) {
		t.Errorf("a browser that started reports %#v", msgs)
	}
	if len(opened) != 1 || opened[0] != link || len(n.all()) != 0 {
		t.Errorf("opened %q, copied %q", opened, n.all())
	}
}

func TestBrowserFailureCopiesTheLink(t *testing.T) {
	boom := errors.New("exec: \"xdg-open\": executable file not found in $PATH")
	m, n := newShare(template, func(string) error { return boom })
	msgs := keytest.Run(m.Open(&api.Session{ID: sessionID}))
	if len(msgs) != 1 {
		t.Fatalf("got %#v", msgs)
	}
	failed, ok := msgs[0].(share.BrowserFailedMsg)
	if !ok || failed.URL != link || !errors.Is(failed.Err, boom) {
		t.Fatalf("got %#v, want a BrowserFailedMsg for %s", msgs[0], link)
	}
	if len(n.all()) != 0 {
		t.Fatal("copied before Update saw the failure")
	}
	msgs = keytest.Run(m.Update(failed))
	ns, cs := notices(msgs), copies(msgs)
	want := `Could not open a browser (exec: "xdg-open": executable file not found in $PATH): copying the link instead.`
	if len(ns) != 1 || !ns[0].Bad || ns[0].Text != want {
		t.Errorf("notices %#v, want %q", ns, want)
	}
	if len(cs) != 1 || cs[0].What != "link" || cs[0].Value != link {
		t.Errorf("copies %#v", cs)
	}
	if got := n.all(); len(got) != 1 || got[0] != link {
		t.Errorf("the clipboard got %q", got)
	}
}

// TestBrowserErrorIsSanitized: the error text is the OS's, shown on the
// status line; a control sequence in it must not reach the terminal.
func TestBrowserErrorIsSanitized(t *testing.T) {
	m, _ := newShare(template, nil)
	msgs := keytest.Run(m.Update(share.BrowserFailedMsg{URL: link, Err: errors.New("bad\x1b[2Jthing\nhere")}))
	ns := notices(msgs)
	if len(ns) != 1 || strings.ContainsAny(ns[0].Text, "\x1b\n") {
		t.Errorf("notices %#v: want one without control characters", ns)
	}
}

// TestLinkReachesTheTerminalToo: over SSH the copy goes by OSC 52, which is
// what reaches the user's own clipboard.
func TestLinkReachesTheTerminalToo(t *testing.T) {
	var tty bytes.Buffer
	m := share.New(clipboard.Copier{Terminal: &tty, Mode: clipboard.Plain}, template, nil)
	cs := copies(keytest.Run(m.Open(&api.Session{ID: sessionID})))
	if len(cs) != 1 || !cs[0].OSC52 || cs[0].Err != nil {
		t.Fatalf("copies %#v", cs)
	}
	if !strings.Contains(tty.String(), base64.StdEncoding.EncodeToString([]byte(link))) {
		t.Errorf("the OSC 52 sequence %q does not carry the link", tty.String())
	}
}

// handover is a store's handover that counts its reads.
type handover struct {
	items []store.HandoverItem
	err   error
	reads int
}

func (h *handover) Handover(_ context.Context, _ time.Time) ([]store.HandoverItem, error) {
	h.reads++
	return h.items, h.err
}

// TestHandoverIsReadInTheCommand: the copy menu's handover entry reads the
// store in its command, never when the menu is built; the command copies
// the Markdown, or says why there is nothing to copy. (ui's copy menu test
// chooses it with its digit.)
func TestHandoverIsReadInTheCommand(t *testing.T) {
	ctx := common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return testNow }}
	s := &api.Session{ID: sessionID}
	markdownNote := store.HandoverItem{Session: api.Session{ID: sessionID, Status: api.StatusOpen}, Mark: store.Mark{Note: `\[click here\](http://evil.example)` + "\n# heading", NoteAt: testNow.Add(-time.Hour)}}
	noted := store.HandoverItem{Session: api.Session{ID: sessionID, Status: api.StatusOpen}, Mark: store.Mark{Note: "call back Monday", NoteAt: testNow.Add(-time.Hour)}}
	for _, tt := range []struct {
		name   string
		h      *handover
		copied string // what the clipboard gets; "" when nothing
		notice string
	}{
		{"one noted", &handover{items: []store.HandoverItem{noted}}, "call back Monday", ""},
		// The note is escaped as ui/summary's goldmark test checks: a link
		// hidden behind backslashes and a heading stay text.
		{"a note in Markdown", &handover{items: []store.HandoverItem{markdownNote}}, "  > " + `\\\[click here\\\](http\://evil.example)` + "\n  > " + `\# heading` + "\n", ""},
		{"nothing", &handover{}, "", "Nothing to hand over"},
		{"store fails", &handover{err: errors.New("disk \x1b[31mgone")}, "", "Could not read the handover: disk"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, n := newShare(template, nil)
			later := m.WithHandover(tt.h).Menu(ctx, s).Later
			if len(later) != 1 || later[0].What != "handover" || later[0].Copy == nil {
				t.Fatalf("the menu's later entries are %+v, want the handover", later)
			}
			cmd := later[0].Copy
			if tt.h.reads != 0 {
				t.Fatalf("Update read the store %d times", tt.h.reads)
			}
			msgs := keytest.Run(cmd)
			if tt.h.reads != 1 {
				t.Errorf("the command read the store %d times, want once", tt.h.reads)
			}
			got := n.all()
			switch {
			case tt.copied != "":
				if len(got) != 1 || !strings.Contains(got[0], tt.copied) || len(copies(msgs)) != 1 {
					t.Errorf("copied %q, messages %v", got, msgs)
				}
			default:
				ns := notices(msgs)
				if len(got) != 0 || len(ns) != 1 || !ns[0].Bad || !strings.HasPrefix(ns[0].Text, tt.notice) || strings.Contains(ns[0].Text, "\x1b") {
					t.Errorf("copied %q, notices %+v", got, ns)
				}
			}
		})
	}
}
