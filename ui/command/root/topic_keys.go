package root

import (
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/ui/config"
	"github.com/opencx-tools/cxi/ui/keys"
)

// keysTopic is `cxi help keys`: every binding of the default key map, by
// the action name [keys] remaps it with, from keys.Default() itself.
func keysTopic() string {
	var b strings.Builder
	b.WriteString(`Keys of the TUI

While the input has focus, every printable key types; the letter keys act
only when a view has focus. ? in the TUI shows the keys of the view in focus.
Each action below can be given other keys in config.toml's [keys] (cxi help
config): action = ["key", …] replaces its defaults, and the help shows them.

`)
	rows := config.Bindings(keys.Default())
	width := 0
	for _, r := range rows {
		width = max(width, len(r.Action))
	}
	for _, r := range rows {
		fmt.Fprintf(&b, "  %-*s  %-18s %s\n", width, r.Action, strings.Join(r.Keys, " "), r.Help)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
