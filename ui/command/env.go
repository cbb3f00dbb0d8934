// Package command holds what every cxi command shares: the environment it
// runs in, built once by main, its exit codes, and how it reads a command
// line. The commands themselves live in the packages below it.
package command

import (
	"io"
	"time"
)

// Env is the process's environment: its streams, variables, terminal and
// clock. main builds it once from the real ones and hands it down, as
// cli/cli's factory does, so nothing below main reaches for the process's
// own: a command runs in a test exactly as it runs for a user.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer

	// Whether each stream is a terminal: the TUI needs stdin and stdout to
	// be one, OSC 52 goes to stderr only when it is one, and a key is asked
	// for without echo only from a terminal.
	StdinTTY, StdoutTTY, StderrTTY bool

	Getenv        func(string) string    // the process's environment variables
	UserConfigDir func() (string, error) // the folder that holds cxi/config.toml; nil: none

	Now     func() time.Time
	Width   int    // wrap width of text output
	Version string // cxi's version, for --version and the User-Agent
}
