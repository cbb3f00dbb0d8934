// Package cli holds cxi's non-interactive commands (`cxi get`, `cxi list`):
// the same client, resolver and sanitizer as the TUI, printing data on
// stdout and errors on stderr, with one exit code per error class.
package cli

import (
	"errors"

	"github.com/opencx-tools/cxi/api"
)

// Exit codes, one per class of error a script may want to tell apart.
const (
	ExitOK          = 0
	ExitError       = 1 // anything else
	ExitUsage       = 2 // bad flags or arguments, missing key
	ExitAuth        = 3 // 401/403: the key was rejected
	ExitNotFound    = 4 // 404: no such session
	ExitRateLimited = 5 // 429
	ExitUnavailable = 6 // 5xx, gateway pages, timeouts, network errors
	ExitBadData     = 7 // the answer could not be read, or a value is unsafe to print
	ExitAmbiguous   = 8 // SESSION matched several sessions (listed on stderr)
)

// ExitCode maps an error to its exit code.
func ExitCode(err error) int {
	var idErr *api.IDError
	var usage *UsageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &usage), errors.As(err, &idErr):
		return ExitUsage
	case errors.Is(err, errUnsafeValue):
		return ExitBadData
	}
	switch api.KindOf(err) {
	case api.KindUnauthorized, api.KindForbidden:
		return ExitAuth
	case api.KindNotFound:
		return ExitNotFound
	case api.KindRateLimited:
		return ExitRateLimited
	case api.KindServer, api.KindNotJSON, api.KindTimeout, api.KindUnreachable, api.KindDropped, api.KindHTTP:
		return ExitUnavailable
	case api.KindDecode, api.KindTooLarge:
		return ExitBadData
	}
	return ExitError
}

// UsageError is a mistake on the command line.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(msg string) error { return &UsageError{Msg: msg} }
