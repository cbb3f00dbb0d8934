package ui

import (
	"time"

	"github.com/opencx-tools/cxi/api"
)

// request identifies one lookup. A response carries the request it answers,
// and the model drops any whose request is no longer current: a late answer
// for an older ID must never overwrite the view.
type request struct {
	seq   int
	id    string
	quiet bool // the pane already shows this session (from the queue): refresh it without a spinner or an error panel
}

// sessionLoadedMsg carries a fetched session.
type sessionLoadedMsg struct {
	req     request
	session *api.Session
	at      time.Time
}

// sessionFailedMsg carries why a fetch failed.
type sessionFailedMsg struct {
	req request
	err error
}

// sessionPrefetchedMsg carries a neighbour fetched ahead of n/p; a failed
// prefetch is dropped silently (the queue's copy is still shown).
type sessionPrefetchedMsg struct {
	id      string
	session *api.Session // nil when the prefetch failed
	at      time.Time
}

// noticeExpiredMsg clears the status line if it still shows notice seq.
type noticeExpiredMsg struct{ seq int }

// clockTickMsg refreshes relative ages ("3h ago") and countdowns.
type clockTickMsg struct{ now time.Time }

// autoRefreshMsg refreshes the queue if auto-refresh is still on with the
// same schedule (seq), so toggling never leaves two timers running.
type autoRefreshMsg struct{ seq int }

// retryDueMsg says a rate-limited lookup's Retry-After time has passed.
type retryDueMsg struct{ seq int }

// browserFailedMsg says the browser could not be started for url.
type browserFailedMsg struct {
	url string
	err error
}
