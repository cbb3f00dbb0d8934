package command

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command/config/privatefile"
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
	ExitNoValue     = 9 // get --field: the session has no value at that path (absent or null)
	// ExitPartial is a batch (close, reopen) in which some sessions
	// succeeded and some did not; each has its result line. A batch in
	// which none succeeded exits with the code they all failed with (3, 4,
	// 5, 6, 8, 11), or 1 when they failed in different ways.
	ExitPartial = 10
	// ExitRefused is a request the API refused as it was sent (HTTP 400,
	// 422, any 4xx without a code of its own): asking again will not
	// help, unlike a server or network failure (6); `cxi list --channel
	// telegram` is one.
	ExitRefused = 11
)

// ExitMeaning is one exit code and what it means, as `cxi help exit-codes` says it.
type ExitMeaning struct {
	Code    int
	Meaning string
}

// ExitCodes are every exit code cxi uses, in order, each with what it
// means: the one list the help prints and the tests hold to the constants.
func ExitCodes() []ExitMeaning {
	return []ExitMeaning{
		{ExitOK, "ok"},
		{ExitError, "anything else (the OS keyring did not answer, a cancelled confirmation, …); cxi lint: some session is flagged"},
		{ExitUsage, "usage: bad flags or arguments, a bad config file, no API key, read-only refused a write"},
		{ExitAuth, "the API key was rejected (HTTP 401/403)"},
		{ExitNotFound, "not found (HTTP 404, or no session matched)"},
		{ExitRateLimited, "rate limited (HTTP 429)"},
		{ExitUnavailable, "server or network: 5xx, a gateway page that is not JSON, a timeout, no connection"},
		{ExitBadData, "the answer could not be read, or a value is unsafe to print"},
		{ExitAmbiguous, "several sessions match SESSION (listed on stderr)"},
		{ExitNoValue, "get --field: the session has no value at that path (absent or null)"},
		{ExitPartial, "close, reopen: some sessions succeeded, some did not (each has its line); when none did, the code they all failed with, or 1"},
		{ExitRefused, "the API refused the request as sent (HTTP 400, 422, another 4xx): a filter value it does not take, …; asking again will not help"},
	}
}

// ExitCode maps an error to its exit code. An error that knows its own code
// (an ExitCode() int method, as UsageError has) keeps it; a path that is
// not a private file (privatefile's errors: a directory, a FIFO, a broken
// link) is the user's to fix; API errors go by their kind. The codes are
// the commands' to give: the packages below them return typed errors.
func ExitCode(err error) int {
	var idErr *api.IDError
	var notFile *privatefile.NotRegularError
	var link *privatefile.LinkError
	var coded interface{ ExitCode() int }
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &coded):
		return coded.ExitCode()
	case errors.As(err, &idErr), errors.As(err, &notFile), errors.As(err, &link):
		return ExitUsage
	}
	var apiErr *api.Error
	if errors.As(err, &apiErr) && refused(apiErr.Status) {
		return ExitRefused
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

// refused reports whether an HTTP status says the request itself was
// refused: a 4xx other than those with a code of their own (401, 403, 404,
// 429) and 408, a timeout, which asking again may cure. A proxy's HTML
// page with such a status is a refusal too.
func refused(status int) bool {
	switch status {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusRequestTimeout, http.StatusTooManyRequests:
		return false
	}
	return status >= 400 && status < 500
}

// UsageError is a mistake on the command line.
type UsageError struct {
	Msg string
	// Brief is said without the usage, which would bury the one line that
	// matters (a typo of a command, named in Msg).
	Brief bool
}

func (e *UsageError) Error() string { return e.Msg }

// ExitCode is ExitUsage.
func (e *UsageError) ExitCode() int { return ExitUsage }

// Usagef is a *UsageError with a formatted message.
func Usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}
