// Package filter holds the queue's filters on the data side, so that the
// three forms they take are built from the same values in one place: the
// list call's parameters (Params), the local store's query for the rows
// kept from before (Query, built from Params), and the judgement of one
// session an incremental refresh brought whatever the filters (Match).
// The queue, the config file and the settings share the type; none of
// them needs the queue's view to reach it.
package filter

import (
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
)

// Filters are the server-side filters of the queue: status, handed off
// only, channel, and updated within a window. (The team filter is local,
// and the queue's own.)
type Filters struct {
	Status    api.Status      // "" = any
	HandedOff bool            // only sessions handed off to a human
	Channel   api.ChannelType // "" = any
	Window    time.Duration   // only sessions updated within this window; 0 = any
}

// SyncKey names the queue's list sync in the store: an incremental
// refresh asks for every session updated since, whatever the filters, and
// filters with Match, so one sync serves every filter.
const SyncKey = "queue"

// Statuses are the values the status picker offers, "any" first: the
// statuses the contract lists.
func Statuses() []api.Status {
	return []api.Status{"", api.StatusOpen, api.StatusClosedUnresolved, api.StatusClosedResolved}
}

// Windows are the updated-within windows the picker and the config file
// offer, "any time" first.
func Windows() []time.Duration {
	return []time.Duration{0, time.Hour, 24 * time.Hour, 7 * 24 * time.Hour, 30 * 24 * time.Hour}
}

// ToggleHandedOff flips "handed off only".
func (f Filters) ToggleHandedOff() Filters { f.HandedOff = !f.HandedOff; return f }

// Params are the list call's parameters for the filters at time now.
func (f Filters) Params(now time.Time) api.ListParams {
	p := api.ListParams{Status: f.Status, ChannelType: f.Channel}
	if f.HandedOff {
		yes := true
		p.HandedOff = &yes
	}
	if f.Window > 0 {
		p.UpdatedAfter = now.Add(-f.Window)
	}
	return p
}

// Query asks the local store for the sessions the list call would answer
// at time now, at most limit of them (0: all): built from Params, so the
// two cannot disagree about a value.
func (f Filters) Query(now time.Time, limit int) store.Query {
	p := f.Params(now)
	return store.Query{Status: p.Status, HandedOff: p.HandedOff != nil && *p.HandedOff, Channel: p.ChannelType, UpdatedAfter: p.UpdatedAfter, Limit: limit}
}

// Match reports whether s passes the filters as the list call would judge
// it at time now (from Params too): for the sessions an incremental
// refresh brings whatever the filters.
func (f Filters) Match(s *api.Session, now time.Time) bool {
	p := f.Params(now)
	switch {
	case p.Status != "" && s.Status != p.Status,
		p.HandedOff != nil && *p.HandedOff && !s.HandedOff(),
		p.ChannelType != "" && s.Channel.Type != p.ChannelType,
		!p.UpdatedAfter.IsZero() && s.UpdatedAt.Time.Before(p.UpdatedAfter):
		return false
	}
	return true
}
