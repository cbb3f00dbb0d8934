package fake

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// recentAge is how long ago the i-th demo session (in Demo order) was last
// updated under WithRecentDemo: the star 45 seconds ago, before any
// generated session (those are at least minAge old), the last a little over
// five hours ago.
func recentAge(i int) time.Duration {
	return 45*time.Second + time.Duration(i)*23*time.Minute
}

// moveDemo is the one place demo timestamps change: each untouched demo
// fixture is shifted as a whole (session and contact times alike, so their
// order and spacing stay) to end recentAge ago. Only the quoted time values
// are replaced, so the body keeps its layout, keys and every other byte.
func moveDemo(sessions map[string][]byte, now time.Time) {
	for i, d := range Demo() {
		body, ok := sessions[d.ID]
		fixture, _ := Fixture(d.ID)
		if !ok || !bytes.Equal(body, fixture) {
			continue // replaced by WithSession: not ours to move
		}
		sessions[d.ID] = shiftTimes(body, now.Add(-recentAge(i)))
	}
}

// shiftTimes moves the session's and its contact's created_at and
// updated_at by the same amount, so that updated_at becomes updated.
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
