package root

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
)

// notACommand refuses a first argument that reads as a mistyped command:
// no session ID in it, and within cobra's SuggestionsMinimumDistance (two
// edits) of a command, or the start of one. The root takes SESSION, so
// cobra's own "unknown command" never comes; without this, `cxi clsoe`
// would say "not a session ID" and never name close. Any other word
// without an ID is left to tui.Build, which says it is no session ID.
func notACommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	word := args[0]
	if _, err := api.ParseSessionID(word); err == nil {
		return nil
	}
	near := cmd.SuggestionsFor(word)
	if len(near) == 0 {
		return nil
	}
	return &command.UsageError{Brief: true, Msg: "unknown command \"" + word + "\": did you mean " +
		strings.Join(near, " or ") + "? (cxi help lists the commands; cxi get looks up a name)"}
}
