package pulseline

import (
	"time"

	"github.com/opencx-tools/cxi/api"
)

// Counts are the pulse's figures that the loaded queue gives, counted once
// per load of the queue, never per frame.
type Counts struct {
	Sessions      int       // the sessions counted (the queue's loaded rows)
	Partial       bool      // the queue has more pages than it loaded: the counts are at least these
	OpenHandoffs  int       // handed off and still open
	Oldest        time.Time // the start of the oldest open handoff; zero when none
	Today         int       // sessions started today (local midnight on)
	TodayAngry    int       // of those, angry
	TodayHandoffs int       // of those, handed off
}

// Count counts sessions as of now. A session's start is its created_at;
// one without a readable one is not "today".
func Count(sessions []api.Session, now time.Time) Counts {
	y, mo, d := now.Date()
	midnight := time.Date(y, mo, d, 0, 0, 0, 0, now.Location())
	c := Counts{Sessions: len(sessions)}
	for i := range sessions {
		s := &sessions[i]
		handedOff := s.Handoff != nil
		if handedOff && s.Status == api.StatusOpen {
			c.OpenHandoffs++
			if at := s.CreatedAt.Time; s.CreatedAt.Valid() && (c.Oldest.IsZero() || at.Before(c.Oldest)) {
				c.Oldest = at
			}
		}
		if !s.CreatedAt.Valid() || s.CreatedAt.Time.Before(midnight) {
			continue
		}
		c.Today++
		if s.Sentiment != nil && *s.Sentiment == api.SentimentAngry {
			c.TodayAngry++
		}
		if handedOff {
			c.TodayHandoffs++
		}
	}
	return c
}
