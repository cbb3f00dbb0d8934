package queue

import (
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/render"
)

// TestFilterBarShowsEveryActiveFilter: however narrow the terminal and
// whatever else is on (! made the bar drop "T team"), every filter in
// force is in the bar, within the width; only filters that are off may
// go, and the bar takes a second line before it cuts one.
func TestFilterBarShowsEveryActiveFilter(t *testing.T) {
	all := filter.Filters{Status: api.StatusOpen, HandedOff: true, Channel: api.ChannelWhatsApp, Window: 24 * time.Hour}
	for _, tt := range []struct {
		name      string
		f         filter.Filters
		team      bool
		changed   bool
		attention bool
		want      []string
	}{
		{"team only, attention on", filter.Filters{}, true, false, true, []string{"Billing & Refunds", "attention"}},
		{"team and changed", filter.Filters{}, true, true, false, []string{"Billing & Refunds", changedLabel}},
		{"everything", all, true, true, true, []string{"open", "handed off", "whatsapp", "last 24h", "Billing & Refunds", changedLabel, "attention"}},
		{"server filters, attention", all, false, false, true, []string{"open", "handed off", "whatsapp", "last 24h", "attention"}},
	} {
		for _, width := range []int{160, 120, 80, 60, 40} {
			m := New(theme(), DefaultKeyMap(), newPager(0, 25), tt.f, tt.attention, now).SetSize(width, 20)
			m.changed = tt.changed
			if tt.team {
				m.team = teamFilter{on: true, key: "id:t1", name: "Billing & Refunds"}
			}
			bar := m.filterBar()
			joined := strings.Join(bar, "\n")
			for _, w := range tt.want {
				if !strings.Contains(joined, w) {
					t.Errorf("%s at %d: the bar lacks %q:\n%s", tt.name, width, w, joined)
				}
			}
			for _, line := range bar {
				if render.Width(line) > width {
					t.Errorf("%s at %d: a line is %d cells wide: %q", tt.name, width, render.Width(line), line)
				}
			}
			if len(bar) > 1 && strings.Contains(joined, ":any") {
				t.Errorf("%s at %d: the bar took a second line while showing a filter that is off:\n%s", tt.name, width, joined)
			}
			// The list below gives the bar its lines.
			if v := m.View(); strings.Count(v, "\n")+1 > 20 {
				t.Errorf("%s at %d: the view is taller than its 20 lines", tt.name, width)
			}
		}
	}
}

// TestFilterBarKeepsTheTeamHintWhenThereIsRoom: at 120 columns with !
// on, the bar still names T team even when the team filter is off: only
// the words go first.
func TestFilterBarKeepsTheTeamHintWhenThereIsRoom(t *testing.T) {
	m := New(theme(), DefaultKeyMap(), newPager(0, 25), filter.Filters{}, true, now).SetSize(120, 20)
	m.rank.found = 160
	bar := strings.Join(m.filterBar(), "\n")
	if !strings.Contains(bar, "T:any") && !strings.Contains(bar, "T team") {
		t.Errorf("the team filter's key is gone from a 120-column bar:\n%s", bar)
	}
}
