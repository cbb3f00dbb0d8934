package share_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
)

func ticketed(id, ext string) api.Session {
	return api.Session{ID: id, TicketingSystem: &api.TicketingSystem{Name: "zendesk", ExternalID: ext}}
}

// said is what the status line says of msgs: a copy's report, or a notice.
func said(t *testing.T, msgs []tea.Msg) (string, bool) {
	t.Helper()
	if len(msgs) != 1 {
		t.Fatalf("messages %#v", msgs)
	}
	switch m := msgs[0].(type) {
	case clipboard.CopiedMsg:
		return m.Report()
	case common.NoticeMsg:
		return m.Text, m.Bad
	}
	t.Fatalf("%#v says nothing", msgs[0])
	return "", false
}

// TestYCopiesTheSelectedExternalIDsOneALine: y with five sessions
// selected copies the three external_ids there are, one a line, in the
// order given, says how many, and names the two it skipped and why; one
// whose external_id would paste a line break is skipped, not copied.
func TestYCopiesTheSelectedExternalIDsOneALine(t *testing.T) {
	sh, n := newShare("", nil)
	k := keys.Default().ForShare()
	selected := []api.Session{
		ticketed("10000000-0000-4000-8000-000000000001", "ZD-1"),
		{ID: "20000000-0000-4000-8000-000000000002"}, // no ticketing system
		ticketed("30000000-0000-4000-8000-000000000003", "ZD-3"),
		ticketed("40000000-0000-4000-8000-000000000004", "ZD-4\nrm -rf ~"),
		ticketed("50000000-0000-4000-8000-000000000005", "ZD-5"),
	}
	cmd, menu, ok := sh.HandleKey(common.Context{}, k, keytest.Msg("y"), &selected[0], common.SessionTargets(selected...))
	if !ok || menu != nil {
		t.Fatal("y is not a copy key")
	}
	text, bad := said(t, keytest.Run(cmd))
	if got := n.all(); len(got) != 1 || got[0] != "ZD-1\nZD-3\nZD-5" {
		t.Errorf("copied %q, want the three external_ids one a line", got)
	}
	want := "Copied the 3 external_ids (3 lines) · 1 skipped without an external_id: 20000000 · 1 skipped whose external_id holds a line break or hidden characters: 40000000."
	if text != want || bad {
		t.Errorf("said %q\nwant %q", text, want)
	}
}

// TestYWithNoExternalIDAmongTheSelectedSaysWhatInstead: none of the
// selected sessions has an external_id: nothing is copied, and the notice
// names the key that copies their session IDs.
func TestYWithNoExternalIDAmongTheSelectedSaysWhatInstead(t *testing.T) {
	sh, n := newShare("", nil)
	selected := []api.Session{{ID: "10000000-0000-4000-8000-000000000001"}, ticketed("20000000-0000-4000-8000-000000000002", " ")}
	cmd, _, _ := sh.HandleKey(common.Context{}, keys.Default().ForShare(), keytest.Msg("y"), nil, common.SessionTargets(selected...))
	text, bad := said(t, keytest.Run(cmd))
	if len(n.all()) != 0 || !bad || text != "Nothing copied: none of the 2 selected sessions has an external_id that can be copied; Y copies their session IDs." {
		t.Errorf("copied %q, said %q", n.all(), text)
	}
}

// TestYCopiesTheSelectedSessionIDs: Y with a selection copies every
// session ID, one a line; a session the API gave no ID is counted as
// skipped. Without a selection Y copies the row's, as ever.
func TestYCopiesTheSelectedSessionIDs(t *testing.T) {
	sh, n := newShare("", nil)
	k := keys.Default().ForShare()
	selected := []api.Session{{ID: "10000000-0000-4000-8000-000000000001"}, {}, {ID: "30000000-0000-4000-8000-000000000003"}}
	cmd, _, _ := sh.HandleKey(common.Context{}, k, keytest.Msg("Y"), &selected[0], common.SessionTargets(selected...))
	text, _ := said(t, keytest.Run(cmd))
	if got := n.all(); len(got) != 1 || got[0] != selected[0].ID+"\n"+selected[2].ID {
		t.Errorf("copied %q", got)
	}
	if want := "Copied the 2 session IDs (2 lines) · 1 skipped without a session ID that can be copied."; text != want {
		t.Errorf("said %q\nwant %q", text, want)
	}

	cmd, _, _ = sh.HandleKey(common.Context{}, k, keytest.Msg("Y"), &selected[2], common.Targets{})
	keytest.Run(cmd)
	if got := n.all(); len(got) != 2 || got[1] != selected[2].ID {
		t.Errorf("without a selection Y copied %q", got)
	}
}

// TestSkippedSessionsAreCountedWhole: past three names the rest are
// counted, never cut.
func TestSkippedSessionsAreCountedWhole(t *testing.T) {
	sh, _ := newShare("", nil)
	selected := []api.Session{ticketed("90000000-0000-4000-8000-000000000009", "ZD-9")}
	for _, p := range []string{"1", "2", "3", "4", "5"} {
		selected = append(selected, api.Session{ID: p + "0000000-0000-4000-8000-000000000000"})
	}
	cmd, _, _ := sh.HandleKey(common.Context{}, keys.Default().ForShare(), keytest.Msg("y"), nil, common.SessionTargets(selected...))
	text, _ := said(t, keytest.Run(cmd))
	if !strings.HasSuffix(text, " · 5 skipped without an external_id: 10000000, 20000000, 30000000, and 2 more.") {
		t.Errorf("said %q", text)
	}
}
