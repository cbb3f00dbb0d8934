package queue

import (
	"slices"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// TestStampsKeepTimesInOrder: a row keeps updated_at in a third of a
// time.Time's room; it gives back the time to the nanosecond, orders as
// the times do, puts a time that did not parse first (as the zero time
// was), and keeps times past what nanoseconds since 1970 hold in order at
// either end.
func TestStampsKeepTimesInOrder(t *testing.T) {
	zone := time.FixedZone("UTC+5:30", 5*3600+1800)
	parsed := func(tm time.Time) api.Timestamp { return api.Timestamp{Raw: tm.Format(time.RFC3339Nano), Time: tm} }
	times := []api.Timestamp{
		{Raw: "yesterday"}, // did not parse
		parsed(time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)),
		parsed(time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)),
		parsed(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)),
		parsed(time.Date(2026, 11, 25, 12, 0, 0, 1, zone)),
		parsed(time.Date(2026, 11, 25, 12, 0, 0, 2, time.UTC)),
		parsed(time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC)),
		parsed(time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)),
	}
	var stamps []stamp
	for _, tm := range times {
		stamps = append(stamps, stampOf(tm))
	}
	if !slices.IsSorted(stamps) {
		t.Errorf("stamps out of the times' order: %v", stamps)
	}
	if got := stamps[0].time(); !got.IsZero() {
		t.Errorf("a time that did not parse comes back as %v", got)
	}
	for _, i := range []int{3, 4, 5} {
		if got := stamps[i].time(); !got.Equal(times[i].Time) {
			t.Errorf("%v comes back as %v", times[i].Time, got)
		}
	}
	if stamps[1] == noStamp || stamps[7] <= stamps[5] {
		t.Errorf("times beyond the nanoseconds' range are not at their ends: %v", stamps)
	}
}
