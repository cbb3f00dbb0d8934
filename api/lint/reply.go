package lint

import (
	"fmt"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// humanSenders are the history's sender types that are a person of the
// organization. The contract publishes no set of values (its example is
// "contact"); the demo and the reference pages say "agent".
var humanSenders = []string{"agent", "human", "operator"}

// noReply: a handoff waits for a human; the kept transcript says how long
// it has waited, from the handoff event to the first human message (or to
// now, or to the close). With a schedule, only office hours count. With
// no transcript, or one not read to its end without a reply in it, the
// rule cannot know and says nothing.
func noReply(in Input, t Thresholds) (string, bool) {
	s := in.Session
	if !s.HandedOff() || in.Transcript == nil || t.NoReplyAfter <= 0 {
		return "", false
	}
	at, after := handoffIn(in.Transcript)
	if at.IsZero() {
		at = in.HandedOffAt
	}
	if at.IsZero() {
		return "", false
	}
	for _, e := range after {
		if e.Type == "message" && isHuman(e.SenderType) {
			return "", false
		}
	}
	if !in.TranscriptComplete {
		return "", false
	}
	end, open := in.Now, s.Status == api.StatusOpen
	if !open {
		if !s.UpdatedAt.Valid() {
			return "", false
		}
		end = s.UpdatedAt.Time
	}
	wall := end.Sub(at)
	waited, clock := wall, ""
	if t.OfficeHours && in.Schedule != nil {
		if d, err := in.Schedule.OpenBetween(at, end); err == nil {
			waited, clock = d, " in office hours"
		} else {
			clock = " (wall clock: the office hours could not be read)"
		}
	}
	if waited < t.NoReplyAfter {
		return "", false
	}
	var says string
	if open {
		says = fmt.Sprintf("handed off %s ago, no human reply", span(wall))
	} else {
		says = fmt.Sprintf("handed off, closed %s later with no human reply", span(wall))
	}
	switch {
	case clock == " in office hours":
		says += fmt.Sprintf(" (%s in office hours)", hours(waited))
	case clock != "":
		says += clock
	}
	return says, true
}

// handoffIn finds the last handoff event of a transcript (oldest first)
// with a time, and the events after it.
func handoffIn(events []api.Event) (time.Time, []api.Event) {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Type == "handoff" && events[i].CreatedAt.Valid() {
			return events[i].CreatedAt.Time, events[i+1:]
		}
	}
	return time.Time{}, nil
}

func isHuman(sender string) bool {
	for _, h := range humanSenders {
		if strings.EqualFold(sender, h) {
			return true
		}
	}
	return false
}

// span is a duration in its largest whole unit ("45m", "5h", "3d"), as a
// flag says it. ui/render has the same for the screen, but the data side
// does not import the UI.
func span(d time.Duration) string {
	const day = 24 * time.Hour
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%dm", max(d, 0)/time.Minute)
	case d < 2*day:
		return fmt.Sprintf("%dh", d/time.Hour)
	}
	return fmt.Sprintf("%dd", d/day)
}

// hours is office time in hours ("64h", "45m"): days of office hours are
// not days of the clock, so they are never written as days.
func hours(d time.Duration) string {
	if d < time.Hour {
		return span(d)
	}
	return fmt.Sprintf("%dh", d/time.Hour)
}
