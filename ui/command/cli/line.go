package cli

import "github.com/opencx-tools/cxi/ui/explain"

// oneLine is an error as the TUI would say it: one sanitized sentence, and
// the server's own words after it when it sent any.
func oneLine(err error, id string) string {
	f := explain.Describe(err, id)
	s := f.CommandLine()
	if f.Detail != "" {
		return s + " " + f.Detail
	}
	return s
}
