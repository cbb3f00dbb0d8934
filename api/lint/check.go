package lint

import (
	"time"

	"github.com/opencx-tools/cxi/api"
)

// Input is everything the rules read about one session. Only Session is
// required; each other field is what cxi keeps or knows, and nil (or
// false) means "not known", never "none".
type Input struct {
	Session *api.Session
	// Transcript is the kept history, oldest first; TranscriptComplete
	// says it was read to its end, so that a reply not in it was not sent
	// (as far as cxi saw). nil when nothing is kept.
	Transcript         []api.Event
	TranscriptComplete bool
	// Rating is the customer's kept score; nil when none is kept or the
	// customer gave none.
	Rating *float64
	// HandedOffAt is when the handoff happened as the handoff events say
	// (the store's HandoffWhy.At); zero when not known. The transcript's
	// handoff event is used first.
	HandedOffAt time.Time
	// Schedule is the organization's office hours, nil when unknown.
	Schedule *api.OfficeHours
	// Others are other sessions cxi knows of (the list, the store); the
	// rule keeps those of the same contact itself.
	Others []api.Session
	Now    time.Time
}

// Flag is one rule a session trips, and what it saw, in words.
type Flag struct {
	Rule Rule   `json:"rule"`
	Says string `json:"says"`
}

// check is one rule: what it says when tripped, and whether it is.
type check func(in Input, t Thresholds) (string, bool)

var checks = map[Rule]check{
	NoTicket:        noTicket,
	AssumedAngry:    assumedAngry,
	ResolvedUnhappy: resolvedUnhappy,
	NoReply:         noReply,
	BackSoon:        backSoon,
}

// Check runs every rule t leaves on over in, in Rules order. A nil
// session trips nothing.
func Check(in Input, t Thresholds) []Flag {
	if in.Session == nil {
		return nil
	}
	var out []Flag
	for _, r := range allRules {
		if !t.On(r) {
			continue
		}
		if says, ok := checks[r](in, t); ok {
			out = append(out, Flag{Rule: r, Says: says})
		}
	}
	return out
}

// Has reports whether flags holds rule r.
func Has(flags []Flag, r Rule) bool {
	for _, f := range flags {
		if f.Rule == r {
			return true
		}
	}
	return false
}
