package queue

import (
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/filter"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/render"
)

// TestFilterBarSaysWhatWasWritten: the filter bar names a status as the
// STATUS column does, and a window the way the config file writes it.
func TestFilterBarSaysWhatWasWritten(t *testing.T) {
	for _, tt := range []struct {
		f    filter.Filters
		want string
	}{
		{filter.Filters{Window: 24 * time.Hour}, "updated: last 24h"},
		{filter.Filters{Window: time.Hour}, "updated: last 1h"},
		{filter.Filters{Window: 7 * 24 * time.Hour}, "updated: last 7d"},
		{filter.Filters{Status: api.StatusClosedUnresolved}, "status: unresolved"},
		{filter.Filters{Status: api.StatusClosedResolved}, "status: resolved"},
	} {
		m := New(theme(), DefaultKeyMap(), newPager(0, 25), tt.f, false, now).SetSize(160, 10)
		if bar := strings.Join(m.filterBar(), "\n"); !strings.Contains(bar, tt.want) {
			t.Errorf("%+v: filter bar %q lacks %q", tt.f, bar, tt.want)
		}
	}
}

func TestTailCountsAgreeWithTheirNouns(t *testing.T) {
	p := newPager(25, 25)
	m := loadedQueue(t, p).SetText("customer 00007")
	if v := m.View(); !strings.Contains(v, `1 of 25 loaded sessions matches "customer 00007"`) {
		t.Errorf("tail:\n%s", v)
	}
	one := newPager(1, 25)
	m = loadedQueue(t, one)
	m.skipped = 1
	if tail := m.tailRow(); !strings.Contains(tail, "end of the list: 1 session —") || !strings.Contains(tail, "(1 unreadable item skipped)") {
		t.Errorf("tail %q", tail)
	}
}

func TestAutoRefreshNoticeNamesTheIntervalAsWritten(t *testing.T) {
	m := New(theme(), DefaultKeyMap(), newPager(0, 25), filter.Filters{}, false, now).WithAutoRefresh(time.Minute, nil, nil)
	m, _ = press(m, "a") // off
	_, cmd := press(m, "a")
	if n, ok := cmd().(common.NoticeMsg); !ok || n.Text != "Auto-refresh every 1m." {
		t.Errorf("notice %#v", cmd())
	}
}

// TestAReviewMarkFitsItsColumnHoweverOld: the mark says how long ago the
// review was as the AGE column says an age, in at most the column's five
// cells for anything under ten months.
func TestAReviewMarkFitsItsColumnHoweverOld(t *testing.T) {
	day := 24 * time.Hour
	for d, want := range map[time.Duration]string{
		30 * time.Second: "", 5 * time.Minute: " 5m", 3 * time.Hour: " 3h", 2 * day: " 2d", 21 * day: " 3w", 120 * day: " 4mo",
	} {
		got := sinceShort(now.Add(-d), now)
		if got != want || render.Width("✓"+got) > 5 {
			t.Errorf("reviewed %v ago: %q, want %q within 5 cells", d, got, want)
		}
	}
}
