package read

import (
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/explain"
)

// fail is command.Fail with err worded as the TUI words it (id names the
// session an API error is about): one sanitized sentence, and the
// server's own words after it.
func fail(env command.Env, err error, id, usage string) int {
	return command.Fail(env, described{err, id}, usage)
}

// described is an error as explain words it, keeping the error itself for
// its exit code.
type described struct {
	err error
	id  string
}

func (d described) Error() string { return explain.Describe(d.err, d.id).Line() }

func (d described) Unwrap() error { return d.err }
