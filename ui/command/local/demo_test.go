package local

import (
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/command/tui"
	"github.com/opencx-tools/cxi/ui/keys"
)

// TestHandoverAndStoreAfterADemoRun: what a `cxi --demo` run keeps (its
// options built as the TUI builds them, the demo's server answering, the
// store in CXI_STATE_DIR) is what `cxi handover --demo` and `cxi store
// --demo` read afterwards (issue 18 §16): the TUI and the commands name the
// same store.
func TestHandoverAndStoreAfterADemoRun(t *testing.T) {
	w := newWorld(t, nil)
	env, _, _ := w.env("", false)
	cfg, err := tui.Build(tui.Flags{Flags: settings.Flags{Demo: true}, OSC52: "plain"}, nil, env)
	if err != nil {
		t.Fatal(err)
	}
	opts, stop, err := tui.Options(cfg, keys.Default(), env)
	if err != nil {
		stop()
		t.Fatal(err)
	}
	st, ok := opts.Memory.(*store.Store)
	if !ok || st == nil {
		stop()
		t.Fatalf("the demo run keeps nothing: %T", opts.Memory)
	}
	// The run: the first page of the queue, one session opened, reviewed
	// and noted, as the queue and the pane keep them.
	ctx := t.Context()
	page, err := opts.Client.ListSessions(ctx, api.ListParams{})
	if err == nil {
		err = st.SaveSessions(ctx, page.Items, now)
	}
	var opened api.Session
	if err == nil {
		opened = page.Items[0]
		err = st.MarkSeen(ctx, opened, now)
	}
	if err == nil {
		err = st.SetReviewed(ctx, opened.ID, true, now)
	}
	if err == nil {
		err = st.SetNote(ctx, opened.ID, "Call back before 5pm.", now)
	}
	stop()
	if err != nil {
		t.Fatal(err)
	}

	out, errOut, code := w.run(NewHandoverCommand, "--demo")
	if code != command.ExitOK || errOut != "" || !strings.Contains(out, "1 session reviewed or noted.") ||
		!strings.Contains(out, "`"+opened.ID+"`") || !strings.Contains(out, "> Call back before 5pm.") {
		t.Errorf("handover: exit %d, stderr %q:\n%s", code, errOut, out)
	}
	out, errOut, code = w.run(NewStoreCommand, "--demo")
	if code != command.ExitOK || errOut != "" || !strings.Contains(out, "demo.sqlite") ||
		!strings.Contains(out, "1 you looked at, 1 reviewed, 1 note") {
		t.Errorf("store: exit %d, stderr %q:\n%s", code, errOut, out)
	}
}
