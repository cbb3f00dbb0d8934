package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/opencx-tools/cxi/ui/detail"
	"github.com/opencx-tools/cxi/ui/keys"
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
		return []key.Binding{k.Down, k.Back, k.Help, k.Quit, k.Bottom, k.Refresh}
	}
	return []key.Binding{k.Lookup, k.Help, k.Quit, k.FocusInput, k.Attention, k.HandedOff, k.Status, k.CopyExternalID, k.CopyMenu, k.AutoRefresh}
}

// fullHelp is every binding, grouped in columns, for `?`. Disabled
// bindings (another view's keys) are left out by the help model.
func fullHelp(k keys.Map) [][]key.Binding {
	return [][]key.Binding{
		{k.Lookup, k.FocusInput, k.SwitchFocus, k.Back, k.Next, k.Prev, k.Transcript, k.RawJSON, k.Review, k.NextToReview, k.Note, k.Help, k.Quit, k.ForceQuit},
		{k.CopyExternalID, k.CopySessionID, k.CopyMenu, k.OpenBrowser, k.Refresh, k.AutoRefresh, k.SetStatus, k.Undo, k.Redact},
		{k.Status, k.HandedOff, k.Channel, k.Window, k.Team, k.Changed, k.Attention, k.Select, k.SelectRange, k.SelectAll, k.ResetFilters, k.Preview},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown, k.Top, k.Bottom},
	}
}

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
