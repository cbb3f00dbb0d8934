package ui

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/cmdline"
	"github.com/opencx-tools/cxi/ui/overlay/fullhelp"
	"github.com/opencx-tools/cxi/ui/summary"
)

// run types line on the command line (opened with :) and enters it,
// running what it starts.
func run(m Model, line string) Model {
	m = press(m, ":")
	m = send(m, keyRunes(line))
	return press(m, "enter")
}

// cmdlineOpen reports whether the command line is the overlay on top.
func (m Model) cmdlineOpen() bool {
	_, ok := m.overlays.Top().(cmdline.Model)
	return ok
}

// demoModel is the program against the demo's fake server, the queue
// loaded, and the server to read the requests it saw.
func demoModel(t *testing.T, opts ...func(*Options)) (Model, *fake.Server) {
	t.Helper()
	srv := demo.NewServer(fake.WithClock(fixedNow), fake.WithPageSize(100))
	base, stop, err := srv.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	client, err := api.New(base, fake.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	return startedModel(t, client, opts...), srv
}

// TestCommandLineClosesThroughTheStatusMenu: :open finds the session as
// the input does, :close opens the status menu's confirmation with the
// status chosen, and enter sends the PATCH the S key sends.
func TestCommandLineClosesThroughTheStatusMenu(t *testing.T) {
	m, srv := demoModel(t)
	m = run(m, "open "+demo.IDAngryHandoff)
	if s := m.session(); m.view != viewDetail || s == nil || s.ID != demo.IDAngryHandoff {
		t.Fatalf(":open did not show the session:\n%s", m.View())
	}
	m = run(m, "close --unresolved")
	if v := m.View(); !strings.Contains(v, "Close session as unresolved") && !strings.Contains(v, "Close 1 session as unresolved") {
		t.Fatalf(":close --unresolved is not the menu's confirmation:\n%s", v)
	}
	before := len(srv.Requests())
	m = press(m, "enter")
	var patches []fake.RecordedRequest
	for _, r := range srv.Requests()[before:] {
		if r.Method == "PATCH" {
			patches = append(patches, r)
		}
	}
	if len(patches) != 1 || !strings.Contains(patches[0].Path, demo.IDAngryHandoff) || !strings.Contains(patches[0].Body, `"closed_unresolved"`) {
		t.Fatalf("the PATCHes sent: %+v", patches)
	}
	if v := m.View(); !strings.Contains(v, "unresolved") {
		t.Errorf("the outcome is not said:\n%s", v)
	}
}

// TestCommandLineSaysWhatTheKeySaysWhenReadOnly: :close in read-only mode
// refuses in the words S uses, and sends nothing.
func TestCommandLineSaysWhatTheKeySaysWhenReadOnly(t *testing.T) {
	client := &stubClient{sessions: stubSessions(2)}
	readOnly := func(o *Options) { o.Acting.ReadOnly = "--read-only" }
	byKey := press(startedModel(t, client, readOnly), "S")
	m := run(startedModel(t, client, readOnly), "close")
	want := "Read-only (--read-only): nothing is sent, so the status stays as it is."
	if !strings.Contains(byKey.View(), want) {
		t.Fatalf("S says:\n%s", byKey.View())
	}
	if !strings.Contains(m.View(), want) || !m.overlays.Empty() {
		t.Errorf(":close in read-only:\n%s", m.View())
	}
	m = run(m, "redact")
	if !strings.Contains(m.View(), "Read-only (--read-only): nothing is sent, so nothing is redacted.") {
		t.Errorf(":redact in read-only:\n%s", m.View())
	}
	if len(client.changes) != 0 || len(client.redacted) != 0 {
		t.Errorf("read-only sent %+v, %q", client.changes, client.redacted)
	}
}

// TestReopenWhatIsOpenSendsNothing: the status every target has already
// is refused as the menu leaves it inert, with a word instead of silence.
func TestReopenWhatIsOpenSendsNothing(t *testing.T) {
	client := &stubClient{sessions: stubSessions(2)}
	m := run(startedModel(t, client), "reopen")
	if !strings.Contains(m.View(), "Nothing to send: 1 session is already open.") || !m.overlays.Empty() {
		t.Errorf(":reopen on an open session:\n%s", m.View())
	}
	if len(client.changes) != 0 {
		t.Errorf("sent %+v", client.changes)
	}
}

// TestCommandLineRedactsWithTheWord: :redact is X: the confirmation that
// asks for the word, and the redaction it sends.
func TestCommandLineRedactsWithTheWord(t *testing.T) {
	client := &stubClient{sessions: stubSessions(2)}
	m := run(startedModel(t, client), "redact")
	if v := m.View(); !strings.Contains(v, "Redact every message of session 00000000 — permanent, cannot be undone") {
		t.Fatalf(":redact:\n%s", v)
	}
	m = send(m, keyRunes("redact"))
	m = press(m, "enter")
	if len(client.redacted) != 1 || client.redacted[0] != stubID(0)+" " {
		t.Errorf("redacted %q", client.redacted)
	}
}

// TestCommandLineFiltersTheQueue: :filter sets the filters it names (the
// list is asked again with them), leaves the others, takes the text
// filter into the input, and :filter alone resets them all as F does.
func TestCommandLineFiltersTheQueue(t *testing.T) {
	m, srv := demoModel(t)
	before := len(srv.Requests())
	m = run(m, "filter channel=email status=open handed_off=true within=24h")
	want := filter.Filters{Channel: api.ChannelEmail, Status: api.StatusOpen, HandedOff: true, Window: 24 * 60 * 60 * 1e9}
	if got := m.queue.Filters(); got != want {
		t.Fatalf("filters %+v, want %+v", got, want)
	}
	var lists []url.Values
	for _, r := range srv.Requests()[before:] {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/sessions") {
			q, _ := url.ParseQuery(r.RawQuery)
			lists = append(lists, q)
		}
	}
	if len(lists) == 0 || !slices.Contains(lists[0]["channel_type"], "email") || !slices.Contains(lists[0]["status"], "open") {
		t.Fatalf("the list was asked with %v", lists)
	}
	m = run(m, "filter channel=any text=Dana W")
	if got := m.queue.Filters(); got.Channel != "" || got.Status != api.StatusOpen || !got.HandedOff {
		t.Errorf("after channel=any: %+v; the other filters must stay", got)
	}
	if m.bar.Value() != "Dana W" {
		t.Errorf("the text filter is %q in the input", m.bar.Value())
	}
	m = run(m, "filter")
	if got := m.queue.Filters(); got != (filter.Filters{}) || m.bar.Value() != "" {
		t.Errorf(":filter did not reset: %+v, input %q", got, m.bar.Value())
	}
}

