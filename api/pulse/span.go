package pulse

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// Span is how far back the pulse looks: a number of whole days, or Today
// (0), since local midnight. The picker offers Spans; --since takes any.
type Span int

// The spans the picker steps through.
const (
	Today Span = 0
	Week  Span = 7
	Month Span = 30
)

// MaxSpan is the longest span --since takes: the handoff overview is the
// dashboard's, whose longest preset is a quarter.
const MaxSpan Span = 90

// Spans are the picker's spans, in order.
func Spans() []Span { return []Span{Today, Week, Month} }

// Next is the picker's next span after s, round.
func (s Span) Next() Span {
	all := Spans()
	for i, x := range all {
		if x == s {
			return all[(i+1)%len(all)]
		}
	}
	return all[0]
}

// Label names s: "today", "7 days", "1 day".
func (s Span) Label() string {
	switch {
	case s == Today:
		return "today"
	case s == 1:
		return "1 day"
	}
	return strconv.Itoa(int(s)) + " days"
}

// Period is s as the API's date range ending at now; today starts at
// midnight in now's location, the user's day rather than UTC's.
func (s Span) Period(now time.Time) api.Period {
	if s == Today {
		y, m, d := now.Date()
		return api.Period{Start: time.Date(y, m, d, 0, 0, 0, 0, now.Location()), End: now}
	}
	return api.LastDays(now, int(s))
}

// ParseSpan reads --since: "today", or a whole number of days ("7d", "30d",
// "7"), or weeks ("2w"), from 1 day to MaxSpan. The handoff overview is
// counted in days, so hours are refused rather than rounded.
func ParseSpan(text string) (Span, error) {
	s := strings.ToLower(strings.TrimSpace(text))
	if s == "today" {
		return Today, nil
	}
	unit := 1
	switch {
	case strings.HasSuffix(s, "d"):
		s = s[:len(s)-1]
	case strings.HasSuffix(s, "w"):
		s, unit = s[:len(s)-1], 7
	}
	n, err := strconv.Atoi(s)
	if err != nil || strings.HasPrefix(s, "+") {
		return 0, fmt.Errorf("%q is not a span: want today, or days such as 7d or 30d, or weeks such as 2w", text)
	}
	if n < 1 || n > int(MaxSpan)/unit {
		return 0, fmt.Errorf("%q is out of range: want 1d to %dd", text, int(MaxSpan))
	}
	return Span(n * unit), nil
}
