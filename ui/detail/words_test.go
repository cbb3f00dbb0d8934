package detail

import (
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api/fake/demo"
)

// TestPanelTitlesAreDistinct: the contact's custom data and the session's
// are told apart by name, and no two panels share a title.
func TestPanelTitlesAreDistinct(t *testing.T) {
	s := fixture(t, demo.IDNonLatin) // custom data on the contact and on the session
	c := content{theme: theme(), now: now}
	seen := map[string]bool{}
	for _, p := range []panel{c.statusPanel(s), c.sentimentPanel(s), c.contactPanel(s), c.handoffPanel(s), c.ticketPanel(s), c.teamPanel(s), c.customDataPanel(s)} {
		if seen[p.title] {
			t.Errorf("two panels are titled %q", p.title)
		}
		seen[p.title] = true
	}
	v := fullContent(s, 120)
	for _, want := range []string{"Contact custom data", "Session custom data"} {
		if strings.Count(v, want) != 1 {
			t.Errorf("%q shown %d times, want once:\n%s", want, strings.Count(v, want), v)
		}
	}
	if strings.Contains(strings.ReplaceAll(v, "Contact custom data", ""), "Custom data") {
		t.Errorf("a bare \"Custom data\" title is left:\n%s", v)
	}
}

// TestStatusInTheQueuesWords: the pane says "unresolved", as the queue does.
func TestStatusInTheQueuesWords(t *testing.T) {
	v := fullContent(fixture(t, demo.IDNonLatin), 120)
	if !strings.Contains(v, "│ unresolved · AI") || strings.Contains(v, "closed_unresolved") {
		t.Errorf("status not in the queue's words: %q", firstLineWith(v, "unresolved"))
	}
}
