package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/opencx-tools/cxi/ui/keys"
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
		{k.Status, k.HandedOff, k.Channel, k.Window, k.Team, k.Changed, k.Attention, k.Select},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown, k.Top, k.Bottom},
	}
}
