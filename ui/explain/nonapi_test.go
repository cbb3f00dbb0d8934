package explain

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/command"
)

// TestErrorsThatAreNotTheAPIsSayThemselves: a usage error, a config error
// or any other error that did not come from a request reads as its own
// words, never dressed as a failed lookup: the commands print it as is.
func TestErrorsThatAreNotTheAPIsSayThemselves(t *testing.T) {
	for err, want := range map[error]string{
		command.Usagef(`unknown --status "pending"`):                         `unknown --status "pending".`,
		fmt.Errorf("list: %w", command.Usagef("--limit must be at least 1")): "list: --limit must be at least 1.",
		errors.New("config.toml:2: unknown key \"refersh\" in [queue]"):      `config.toml:2: unknown key "refersh" in [queue].`,
		errors.New("expected one SESSION, got 2."):                           "expected one SESSION, got 2.",
	} {
		f := Describe(err, "")
		if f.Sentence != want || f.Detail != "" || f.Retry != RetryNone {
			t.Errorf("%v: %+v, want the sentence %q", err, f, want)
		}
		if s := strings.ToLower(f.CommandLine()); strings.Contains(s, "lookup failed") {
			t.Errorf("%v reads as a failed lookup: %q", err, f.CommandLine())
		}
	}
}