// TestCommandLineFilterGoesBackToTheQueue: a filter acts on the queue, so
// :filter from a session goes back to it.
func TestCommandLineFilterGoesBackToTheQueue(t *testing.T) {
	client := &stubClient{sessions: stubSessions(3)}
	m := press(startedModel(t, client), "enter", "t")
	if m.view != viewTranscript {
		t.Fatalf("not in the transcript: %v", m.view)
	}
	m = run(m, "filter status=closed_resolved")
	if m.view != viewQueue || m.queue.Filters().Status != api.StatusClosedResolved {
		t.Errorf("view %v, filters %+v", m.view, m.queue.Filters())
	}
}

// TestCommandLineCopiesWithTheCopyRoutine: :copy puts on the clipboard
// what y, Y and the copy menu's summary put there.
func TestCommandLineCopiesWithTheCopyRoutine(t *testing.T) {
	star := demoSession(t, 0)
	var native []string
	m := newTestModel(t, &stubClient{}, func(o *Options) {
		o.Copier = clipboard.Copier{Terminal: &copyRecorder{}, Native: func(s string) error { native = append(native, s); return nil }}
	})
	m = loaded(send(typeText(m, star.ID), enter), star)
	for _, line := range []string{"copy external_id", "copy id", "copy summary"} {
		m = run(m, line)
	}
	want := []string{"ZD-884213", star.ID, summary.Markdown(star, testNow)}
	if !slices.Equal(native, want) {
		t.Errorf("copied %q,\nwant %q", native, want)
	}
	if !strings.Contains(m.View(), "Copied") {
		t.Errorf("the copy is not said:\n%s", m.View())
	}
}

// TestCommandLineErrorsSayWhatWasMeant: a typo, a bad value and a missing
// argument each keep the line open with a sentence that says what to type.
func TestCommandLineErrorsSayWhatWasMeant(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(2)})
	for line, want := range map[string]string{
		"clsoe":              "no command `:clsoe` — did you mean `:close`?",
		"filter channel=fax": "`:filter channel=fax`: channel is one of any, web, email, phone_voice, slack, sms, whatsapp, instagram, messenger, api or web_voice",
		"copy":               "`:copy` needs a field: external_id, id or summary",
	} {
		got := run(m, line)
		if !got.cmdlineOpen() || !strings.Contains(flatten(got.View()), want) {
			t.Errorf(":%s shows:\n%s\nwant %q", line, got.View(), want)
		}
	}
}

