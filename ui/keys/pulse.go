package keys

import "github.com/charmbracelet/bubbles/key"

// Pulse is the pulse view's keys: scrolling, the period picker and the
// breakdown's grouping (the queue's window and team keys, which mean the
// same there), refreshing, and closing (esc, or the key that opened it).
type Pulse struct {
	Scroll                 Scroll
	Period, Group, Refresh key.Binding
	Close, Toggle          key.Binding
}

// ForPulse is the pulse view's keys.
func (k Map) ForPulse() Pulse {
	return Pulse{
		Scroll:  k.ForScroll(),
		Period:  As(k.Window, "period"),
		Group:   As(k.Team, "SLA by team/channel"),
		Refresh: k.Refresh,
		Close:   As(k.Back, "back"),
		Toggle:  k.Pulse,
	}
}
