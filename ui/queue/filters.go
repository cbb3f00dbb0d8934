package queue

import (
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// Filters are the server-side filters of the queue, each changed by one key.
type Filters struct {
	Status    api.Status      // "" = any
	HandedOff bool            // only sessions handed off to a human
	Channel   api.ChannelType // "" = any
	Window    time.Duration   // only sessions updated within this window; 0 = any
}

// statusCycle and windowCycle are the values one key steps through.
var (
	statusCycle = []api.Status{"", api.StatusOpen, api.StatusClosedUnresolved, api.StatusClosedResolved}
	windowCycle = []time.Duration{0, time.Hour, 24 * time.Hour, 7 * 24 * time.Hour, 30 * 24 * time.Hour}
)

// NextStatus steps to the next status filter.
func (f Filters) NextStatus() Filters { f.Status = next(statusCycle, f.Status); return f }

// NextChannel steps through "any" and every channel the contract lists.
func (f Filters) NextChannel() Filters {
	f.Channel = next(append([]api.ChannelType{""}, api.Channels()...), f.Channel)
	return f
}

// NextWindow steps through the date windows.
func (f Filters) NextWindow() Filters { f.Window = next(windowCycle, f.Window); return f }

// ToggleHandedOff flips "handed off only".
func (f Filters) ToggleHandedOff() Filters { f.HandedOff = !f.HandedOff; return f }

func next[T comparable](cycle []T, cur T) T {
	for i, v := range cycle {
		if v == cur {
			return cycle[(i+1)%len(cycle)]
		}
	}
	return cycle[0]
}

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
