package command

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"slices"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

func TestParseTakesFlagsAmongArguments(t *testing.T) {
	for _, args := range [][]string{
		{"--json", "a", "b"},
		{"a", "--json", "b"},
		{"a", "b", "-json"},
	} {
		fs := NewFlagSet("t")
		asJSON := fs.Bool("json", false, "")
		got, err := Parse(fs, args)
		if err != nil || !*asJSON || !slices.Equal(got, []string{"a", "b"}) {
			t.Errorf("%q: positional %q, --json %v, err %v", args, got, *asJSON, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, arg := range []string{"-h", "--help", "-help"} {
		if _, err := Parse(NewFlagSet("t"), []string{"x", arg}); !errors.Is(err, flag.ErrHelp) {
			t.Errorf("%s: err = %v, want flag.ErrHelp", arg, err)
		}
	}
	_, err := Parse(NewFlagSet("t"), []string{"x", "--frobnicate"})
	var usage *UsageError
	if !errors.As(err, &usage) || usage.Msg != "flag provided but not defined: -frobnicate" || ExitCode(err) != ExitUsage {
		t.Errorf("err = %v (exit %d)", err, ExitCode(err))
	}
}

// badData names its own exit code, as cli's unsafe --field value does.
type badData struct{}

func (badData) Error() string { return "bad data" }
func (badData) ExitCode() int { return ExitBadData }

func TestExitCode(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{errors.New("anything"), ExitError},
		{Usagef("bad %s", "flag"), ExitUsage},
		{fmt.Errorf("wrapped: %w", Usagef("bad")), ExitUsage},
		{badData{}, ExitBadData},
		{&api.IDError{Reason: "no UUID"}, ExitUsage},
		{&api.Error{Kind: api.KindUnauthorized}, ExitAuth},
		{&api.Error{Kind: api.KindForbidden}, ExitAuth},
		{&api.Error{Kind: api.KindNotFound}, ExitNotFound},
		{&api.Error{Kind: api.KindRateLimited}, ExitRateLimited},
		{&api.Error{Kind: api.KindNotJSON}, ExitUnavailable},
		{&api.Error{Kind: api.KindTooLarge}, ExitBadData},
	} {
		if got := ExitCode(tt.err); got != tt.want {
			t.Errorf("ExitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestFail(t *testing.T) {
	for _, tt := range []struct {
		err        error
		usage      string
		code       int
		wantStderr string
	}{
		{Usagef("unexpected argument %q", "x"), "Usage: cxi t\n", ExitUsage, "cxi: unexpected argument \"x\"\nUsage: cxi t\n"},
		{Usagef("no usage asked for"), "", ExitUsage, "cxi: no usage asked for\n"},
		{&SetupError{Err: errors.New("no API key")}, "", ExitUsage, "cxi: no API key\n"},
		{errors.New("the OS keyring did not answer"), "Usage: cxi t\n", ExitError, "cxi: the OS keyring did not answer\n"},
		{fmt.Errorf("get: %w", &api.Error{Kind: api.KindNotFound}), "", ExitNotFound, "cxi: get: " + (&api.Error{Kind: api.KindNotFound}).Error() + "\n"},
	} {
		var stderr bytes.Buffer
		if code := Fail(Env{Stderr: &stderr}, tt.err, tt.usage); code != tt.code || stderr.String() != tt.wantStderr {
			t.Errorf("Fail(%v): exit %d, stderr %q; want %d, %q", tt.err, code, stderr.String(), tt.code, tt.wantStderr)
		}
	}
	cause := errors.New("config.toml:2: unknown key")
	if err := error(&SetupError{Err: cause}); !errors.Is(err, cause) || ExitCode(err) != ExitUsage {
		t.Errorf("SetupError: unwraps %v, exit %d", errors.Is(err, cause), ExitCode(err))
	}
}
