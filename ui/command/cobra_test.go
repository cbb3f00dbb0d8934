package command

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestExecute: a command's exit code passes through as it is; an error of
// cobra's is a usage error said with the usage; a setup error and a brief
// usage error are said without it.
func TestExecute(t *testing.T) {
	var count int
	newCmd := func(err error) *cobra.Command {
		cmd := &cobra.Command{Use: "t", Args: cobra.MaximumNArgs(1),
			RunE: func(*cobra.Command, []string) error { return err }}
		cmd.Flags().IntVar(&count, "count", 0, "how many")
		return cmd
	}
	for _, tt := range []struct {
		name   string
		err    error
		args   []string
		code   int
		stderr string // its first line
		usage  bool
	}{
		{"ok", nil, nil, ExitOK, "", false},
		{"said already", Exit(ExitNotFound), nil, ExitNotFound, "", false},
		{"a usage error", Usagef("expected one SESSION"), nil, ExitUsage, "cxi: expected one SESSION", true},
		{"a brief one", &UsageError{Msg: "did you mean close?", Brief: true}, nil, ExitUsage, "cxi: did you mean close?", false},
		{"setup", &SetupError{Err: errors.New("no API key")}, nil, ExitUsage, "cxi: no API key", false},
		{"an unknown flag", nil, []string{"--frobnicate"}, ExitUsage, "cxi: unknown flag: --frobnicate", true},
		{"a bad value", nil, []string{"--count", "x"}, ExitUsage, `cxi: invalid argument "x" for "--count" flag: strconv.ParseInt: parsing "x": invalid syntax`, true},
		{"too many", nil, []string{"a", "b"}, ExitUsage, "cxi: accepts at most 1 arg(s), received 2", true},
	} {
		var out, errOut bytes.Buffer
		code := Execute(context.Background(), newCmd(tt.err), tt.args, Env{Stdout: &out, Stderr: &errOut})
		first, rest, _ := strings.Cut(errOut.String(), "\n")
		if code != tt.code || first != tt.stderr || strings.HasPrefix(rest, "Usage:\n  t [flags]") != tt.usage || out.Len() != 0 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", tt.name, code, out.String(), errOut.String())
		}
	}
}

func TestExit(t *testing.T) {
	if Exit(ExitOK) != nil || ExitCode(Exit(ExitPartial)) != ExitPartial {
		t.Errorf("Exit(0) = %v, ExitCode(Exit(10)) = %d", Exit(ExitOK), ExitCode(Exit(ExitPartial)))
	}
}
