package demo

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// recentAge is how long ago the i-th showcase session (in Sessions order)
// was last updated under WithRecentDates: the star 45 seconds ago, before
// any generated session (those are at least minAge old), the last a little
// over five hours ago.
func recentAge(i int) time.Duration {
	return 45*time.Second + time.Duration(i)*23*time.Minute
}

// shiftTimes is the one place showcase timestamps change: the session's and
// its contact's created_at and updated_at move by the same amount (so their
// order and spacing stay), so that updated_at becomes updated. Only the
// quoted time values are replaced, so the body keeps its layout, keys and
// every other byte.
func shiftTimes(body []byte, updated time.Time) []byte {
	var v struct {
		CreatedAt string `json:"created_at"`
		UpdatedAt string `json:"updated_at"`
		Contact   *struct {
			CreatedAt string `json:"created_at"`
			UpdatedAt string `json:"updated_at"`
		} `json:"contact"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return body
	}
	old, err := time.Parse(time.RFC3339Nano, v.UpdatedAt)
	if err != nil {
		return body
	}
	delta := updated.Truncate(time.Millisecond).Sub(old)
	values := []string{v.CreatedAt, v.UpdatedAt}
	if v.Contact != nil {
		values = append(values, v.Contact.CreatedAt, v.Contact.UpdatedAt)
	}
	var pairs []string
	for _, s := range values {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			continue
		}
		pairs = append(pairs, strconv.Quote(s), strconv.Quote(stamp(t.Add(delta))))
	}
	return []byte(strings.NewReplacer(pairs...).Replace(string(body)))
}