// TestViewProfileAndRunAreNamesFromTheRegistry: the names the command line
// completes and checks are the saved views, profiles and commands the run
// has; a known view switches the tab, an unknown name is refused with the
// names there are.
func TestViewProfileAndRunAreNamesFromTheRegistry(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(3)}, withViews)
	m = press(m, ":")
	m = send(m, keyRunes("view op"), keyMsg("tab"))
	if got := m.overlays.Top().(cmdline.Model).Value(); got != "view Open" {
		t.Errorf("tab completed %q", got)
	}
	next, cmd := m.Update(keyMsg("enter"))
	m = drain(next.(Model), cmd)
	if m.tabs.Active().Name != "Open" {
		t.Errorf(":view Open: the tab in force is %q", m.tabs.Active().Name)
	}
	for line, want := range map[string]string{
		"run zendesk": "no action named zendesk",
		"view Closed": "`:view Closed`: no view named Closed; the views are All, Open or Customer 1",
	} {
		if v := run(m, line).View(); !strings.Contains(v, want) {
			t.Errorf(":%s:\n%s\nwant %q", line, v, want)
		}
	}
	bare := startedModel(t, &stubClient{sessions: stubSessions(1)})
	if v := run(bare, "profile acme").View(); !strings.Contains(v, "no profile named acme: there are no profiles") {
		t.Errorf(":profile without profiles:\n%s", v)
	}
}

// TestColonTypesWhereTextIsTyped: : opens the command line from a view,
// and is only a character in the input and in the note editor.
func TestColonTypesWhereTextIsTyped(t *testing.T) {
	m := startedModel(t, &stubClient{sessions: stubSessions(2)})
	if !press(m, ":").cmdlineOpen() {
		t.Fatal(": did not open the command line")
	}
	typing := press(m, "/", ":")
	if typing.cmdlineOpen() || typing.bar.Value() != ":" {
		t.Errorf("in the input, : gave %q and the command line open %v", typing.bar.Value(), typing.cmdlineOpen())
	}
	note := press(m, "e", ":")
	if note.cmdlineOpen() {
		t.Error("in the note editor, : opened the command line")
	}
	search := press(m, "enter", "t", "/", ":")
	if search.cmdlineOpen() {
		t.Error("in the transcript's search, : opened the command line")
	}
}

// TestCommandLineHelpAndQuit: :help is ?, :q quits.
func TestCommandLineHelpAndQuit(t *testing.T) {
	m := run(startedModel(t, &stubClient{sessions: stubSessions(1)}), "help")
	if _, ok := m.overlays.Top().(fullhelp.Model); !ok || !strings.Contains(m.View(), "In the queue") {
		t.Errorf(":help:\n%s", m.View())
	}
	m = press(m, "esc", ":")
	m = send(m, keyRunes("q"))
	next, cmd := m.Update(enter)
	var quit bool
	for _, msg := range collect(cmd) {
		_, after := next.Update(msg)
		for _, msg := range collect(after) {
			_, quit = msg.(tea.QuitMsg)
		}
	}
	if !quit {
		t.Error(":q did not quit")
	}
}

// TestCommandHistoryOutlivesTheRun: the lines run are kept in the store,
// and the next run walks back through them with ↑; without a store they
// last the run.
func TestCommandHistoryOutlivesTheRun(t *testing.T) {
	st := openStore(t, t.TempDir())
	client := &stubClient{sessions: stubSessions(2)}
	m := startedModel(t, client, func(o *Options) { o.Memory = st })
	m = run(m, "filter status=open")
	m = press(run(m, "close"), "esc")
	kept, err := st.CommandHistory(t.Context())
	if err != nil || !slices.Equal(kept, []string{"filter status=open", "close"}) {
		t.Fatalf("the store keeps %q, %v", kept, err)
	}
	next := startedModel(t, client, func(o *Options) { o.Memory, o.History = st, kept })
	next = press(next, ":")
	next = send(next, keyRunes("cl"))
	value := func() string { return next.overlays.Top().(cmdline.Model).Value() }
	for _, step := range []struct{ key, want string }{{"up", "close"}, {"up", "filter status=open"}, {"up", "filter status=open"}, {"down", "close"}, {"down", "cl"}} {
		next = press(next, step.key)
		if value() != step.want {
			t.Errorf("after %s: %q, want %q", step.key, value(), step.want)
		}
	}

	// --no-store: no Memory, the history lives as long as the run.
	m = startedModel(t, client)
	m = press(run(m, "help"), "esc", ":", "up")
	if got := m.overlays.Top().(cmdline.Model).Value(); got != "help" {
		t.Errorf("without a store, ↑ gives %q", got)
	}
}
