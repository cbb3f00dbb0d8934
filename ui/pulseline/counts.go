package pulseline

import (
	"iter"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
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

// Count counts the loaded sessions' facts as of now. A session's start is
// its created_at; one without a readable one is not "today".
func Count(facts iter.Seq[common.Fact], now time.Time) Counts {
	y, mo, d := now.Date()
	midnight := time.Date(y, mo, d, 0, 0, 0, 0, now.Location())
	var c Counts
	for f := range facts {
		c.Sessions++
		if f.HandedOff && f.Status == api.StatusOpen {
			c.OpenHandoffs++
			if !f.Created.IsZero() && (c.Oldest.IsZero() || f.Created.Before(c.Oldest)) {
				c.Oldest = f.Created
			}
		}
		if f.Created.IsZero() || f.Created.Before(midnight) {
			continue
		}
		c.Today++
		if f.Angry {
			c.TodayAngry++
		}
		if f.HandedOff {
			c.TodayHandoffs++
		}
	}
	return c
}

// FactsOf are the facts of sessions already decoded, as the queue gives
// them of its rows.
func FactsOf(sessions []api.Session) iter.Seq[common.Fact] {
	return func(yield func(common.Fact) bool) {
		for i := range sessions {
			s := &sessions[i]
			f := common.Fact{Status: s.Status, HandedOff: s.HandedOff(), Angry: s.Sentiment != nil && *s.Sentiment == api.SentimentAngry}
			if s.CreatedAt.Valid() {
				f.Created = s.CreatedAt.Time
			}
			if !yield(f) {
				return
			}
		}
	}
}
