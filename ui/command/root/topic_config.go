package root

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/keys"
)

// actionLine is a line of the example's list of actions:
// "#   name = [keys]   what it does".
var actionLine = regexp.MustCompile(`^#   ([a-z_]+)\s+= \[(?:"(?:[^"\\]|\\.)*"(?:, )?)*\]\s*(.*)$`)

// configTopic is `cxi help config`: the example config file, which the
// tests load and apply to the key map, with the default keys in its list
// of actions taken from keys.Default(), so that the list says what the
// program does whatever the file's comment says.
func configTopic() string {
	bound := map[string][]string{}
	for _, b := range config.Bindings(keys.Default()) {
		bound[b.Action] = b.Keys
	}
	lines := strings.Split(strings.TrimSuffix(config.Example, "\n"), "\n")
	for i, line := range lines {
		m := actionLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		ks, ok := bound[m[1]]
		if !ok {
			continue
		}
		quoted := make([]string, len(ks))
		for j, k := range ks {
			quoted[j] = fmt.Sprintf("%q", k)
		}
		lines[i] = strings.TrimRight(fmt.Sprintf("#   %-16s = %-22s %s", m[1], "["+strings.Join(quoted, ", ")+"]", m[2]), " ")
	}
	return "The config file\n\n" + strings.Join(lines, "\n")
}
