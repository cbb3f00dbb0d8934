package lint

import (
	"fmt"
	"strings"

	rules "github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/render"
)

// flagged is a session and the rules it trips, as --json prints it.
type flagged struct {
	SessionID string       `json:"session_id"`
	Flags     []rules.Flag `json:"flags"`
}

// printFlagged writes the flagged sessions: a JSON array (empty when none), or
// one line each, the ID then each rule and what it said, tab-separated.
// Everything from the API goes through the sanitizer.
func printFlagged(env command.Env, found []flagged, asJSON bool) error {
	if asJSON {
		if found == nil {
			found = []flagged{}
		}
		line, err := render.JSONLine(found)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(env.Stdout, line)
		return err
	}
	for _, f := range found {
		cols := []string{render.Line(f.SessionID)}
		for _, fl := range f.Flags {
			cols = append(cols, string(fl.Rule)+": "+render.Line(fl.Says))
		}
		if _, err := fmt.Fprintln(env.Stdout, strings.Join(cols, "\t")); err != nil {
			return err
		}
	}
	return nil
}
