package root

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/opencx-tools/cxi/ui/command"
)

// exitCodesTopic is `cxi help exit-codes`, from command.ExitCodes.
func exitCodesTopic() string {
	var b strings.Builder
	b.WriteString(`Exit codes

Every command prints data on stdout and errors on stderr, and exits with one
code per class of error, so that a script can tell them apart:

`)
	const indent = "      " // "  10  "
	for _, e := range command.ExitCodes() {
		meaning := ansi.Wordwrap(e.Meaning, 80-len(indent), "")
		fmt.Fprintf(&b, "  %2d  %s\n", e.Code, strings.ReplaceAll(meaning, "\n", "\n"+indent))
	}
	return strings.TrimSuffix(b.String(), "\n")
}
