package api

import (
	"context"
	"errors"
	"time"
)

// backgroundKey marks a context whose requests nobody waits for.
type backgroundKey struct{}

// Background marks ctx's requests as background work (prefetching,
// auto-refresh, paging ahead): such a request never reserves a place in
// the shared limiter. It waits, holding nothing, until a slot is free now
// and no request the user waits for is queued, so that superseded
// background work, once cancelled, has cost nothing, and never delays the
// request the user is waiting for.
func Background(ctx context.Context) context.Context {
	return context.WithValue(ctx, backgroundKey{}, true)
}

// IsBackground reports whether ctx's requests are background work.
func IsBackground(ctx context.Context) bool {
	b, _ := ctx.Value(backgroundKey{}).(bool)
	return b
}

// minIdlePoll bounds how often a waiting background request looks again.
const minIdlePoll = 10 * time.Millisecond

// waitIdle waits until a slot is free at once and no foreground request
// is queued, then takes the slot. Nothing is reserved while it waits.
func (c *Client) waitIdle(ctx context.Context) error {
	for {
		if c.queued.Load() == 0 && c.limiter.Allow() {
			return nil
		}
		timer := time.NewTimer(max(c.Delay(), minIdlePoll))
		select {
		case <-timer.C:
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		}
	}
}

// Delay is how long a request the user asks for now would wait for the
// shared limiter: zero when a slot is free.
func (c *Client) Delay() time.Duration {
	lim := c.limiter
	if lim.Limit() <= 0 {
		return 0
	}
	missing := 1 - lim.Tokens()
	if missing <= 0 {
		return 0
	}
	return time.Duration(missing / float64(lim.Limit()) * float64(time.Second))
}

// errNoGrant is the limiter refusing outright (a zero burst).
var errNoGrant = errors.New("the local rate limiter grants no request")
