package filter

import "strings"

// View is everything a saved view sets on the queue: the server-side
// filters, the ordering, and the local filters (team, text, changed &
// new). The config file's [[views]], the tabs above the queue and the
// queue itself share it, so that "the view's filters differ from what is
// saved" is one comparison.
type View struct {
	Filters   Filters
	Attention bool   // the needs-attention ordering
	Team      string // the local team filter: a team's name as shown; "" for any
	Text      string // the local text filter, as typed; "" for none
	Changed   bool   // changed & new sessions only
}

// Same reports whether v and w set the same: a team's name and the text
// compare without case or surrounding space, as the filters apply them.
func (v View) Same(w View) bool {
	return v.Filters == w.Filters && v.Attention == w.Attention && v.Changed == w.Changed &&
		strings.EqualFold(strings.TrimSpace(v.Team), strings.TrimSpace(w.Team)) &&
		strings.EqualFold(strings.TrimSpace(v.Text), strings.TrimSpace(w.Text))
}
