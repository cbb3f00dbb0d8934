package api

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// weekdayNames are the day words of day_of_week, Sunday first as
// time.Weekday counts.
var weekdayNames = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// Days reads day_of_week: a day ("monday"), a range ("monday_to_friday",
// which may wrap: "friday_to_monday"), or "everyday". The reference shows
// only examples of these, so anything else is an error that says so.
func (s Shift) Days() ([]time.Weekday, error) {
	w := strings.ToLower(strings.TrimSpace(s.DayOfWeek))
	if w == "everyday" || w == "every_day" || w == "daily" {
		return []time.Weekday{0, 1, 2, 3, 4, 5, 6}, nil
	}
	from, to, isRange := strings.Cut(w, "_to_")
	a := slices.Index(weekdayNames, from)
	b := a
	if isRange {
		b = slices.Index(weekdayNames, to)
	}
	if a < 0 || b < 0 {
		return nil, fmt.Errorf("day_of_week %q is not a day, a range of days (monday_to_friday) or everyday", s.DayOfWeek)
	}
	var out []time.Weekday
	for d := a; ; d = (d + 1) % 7 {
		out = append(out, time.Weekday(d))
		if d == b {
			return out, nil
		}
	}
}

// clock reads "09:00", "09:00:00" or "24:00" as the time since midnight.
func clock(s string) (time.Duration, error) {
	var h, m, sec int
	n, _ := fmt.Sscanf(s, "%d:%d:%d", &h, &m, &sec)
	if n < 2 || h < 0 || h > 24 || m < 0 || m > 59 || sec < 0 || sec > 59 || h == 24 && m+sec > 0 {
		return 0, fmt.Errorf("%q is not a time of day (HH:MM or HH:MM:SS)", s)
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second, nil
}

// maxOpenDays bounds how far OpenBetween walks: a handoff waiting longer
// than a year needs no more precise figure.
const maxOpenDays = 400

// OpenBetween is how much of the time from from to to falls within the
// schedule's shifts, in its time zone: the clock of "no human reply in N
// office hours". A shift that ends at or before it starts runs past
// midnight. It fails, naming the field, on a time zone Go does not know or
// a shift it cannot read, so that a lint never counts with a schedule it
// misread.
func (o OfficeHours) OpenBetween(from, to time.Time) (time.Duration, error) {
	loc, err := time.LoadLocation(o.Timezone)
	if err != nil || o.Timezone == "" || strings.EqualFold(o.Timezone, "local") {
		return 0, fmt.Errorf("office hours %q: iana_timezone %q is not a time zone name", o.Name, o.Timezone)
	}
	type span struct{ start, end time.Time }
	var open []span
	if !to.After(from) {
		return 0, nil
	}
	first := from.In(loc).AddDate(0, 0, -1)
	day := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, loc)
	for i := 0; i <= maxOpenDays && day.Before(to); i, day = i+1, day.AddDate(0, 0, 1) {
		for j, sh := range o.Shifts {
			days, err := sh.Days()
			if err != nil {
				return 0, fmt.Errorf("office hours %q, shift %d: %w", o.Name, j, err)
			}
			if !slices.Contains(days, day.Weekday()) {
				continue
			}
			start, err := clock(sh.StartTime)
			if err != nil {
				return 0, fmt.Errorf("office hours %q, shift %d: start_time %w", o.Name, j, err)
			}
			end, err := clock(sh.EndTime)
			if err != nil {
				return 0, fmt.Errorf("office hours %q, shift %d: end_time %w", o.Name, j, err)
			}
			s := wallClock(day, start, loc)
			e := wallClock(day, end, loc)
			if end <= start {
				e = wallClock(day.AddDate(0, 0, 1), end, loc)
			}
			s, e = later(s, from), earlier(e, to)
			if e.After(s) {
				open = append(open, span{s, e})
			}
		}
	}
	// Shifts may overlap: count each moment once.
	slices.SortFunc(open, func(a, b span) int { return a.start.Compare(b.start) })
	var total time.Duration
	var cur span
	for i, sp := range open {
		switch {
		case i == 0:
			cur = sp
		case !sp.start.After(cur.end):
			cur.end = later(cur.end, sp.end)
		default:
			total += cur.end.Sub(cur.start)
			cur = sp
		}
	}
	if len(open) > 0 {
		total += cur.end.Sub(cur.start)
	}
	return total, nil
}

// wallClock is the moment the clocks of loc show d after the midnight of
// day: across a DST change, 09:00 is still 09:00.
func wallClock(day time.Time, d time.Duration, loc *time.Location) time.Time {
	secs := int(d / time.Second)
	return time.Date(day.Year(), day.Month(), day.Day(), secs/3600, secs%3600/60, secs%60, 0, loc)
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
