package transcript

import "github.com/opencx-tools/cxi/api"

// overlap remembers the events loaded so far, so that a page which repeats
// some of them (pages that overlap, or a server going round in circles)
// adds each only once.
//
// Events with an ID are told apart by it. Events without one (the newer
// reference page shows none) are told apart by api.Event.Identity: time,
// type, sender and text. Two such events can be alike and still be two (a
// customer sending "ok" twice in the same second), so they are counted,
// not only marked: a page adds an event without ID only beyond as many as
// one page already held. The repeated ones are the first of a page (pages
// overlap at their edges), so the later ones are the ones added.
type overlap struct {
	ids    map[string]bool // IDs loaded
	counts map[string]int  // Identity of events without ID → most held by one page
}

// fresh returns the events of a page not loaded before, in order, and
// remembers them.
func (o *overlap) fresh(items []api.Event) []api.Event {
	if o.ids == nil {
		o.ids, o.counts = map[string]bool{}, map[string]int{}
	}
	inPage := map[string]int{}
	var out []api.Event
	for i := range items {
		e := &items[i]
		if e.HasID() {
			if !o.ids[e.ID] {
				o.ids[e.ID] = true
				out = append(out, *e)
			}
			continue
		}
		k := e.Identity()
		inPage[k]++
		if inPage[k] > o.counts[k] {
			out = append(out, *e)
		}
	}
	for k, n := range inPage {
		o.counts[k] = max(o.counts[k], n)
	}
	return out
}
