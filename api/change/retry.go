package change

import (
	"errors"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// MaxRetryWait is the longest Retry-After a write waits for before its one
// retry: a longer one stops the batch rather than hold it (or a script)
// for minutes.
const MaxRetryWait = time.Minute

// RetryAfter is the one rule for a write the API answered 429: wait what
// its Retry-After asks, then send the write once more, when the answer
// gave one of at most MaxRetryWait from now; otherwise (ok false, and for
// any other error) the write has failed and its batch stops. The rule
// allows one retry: a write answered 429 again is not retried again, which
// is the caller's to count.
func RetryAfter(err error, now time.Time) (wait time.Duration, ok bool) {
	var e *api.Error
	if !errors.As(err, &e) || e.Kind != api.KindRateLimited || e.RetryAt.IsZero() {
		return 0, false
	}
	wait = e.RetryAt.Sub(now)
	if wait > MaxRetryWait {
		return 0, false
	}
	return max(wait, 0), true
}
