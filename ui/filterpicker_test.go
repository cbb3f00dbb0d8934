package ui

import (
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/keys"
)

// TestFilterKeysOpenAPickerOverTheQueue: s, C, w and T open the queue's
// picker as an overlay; a digit sets the value through the queue, esc
// closes without a change, and the help line is the picker's.
func TestFilterKeysOpenAPickerOverTheQueue(t *testing.T) {
	sessions := stubSessions(4)
	sessions[stubID(1)].Status = api.StatusClosedResolved
	sessions[stubID(2)].Team = &api.Team{ID: "t1", Name: "Billing"}
	m := startedModel(t, &stubClient{sessions: sessions})

	m = press(m, "s")
	v := m.View()
	for _, want := range []string{"Status  0–3", "0  any", "3  resolved", "in force", "enter set filter", "esc close"} {
		if !strings.Contains(v, want) {
			t.Errorf("status picker lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "STATUS") {
		t.Error("the picker is not over the queue")
	}
	m = press(m, "3")
	if m.queue.Filters().Status != api.StatusClosedResolved || !m.overlays.Empty() {
		t.Fatalf("filters %+v, overlays open: %v", m.queue.Filters(), !m.overlays.Empty())
	}
	if !strings.Contains(m.View(), "status: resolved") {
		t.Errorf("filter bar:\n%s", m.View())
	}

	m = press(m, "C", "esc")
	if m.queue.Filters().Channel != "" || !m.overlays.Empty() {
		t.Error("esc set a channel, or left the picker open")
	}

	m = press(m, "s", "0", "T")
	if v := m.View(); !strings.Contains(v, "1  Billing") || !strings.Contains(v, "no team filter") {
		t.Errorf("team picker:\n%s", v)
	}
	m = press(m, "1")
	if m.queue.Team() != "Billing" || m.queue.Len() != 1 {
		t.Errorf("team %q, %d rows", m.queue.Team(), m.queue.Len())
	}
}

func TestTeamFilterKeyIsBoundAndListed(t *testing.T) {
	if got := keys.Name(keys.Default().Team); got != "T" {
		t.Errorf("team filter on %q", got)
	}
	var found bool
	for _, group := range fullHelp(keys.Default()) {
		for _, b := range group {
			found = found || b.Help().Desc == "team filter"
		}
	}
	if !found {
		t.Error("the full help does not list the team filter")
	}
}
