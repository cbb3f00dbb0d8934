package render

import (
	"strconv"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
)

// Status is a session status in the words cxi uses everywhere a person
// reads it (the queue, the filter bar, the panes, the "since you last
// looked" lines, the handover, cxi log, the commands' result lines):
// "open", "unresolved", "resolved", change.StatusWord's, sanitized. A value
// the contract does not list yet is shown as sent. JSON output keeps the
// API's words; this is only for reading.
func Status(s api.Status) string { return Or(change.StatusWord(s)) }

// statusField is the name the store gives a status in a field change
// (store.FieldStatus).
const statusField = "status"

// FieldChange is a kept field's change as a person reads it, sanitized:
// "open → resolved" for the status, in Status's words, and any other
// field's values as kept ("neutral → angry").
func FieldChange(field, before, after string) string {
	if field == statusField {
		return Status(api.Status(before)) + " → " + Status(api.Status(after))
	}
	return Or(before) + " → " + Or(after)
}

// Duration is d the way a person writes it, as the config file and the
// command line take it: "30s", "1m", "1h30m", "24h", "7d". Whole days
// read as days from two days up, so 24h stays "24h" and 168h is "7d";
// time.Duration's own "1m0s" and "24h0m0s" are not how anyone wrote them.
func Duration(d time.Duration) string {
	const day = 24 * time.Hour
	switch {
	case d <= 0:
		return "0s"
	case d%time.Second != 0:
		return d.String() // sub-second: nothing reads better than Go's form
	case d > day && d%day == 0:
		return strconv.FormatInt(int64(d/day), 10) + "d"
	}
	var b strings.Builder
	for _, u := range []struct {
		unit time.Duration
		name string
	}{{time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := d / u.unit; n > 0 {
			b.WriteString(strconv.FormatInt(int64(n), 10) + u.name)
			d -= n * u.unit
		}
	}
	return b.String()
}
