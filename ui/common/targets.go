package common

import (
	"slices"

	"github.com/opencx-tools/cxi/api"
)

// TargetSource is the sessions an action acts on, in order, as their
// holder keeps them. The queue keeps a month of sessions packed: an ID and
// a status cost nothing to read, a whole session is a decode (tens of
// microseconds), so an action reads the first two in Update and decodes
// each session only in the command that acts on it. Every method may be
// called from a command's goroutine: a source is never changed once made.
type TargetSource interface {
	Len() int
	ID(i int) string
	Status(i int) api.Status   // as the holder has it, without decoding the session
	Session(i int) api.Session // the whole session, decoded now
}

// Targets is what an action on several sessions acts on (the queue's
// selection, or the one session in view), with its count by status worked
// out once: the status menu and its confirmation say them on every frame.
// The zero value is no session.
type Targets struct {
	src      TargetSource
	byStatus []statusCount
}

// statusCount is how many targets are in a status.
type statusCount struct {
	status api.Status
	n      int
}

// NewTargets counts src's sessions by status, reading each status once
// (no session is decoded). A handful of statuses, compared in a short
// list: hashing each of a month's statuses into a map was most of S's
// cost in Update.
func NewTargets(src TargetSource) Targets {
	t := Targets{src: src}
	last := -1
	for i := range src.Len() {
		st := src.Status(i)
		if last < 0 || t.byStatus[last].status != st {
			last = slices.IndexFunc(t.byStatus, func(c statusCount) bool { return c.status == st })
			if last < 0 {
				t.byStatus = append(t.byStatus, statusCount{status: st})
				last = len(t.byStatus) - 1
			}
		}
		t.byStatus[last].n++
	}
	return t
}

// SessionTargets is sessions already decoded as Targets: the session in
// the pane, the failures of a batch, a test's.
func SessionTargets(sessions ...api.Session) Targets {
	return NewTargets(sessionList(sessions))
}

// Len is how many sessions there are.
func (t Targets) Len() int {
	if t.src == nil {
		return 0
	}
	return t.src.Len()
}

// ID is the i-th session's ID.
func (t Targets) ID(i int) string { return t.src.ID(i) }

// Status is the i-th session's status, as its holder has it.
func (t Targets) Status(i int) api.Status { return t.src.Status(i) }

// Session decodes the i-th session: in a command, or for the few a screen
// shows.
func (t Targets) Session(i int) api.Session { return t.src.Session(i) }

// In counts the sessions in status s.
func (t Targets) In(s api.Status) int {
	for _, c := range t.byStatus {
		if c.status == s {
			return c.n
		}
	}
	return 0
}

// First decodes at most n sessions from the start, for what a screen
// shows of them (the helpdesks a confirmation names, a command's preview).
func (t Targets) First(n int) []api.Session {
	if n <= 0 || t.Len() == 0 {
		return nil
	}
	out := make([]api.Session, min(n, t.Len()))
	for i := range out {
		out[i] = t.Session(i)
	}
	return out
}

// sessionList is sessions held decoded already.
type sessionList []api.Session

func (l sessionList) Len() int                  { return len(l) }
func (l sessionList) ID(i int) string           { return l[i].ID }
func (l sessionList) Status(i int) api.Status   { return l[i].Status }
func (l sessionList) Session(i int) api.Session { return l[i] }
