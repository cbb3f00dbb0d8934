package keys

import "github.com/charmbracelet/bubbles/key"

// CmdLine is the command line's keys. Every other key types: like the
// lookup bar, printable keys are text there whatever the config binds
// them to, so Older and Newer keep only the keys of Up and Down that do
// not type (↑ and ↓, not k and j).
type CmdLine struct {
	Run, Complete, CompleteBack, Older, Newer, Close key.Binding
}

// ForCmdLine is the command line's keys.
func (k Map) ForCmdLine() CmdLine {
	return CmdLine{
		Run:          As(k.Lookup, "run"),
		Complete:     bind("tab", "complete", "tab"),
		CompleteBack: bind("shift+tab", "previous match", "shift+tab"),
		Older:        untyped(k.Up, "older"),
		Newer:        untyped(k.Down, "newer"),
		Close:        As(k.Back, "cancel"),
	}
}

// untyped is b without the keys that type text, described as desc.
func untyped(b key.Binding, desc string) key.Binding {
	var ks []string
	for _, k := range b.Keys() {
		if len([]rune(k)) > 1 {
			ks = append(ks, k)
		}
	}
	return bind(Typed(b), desc, ks...)
}
