package command

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command/config/privatefile"
)

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
		// A path that is not a private file is the user's to fix.
		{fmt.Errorf("read config: %w", &privatefile.NotRegularError{Path: "/tmp/config.toml", Mode: fs.ModeDir}), ExitUsage},
		{&privatefile.LinkError{Path: "/tmp/key", Target: "/nowhere", Missing: true}, ExitUsage},
		{&api.Error{Kind: api.KindUnauthorized}, ExitAuth},
		{&api.Error{Kind: api.KindForbidden}, ExitAuth},
		{&api.Error{Kind: api.KindNotFound}, ExitNotFound},
		{&api.Error{Kind: api.KindRateLimited}, ExitRateLimited},
		{&api.Error{Kind: api.KindNotJSON}, ExitUnavailable},
		{&api.Error{Kind: api.KindTooLarge}, ExitBadData},
		// A request refused as sent is not a server's failure (issue 18 §16).
		{&api.Error{Kind: api.KindHTTP, Status: 400}, ExitRefused},
		{fmt.Errorf("list: %w", &api.Error{Kind: api.KindHTTP, Status: 422}), ExitRefused},
		{&api.Error{Kind: api.KindNotJSON, Status: 400}, ExitRefused},
		{&api.Error{Kind: api.KindHTTP, Status: 408}, ExitUnavailable},
		{&api.Error{Kind: api.KindNotFound, Status: 404}, ExitNotFound},
		{&api.Error{Kind: api.KindRateLimited, Status: 429}, ExitRateLimited},
		{&api.Error{Kind: api.KindServer, Status: 500}, ExitUnavailable},
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
