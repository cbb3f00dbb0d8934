package detail

import (
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/resolve/lookup"
	"github.com/opencx-tools/cxi/api/store"
)

// Msg is every message the pane's commands produce; the root forwards each
// to Update without looking inside.
type Msg interface{ detailMsg() }

// Request identifies one lookup. An answer carries the request it answers,
// and the pane drops any whose request is no longer current: a late answer
// for an older ID must never overwrite the view.
type Request struct {
	Seq   int
	ID    string
	Quiet bool // the pane already shows this session (from the queue): refresh it without a spinner or an error panel
}

// LoadedMsg carries a fetched session.
type LoadedMsg struct {
	Req     Request
	Session *api.Session
	At      time.Time
	Offline bool // the API could not be reached: this is the store's copy, as fetched At
}

// FailedMsg carries why a fetch failed.
type FailedMsg struct {
	Req       Request
	Err       error
	NotCached bool // the API could not be reached, and the store never held the session
}

// PrefetchedMsg carries a neighbour fetched ahead of n/p; a failed
// prefetch (nil Session) is dropped silently: the queue's copy stands.
type PrefetchedMsg struct {
	ID      string
	Session *api.Session
	At      time.Time
	Seq     int // which prefetch of ID this answers: an older one's answer must not end a newer one
}

// RetryDueMsg says a rate-limited lookup's Retry-After time has passed.
type RetryDueMsg struct{ Seq int }

// SearchedMsg carries what a search for text that is not a session ID
// found: the queue's, the store's and the API's answers merged.
type SearchedMsg struct {
	Seq    int
	Result *lookup.Result
	Err    error
}

// ChosenMsg is a session picked from a search's matches. Kept is set when
// the match came from the local store: then the session is as fetched
// that day, not the API's answer of a moment ago.
type ChosenMsg struct {
	Session api.Session
	Kept    *store.Found
}

func (LoadedMsg) detailMsg()     {}
func (FailedMsg) detailMsg()     {}
func (PrefetchedMsg) detailMsg() {}
func (RetryDueMsg) detailMsg()   {}
func (SearchedMsg) detailMsg()   {}
func (ChosenMsg) detailMsg()     {}
