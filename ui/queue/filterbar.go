package queue

import (
	"strings"

	"github.com/opencx-tools/cxi/ui/render"
)

// barItem is one filter (or the ordering) in the filter bar.
type barItem struct {
	key, name, value string
	active           bool   // narrows the list: never left out of the bar
	flag             bool   // shown only when on, as "key value"
	least            string // the value as short as it may be cut at the edge ("" = the whole value)
}

// barItems are the filters with their keys, in the bar's order, the
// ordering last.
func (m Model) barItems() []barItem {
	f, k := m.filters, m.keys
	items := []barItem{
		{key: k.Status.Help().Key, name: "status", value: statusName(f.Status), active: f.Status != ""},
		{key: k.HandedOff.Help().Key, name: "handoff", value: map[bool]string{true: "handed off", false: "all"}[f.HandedOff], active: f.HandedOff},
		{key: k.Channel.Help().Key, name: "channel", value: channelName(f.Channel), active: f.Channel != ""},
		{key: k.Window.Help().Key, name: "updated", value: windowName(f.Window), active: f.Window != 0},
		{key: k.Team.Help().Key, name: "team", value: m.team.label(), active: m.team.on},
	}
	if m.reason.on {
		items = append(items, barItem{key: k.Reason.Help().Key, name: "because", value: m.reason.label(), active: true})
	}
	if m.changed {
		items = append(items, barItem{key: k.Changed.Help().Key, value: changedLabel, active: true, flag: true})
	}
	if m.flag.on {
		items = append(items, barItem{key: k.Flagged.Help().Key, name: "flag", value: m.flag.label(), active: true})
	}
	// The ordering is not a filter, but the bar is where its state shows;
	// it goes last, where a cut at the edge costs only its details.
	order := m.rankState()
	least, _, _ := strings.Cut(order, " · ")
	return append(items, barItem{key: k.Attention.Help().Key, name: "order", value: order, active: true, least: least})
}

// spareOrder is which inactive filters the bar leaves out first when it
// is short of room, once the words have gone ("s:any"): the least used
// first (the team filter is local, and the one least used). Indices into
// barItems.
var spareOrder = []int{4, 3, 2, 1, 0}

// filterBar shows each filter with its key, in as many lines as it takes
// (one, but on a narrow terminal with many filters on). Every filter in
// force is always there: when the line is too narrow the words go first
// ("status: open" becomes "s:open"), then the filters that are off, least
// used first; only then does the bar take a second line.
func (m Model) filterBar() []string {
	items := m.barItems()
	if m.bar.fits(items, m.width) {
		return m.bar.lines
	}
	return m.drawBar(items)
}

// drawBar lays out the filter bar's items: see filterBar.
func (m Model) drawBar(items []barItem) []string {
	shown := make([]bool, len(items))
	// Whole first, in the fewest words it takes; then cut at the edge,
	// which may cost the ordering its details but never a filter.
	for _, cut := range []bool{false, true} {
		for _, long := range []bool{true, false} {
			for i := range shown {
				shown[i] = true
			}
			if bar, ok := m.barLine(items, shown, long, cut); ok {
				return []string{bar}
			}
			for _, i := range spareOrder {
				if items[i].active || long {
					continue // the words go before any filter's key does
				}
				shown[i] = false
				if bar, ok := m.barLine(items, shown, long, cut); ok {
					return []string{bar}
				}
			}
		}
	}
	// The filters in force do not fit on one line: they wrap between
	// filters, never inside one; the ordering's details are what a cut
	// at the edge loses.
	var lines []string
	line := ""
	for i, it := range items {
		if !shown[i] {
			continue
		}
		cell := m.barCell(it, false)
		switch {
		case line == "":
			line = cell
		case render.Width(line+"  "+cell) <= m.width:
			line += "  " + cell
		default:
			lines = append(lines, render.FitWords(line, m.width))
			line = cell
		}
	}
	return append(lines, render.FitWords(line, m.width))
}

// barLine is the bar on one line: the items shown, long ("status: open")
// or short ("s:open"), and whether it fits the width once cut at the
// edge (when cut), which may cost an item only what it allows (the
// ordering's details, never a filter).
func (m Model) barLine(items []barItem, shown []bool, long, cut bool) (string, bool) {
	cells := make([]string, 0, len(items))
	least := make([]string, 0, len(items))
	for i, it := range items {
		if !shown[i] {
			continue
		}
		cells = append(cells, m.barCell(it, long))
		if cut && it.least != "" {
			it.value = it.least
		}
		least = append(least, m.barCell(it, long))
	}
	if render.Width(strings.Join(least, "  ")) > m.width {
		return "", false
	}
	return render.FitWords(strings.Join(cells, "  "), m.width), true
}

func (m Model) barCell(it barItem, long bool) string {
	t := m.theme
	switch {
	case it.flag:
		return t.Key.Render(it.key) + " " + t.Value.Render(it.value)
	case long:
		return t.Key.Render(it.key) + " " + t.Value.Render(it.name+": "+it.value)
	}
	return t.Key.Render(it.key) + t.Muted.Render(":") + t.Value.Render(it.value)
}
