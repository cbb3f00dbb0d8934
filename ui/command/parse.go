package command

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// NewFlagSet is a command's flag set. It prints nothing: each command has
// its own usage text and says what went wrong in its own words.
func NewFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// Parse parses args with fs and returns the positional arguments. Flags may
// come anywhere among them (`cxi get ID --json` as well as
// `cxi get --json ID`), where flag.Parse alone stops at the first. --help
// and -h return flag.ErrHelp; any other mistake is a *UsageError.
func Parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &UsageError{Msg: err.Error()}
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// Help prints a command's usage on stdout, as --help asks, and returns
// ExitOK.
func Help(env Env, usage string) int {
	fmt.Fprint(env.Stdout, usage)
	return ExitOK
}
