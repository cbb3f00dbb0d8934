package cli

import "github.com/opencx-tools/cxi/ui/explain"

// oneLine is an error as the TUI would say it: one sanitized sentence, and
// the server's own words after it when it sent any.
func oneLine(err error, id string) string {
	f := explain.Describe(err, id)
	if f.Detail != "" {
		return f.Sentence + " " + f.Detail
	}
	return f.Sentence
}
