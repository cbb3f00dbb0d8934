package runpane

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"go.uber.org/goleak"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay"
	"github.com/opencx-tools/cxi/ui/useraction"
)

// TestMain fails the package's tests when one leaves a goroutine behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func testContext() common.Context {
	return common.Context{Theme: styles.Plain(), Keys: keys.Default()}.WithDefaults()
}

// web is a set whose URL commands open into *opened.
func web(t *testing.T, opened *[]string, readOnly string, specs ...useraction.Spec) useraction.Set {
	t.Helper()
	as, err := useraction.Build(specs)
	if err != nil {
		t.Fatal(err)
	}
	open := func(u string) error { *opened = append(*opened, u); return nil }
	return useraction.NewSet(as, readOnly, useraction.Runner{Open: open}, clipboard.Copier{})
}

func sessions(t *testing.T, ids ...string) []api.Session {
	t.Helper()
	var out []api.Session
	for _, id := range ids {
		s, err := demo.Decoded(id)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// notice is the text of the notice cmd says.
func notice(t *testing.T, cmd tea.Cmd) string {
	t.Helper()
	for _, msg := range keytest.Run(cmd) {
		if n, ok := msg.(common.NoticeMsg); ok {
			return n.Text
		}
	}
	t.Fatalf("no notice from %v", keytest.Run(cmd))
	return ""
}

func TestStartRefuses(t *testing.T) {
	var opened []string
	set := web(t, &opened, "--read-only",
		useraction.Spec{Name: "zendesk", URL: "https://acme.zendesk.com/t/{external_id}"},
		useraction.Spec{Name: "push", URL: "https://acme.zendesk.com/p/{id}", Write: true})
	star := sessions(t, demo.IDAngryHandoff)
	for _, tc := range []struct {
		name    string
		targets []api.Session
		want    string
	}{
		{"zendsk", star, `No command called "zendsk" (yours: zendesk, push).`},
		{"zendesk", nil, `No session to run "zendesk" on: open one, or select rows in the queue.`},
		{"push", star, `"push" is declared a write (write = true) and cxi runs read-only (--read-only): it was not run.`},
	} {
		o, cmd := Start(testContext(), set, tc.name, common.SessionTargets(tc.targets...), 80, 20)
		if o != nil {
			t.Errorf("%s: a pane opened", tc.name)
		}
		if got := notice(t, cmd); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	if _, cmd := Start(testContext(), useraction.Set{}, "x", common.SessionTargets(star...), 80, 20); !strings.Contains(notice(t, cmd), "config.toml has no [[commands]]") {
		t.Errorf("no commands at all")
	}
	if len(opened) != 0 {
		t.Errorf("opened %q", opened)
	}
}

func TestOneURLOpensWithoutAPane(t *testing.T) {
	var opened []string
	set := web(t, &opened, "", useraction.Spec{Name: "zendesk", URL: "https://acme.zendesk.com/t/{external_id}"})
	o, cmd := Start(testContext(), set, "zendesk", common.SessionTargets(sessions(t, demo.IDAngryHandoff)...), 80, 20)
	if o != nil {
		t.Fatal("a pane opened for one URL")
	}
	msgs := keytest.Run(cmd)
	ran, ok := msgs[0].(useraction.RanMsg)
	if !ok || len(opened) != 1 || opened[0] != "https://acme.zendesk.com/t/ZD-884213" {
		t.Fatalf("msgs %v, opened %q", msgs, opened)
	}
	if got := notice(t, Notice(ran)); got != "Opened https://acme.zendesk.com/t/ZD-884213 in the browser." {
		t.Errorf("notice %q", got)
	}
}

// TestSelectionRunsOneAtATime: three sessions, one run each in turn, with
// progress; esc during the second stops the third; a stale answer (another
// pane's) is not taken.
func TestSelectionRunsOneAtATime(t *testing.T) {
	var opened []string
	set := web(t, &opened, "", useraction.Spec{Name: "look", URL: "https://h.example/s/{id}"})
	targets := sessions(t, demo.IDAngryHandoff, demo.IDResolvedEmail, demo.IDMinimal)
	o, cmd := Start(testContext(), set, "look", common.SessionTargets(targets...), 80, 20)
	if o == nil {
		t.Fatal("no pane for three sessions")
	}
	if len(opened) != 0 {
		t.Fatalf("ran in Start: %q", opened)
	}
	step := func(o overlay.Overlay, cmd tea.Cmd) (overlay.Overlay, tea.Cmd) {
		t.Helper()
		msgs := keytest.Run(cmd)
		if len(msgs) != 1 {
			t.Fatalf("one run at a time, got %v", msgs)
		}
		next, cmd, taken := o.(overlay.Receiver).Receive(msgs[0])
		if !taken {
			t.Fatalf("the pane did not take its own answer")
		}
		return next, cmd
	}
	if v := o.View(80, 20); !strings.Contains(v, "look · 1/3") {
		t.Errorf("progress:\n%s", v)
	}
	o, cmd = step(o, cmd)
	if v := o.View(80, 20); !strings.Contains(v, "look · 2/3") || !strings.Contains(v, "open https://h.example/s/"+demo.IDAngryHandoff) {
		t.Errorf("after one:\n%s", v)
	}
	if _, _, taken := o.(overlay.Receiver).Receive(useraction.RanMsg{Token: &useraction.Token{}}); taken {
		t.Error("another pane's answer was taken")
	}
	o, stop := keytest.Press(t, o, "esc")
	if o == nil || stop != nil {
		t.Fatalf("esc while running closed the pane or started something")
	}
	o, cmd = step(o, cmd)
	if cmd != nil {
		t.Errorf("a run started after esc")
	}
	if len(opened) != 2 {
		t.Errorf("opened %d URLs, want 2 (the third stopped)", len(opened))
	}
	if v := o.View(80, 20); !strings.Contains(v, "look · stopped after 2/3: 2 ok, 1 left undone") {
		t.Errorf("after stop:\n%s", v)
	}
	if o, _ = keytest.Press(t, o, "esc"); o != nil {
		t.Error("esc once done did not close the pane")
	}
}

func TestConfirmAsksFirstAndCopies(t *testing.T) {
	var opened []string
	set := web(t, &opened, "", useraction.Spec{Name: "look", URL: "https://h.example/s/{external_id}", Confirm: true})
	o, cmd := Start(testContext(), set, "look", common.SessionTargets(sessions(t, demo.IDAngryHandoff, demo.IDMinimal)...), 80, 20)
	if cmd != nil || len(opened) != 0 {
		t.Fatal("ran before enter")
	}
	v := o.View(80, 20)
	for _, want := range []string{"look · asks first", `Run "look" on 2 sessions?`, "open https://h.example/s/ZD-884213", "✗ c21f7b3a not run: this session has no external_id"} {
		if !strings.Contains(v, want) {
			t.Errorf("the question lacks %q:\n%s", want, v)
		}
	}
	o, cmd = keytest.Press(t, o, "enter")
	for cmd != nil {
		var taken bool
		o, cmd, taken = o.(overlay.Receiver).Receive(keytest.Run(cmd)[0])
		if !taken {
			t.Fatal("not taken")
		}
	}
	if v := o.View(80, 20); !strings.Contains(v, "look · done: 1 ok, 1 not run") {
		t.Errorf("summary:\n%s", v)
	}
	_, cmd = keytest.Press(t, o, "y")
	copied, ok := keytest.Run(cmd)[0].(clipboard.CopiedMsg)
	want := "open https://h.example/s/ZD-884213\n[opened]\nsession c21f7b3a\n[not run: this session has no external_id]\n"
	if !ok || copied.Value != want {
		t.Errorf("y copied %q, want %q", copied.Value, want)
	}
}

func TestOutputIsSanitized(t *testing.T) {
	var opened []string
	set := web(t, &opened, "", useraction.Spec{Name: "look", URL: "https://h.example/s/{id}", Confirm: true})
	o, _ := Start(testContext(), set, "look", common.SessionTargets(sessions(t, demo.IDAngryHandoff)...), 80, 20)
	m := o.(Model)
	m.asking = false
	m.running = true
	next, _, _ := m.Receive(useraction.RanMsg{Token: m.token, Result: useraction.Result{Session: demo.IDAngryHandoff,
		Argv: []string{"cli", "a b"}, Output: "ok\x1b]52;c;cm0gLXJmIH4K\x07 \x1b[31mred\x1b[0m\u202e\n", Exit: 0}})
	v := next.View(80, 20)
	if strings.ContainsAny(v, "\x1b\x07\u202e") || !strings.Contains(v, "ok red") || !strings.Contains(v, `$ cli "a b"`) {
		t.Errorf("view %q", v)
	}
	_, cmd := keytest.Press(t, next, "y")
	if c := keytest.Run(cmd)[0].(clipboard.CopiedMsg); c.Value != "ok red\n" {
		t.Errorf("copied %q", c.Value)
	}
}

// TestNoBrowserShowsTheURL: over SSH (no opener) one URL gets a pane that
// says why nothing opened, and y copies the URL.
func TestNoBrowserShowsTheURL(t *testing.T) {
	as, err := useraction.Build([]useraction.Spec{{Name: "zendesk", URL: "https://acme.zendesk.com/t/{external_id}"}})
	if err != nil {
		t.Fatal(err)
	}
	set := useraction.NewSet(as, "", useraction.Runner{}, clipboard.Copier{})
	o, cmd := Start(testContext(), set, "zendesk", common.SessionTargets(sessions(t, demo.IDAngryHandoff)...), 80, 20)
	if o == nil {
		t.Fatal("no pane over SSH")
	}
	o, _, _ = o.(overlay.Receiver).Receive(keytest.Run(cmd)[0])
	if v := o.View(80, 20); !strings.Contains(v, "open https://acme.zendesk.com/t/ZD-884213") || !strings.Contains(v, "no browser here (over SSH)") {
		t.Errorf("view:\n%s", v)
	}
	_, cmd = keytest.Press(t, o, "y")
	if c := keytest.Run(cmd)[0].(clipboard.CopiedMsg); c.Value != "https://acme.zendesk.com/t/ZD-884213" {
		t.Errorf("y copied %q", c.Value)
	}
}
