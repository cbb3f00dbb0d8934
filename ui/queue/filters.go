package queue

import (
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// Filters are the server-side filters of the queue: handed-off-only on
// one key, the others picked from a filter picker. (The team filter is
// local, and kept apart: see teamFilter.)
type Filters struct {
	Status    api.Status      // "" = any
	HandedOff bool            // only sessions handed off to a human
	Channel   api.ChannelType // "" = any
	Window    time.Duration   // only sessions updated within this window; 0 = any
}

// The values the status and window pickers offer, "any" first: the
// statuses the contract lists, and the config file's windows.
func statusValues() []api.Status {
	return []api.Status{"", api.StatusOpen, api.StatusClosedUnresolved, api.StatusClosedResolved}
}

func windowValues() []time.Duration {
	return []time.Duration{0, time.Hour, 24 * time.Hour, 7 * 24 * time.Hour, 30 * 24 * time.Hour}
}

// ToggleHandedOff flips "handed off only".
func (f Filters) ToggleHandedOff() Filters { f.HandedOff = !f.HandedOff; return f }

// Params turns the filters into the list call's parameters at time now.
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

// windowName is the updated-within filter as the config file writes it:
// "last 24h", "last 7d".
func windowName(d time.Duration) string {
	if d == 0 {
		return "any time"
	}
	return "last " + render.Duration(d)
}

// Match reports whether s passes the filters, as the list endpoint would
// judge it at time now: for sessions that an incremental refresh brings
// whatever the filters.
func (f Filters) Match(s *api.Session, now time.Time) bool {
	switch {
	case f.Status != "" && s.Status != f.Status,
		f.HandedOff && !s.HandedOff(),
		f.Channel != "" && s.Channel.Type != f.Channel,
		f.Window > 0 && s.UpdatedAt.Time.Before(now.Add(-f.Window)):
		return false
	}
	return true
}
