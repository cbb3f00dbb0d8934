package resolve

import "github.com/opencx-tools/cxi/api"

// Loaded is the sessions the caller already has (the TUI's queue),
// searched first and for free. A queue of 100,000 rows keeps its sessions
// packed, not decoded: Matching answers from what each row keeps for
// matching and decodes only the sessions that match.
type Loaded interface {
	// Len is how many sessions are loaded, for "searched 40 loaded sessions".
	Len() int
	// Matching is the loaded sessions q matches (Query.Matches), whole, in
	// their order.
	Matching(q Query) []api.Session
}

// Sessions is a Loaded of sessions already decoded.
type Sessions []api.Session

// Len is the number of sessions.
func (l Sessions) Len() int { return len(l) }

// Matching is the sessions q matches.
func (l Sessions) Matching(q Query) []api.Session {
	var out []api.Session
	for i := range l {
		if q.Matches(&l[i]) {
			out = append(out, l[i])
		}
	}
	return out
}
