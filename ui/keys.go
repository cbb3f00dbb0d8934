package ui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	"github.com/opencx-tools/cxi/ui/detail"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/overlay/fullhelp"
	"github.com/opencx-tools/cxi/ui/queue"
	"github.com/opencx-tools/cxi/ui/transcript"
)

// viewHelp is the one-line help of one view, most useful keys first, with
// ? and q early so that a narrow terminal never hides them.
func viewHelp(k keys.Map, v view) []key.Binding {
	switch v {
	case viewDetail:
		return []key.Binding{k.Next, k.Prev, k.Help, k.Quit, k.Transcript, k.CopyExternalID, k.CopyMenu, k.Back, k.RawJSON, k.OpenBrowser, k.Refresh, k.FocusInput}
	case viewTranscript:
		search := keys.As(k.FocusInput, "search")
		return []key.Binding{search, k.Next, k.Prev, k.Back, k.Help, k.Quit, k.Down, k.Bottom, k.RawJSON, k.Refresh}
	}
	return []key.Binding{k.Lookup, k.Help, k.Quit, k.FocusInput, k.Attention, k.HandedOff, k.Status, k.CopyExternalID, k.CopyMenu, k.AutoRefresh}
}

// fullHelp is every binding, grouped in columns, for `?`. Disabled
// bindings (another view's keys) are left out by the help model.
func fullHelp(k keys.Map) [][]key.Binding {
	return [][]key.Binding{
		{k.Lookup, k.FocusInput, k.SwitchFocus, k.Back, k.Next, k.Prev, k.Transcript, k.RawJSON, k.Review, k.NextToReview, k.Note, k.Help, k.Quit, k.ForceQuit},
		{k.CopyExternalID, k.CopySessionID, k.CopyMenu, k.OpenBrowser, k.Refresh, k.AutoRefresh, k.SetStatus, k.Undo, k.Redact, k.Commands, k.CommandLine, k.Pulse, k.PulseLine, k.NewestMatch},
		{k.Status, k.HandedOff, k.Channel, k.Window, k.Team, k.Flagged, k.Changed, k.Attention, k.Select, k.SelectRange, k.SelectAll, k.ResetFilters, k.Preview, k.NextView, k.PrevView, k.SaveView},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown, k.Top, k.Bottom},
	}
}

// helpSections is the full help of view v: the keys of v first, most
// useful first (its one-line help, without ? and q, which act everywhere),
// then every other key, columns as fullHelp groups them. Disabled bindings
// (another view's keys) are left out by the overlay.
func helpSections(k keys.Map, v view) []fullhelp.Section {
	var own []key.Binding
	for _, b := range viewHelp(k, v) {
		if !sameKeys(b, k.Help) && !sameKeys(b, k.Quit) {
			own = append(own, b)
		}
	}
	// Then the keys that act in this view alone (the queue's filters and
	// selection), as the views themselves say: they are this view's too.
	for _, col := range fullHelp(k) {
		for _, b := range col {
			if onlyIn(k, v, b) && !slices.ContainsFunc(own, func(o key.Binding) bool { return sameKeys(o, b) }) {
				own = append(own, b)
			}
		}
	}
	var rest [][]key.Binding
	for _, col := range fullHelp(k) {
		var left []key.Binding
		for _, b := range col {
			if !slices.ContainsFunc(own, func(o key.Binding) bool { return sameKeys(o, b) }) {
				left = append(left, b)
			}
		}
		rest = append(rest, left)
	}
	return []fullhelp.Section{
		{Title: "In the " + viewNames[v], Columns: slices.Collect(slices.Chunk(own, helpColumn))},
		{Title: "Everywhere else", Columns: rest},
	}
}

// onlyIn reports whether b acts in view v and in no other, as KeysByView
// has each view turn the keys on.
func onlyIn(k keys.Map, v view, b key.Binding) bool {
	here := false
	for i, vk := range KeysByView(k) {
		on := slices.ContainsFunc(vk.Keys.ViewKeys(), func(o *key.Binding) bool { return o.Enabled() && sameKeys(*o, b) })
		switch {
		case i == int(v):
			here = on
		case on:
			return false
		}
	}
	return here
}

// helpColumn is how many of a view's own keys one column of the full help
// holds: short enough for two columns' worth to fit one 80×24 screen.
const helpColumn = 6

// viewNames name the views in the full help's first title and the header.
var viewNames = [...]string{viewQueue: "queue", viewDetail: "session", viewTranscript: "transcript"}

// sameKeys reports whether a and b are bound to the same keys: the one
// binding, perhaps described for a view in other words.
func sameKeys(a, b key.Binding) bool { return slices.Equal(a.Keys(), b.Keys()) }

// ViewKeys is the key map as one view turns it on with a session in it,
// and the view's own key set: where each key acts, for `cxi help keys`.
type ViewKeys struct {
	Name string
	Keys keys.Map
	Own  any // the view's key set (keys.Queue, keys.Detail, keys.Transcript)
}

// KeysByView is k as the queue, the detail pane and the transcript each
// turn it on with a session in them, taken from the views themselves.
func KeysByView(k keys.Map) []ViewKeys {
	in := func(enable func(*keys.Map)) keys.Map {
		v := k
		keys.Turn(false, v.ViewKeys()...)
		enable(&v)
		return v
	}
	return []ViewKeys{
		{"queue", in(func(v *keys.Map) { queue.EnableKeys(v, true, false) }), k.ForQueue()},
		{"detail", in(func(v *keys.Map) { detail.EnableKeys(v, true, true) }), k.ForDetail()},
		{"transcript", in(func(v *keys.Map) { transcript.EnableKeys(v, true) }), k.ForTranscript()},
	}
}
