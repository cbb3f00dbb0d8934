package lint

import "time"

// Thresholds are the rules' settings, the config's [lint] table.
type Thresholds struct {
	LowRating    float64       // low_rating: a rating at or below it is low
	NoReplyAfter time.Duration // no_reply_after: how long a handoff may wait for a human
	BackWithin   time.Duration // back_within: how soon a contact's return is flagged
	OfficeHours  bool          // office_hours: count NoReplyAfter in office hours when a schedule is known
	Off          []Rule        // off: rules not checked
}

// Defaults are the thresholds with no [lint] table: the ones the issue
// names (a rating of 2 or less out of 5, four hours, seven days).
func Defaults() Thresholds {
	return Thresholds{LowRating: 2, NoReplyAfter: 4 * time.Hour, BackWithin: 7 * 24 * time.Hour, OfficeHours: true}
}

// IsZero reports whether t is the zero Thresholds, which no config makes
// (a [lint] table starts from Defaults): what a caller given none has.
func (t Thresholds) IsZero() bool {
	return t.LowRating == 0 && t.NoReplyAfter == 0 && t.BackWithin == 0 && !t.OfficeHours && t.Off == nil
}

// On reports whether r is checked.
func (t Thresholds) On(r Rule) bool {
	for _, o := range t.Off {
		if o == r {
			return false
		}
	}
	return true
}
