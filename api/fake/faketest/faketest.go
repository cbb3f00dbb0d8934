// Package faketest serves the fake OpenCX server for the length of a test,
// for the tests of every package that talks to it.
package faketest

import (
	"testing"

	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
)

// Start serves srv on loopback until the test ends and returns its base
// URL; a test that cannot listen fails at once. The catalog and the search
// index are built before it returns, so that no test's first request pays
// for them within its client's timeout (under -race on a busy machine that
// took over 5 s once).
func Start(tb testing.TB, srv *fake.Server) string {
	tb.Helper()
	srv.Warm()
	base, stop, err := srv.Start()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(stop)
	return base
}

// Client is a client of srv, served until the test ends, with the key the
// fake takes. It has no rate limit: the fake's own limits are what a test
// meets, and a test never waits for the client's.
func Client(tb testing.TB, srv *fake.Server) *api.Client {
	tb.Helper()
	c, err := api.New(Start(tb, srv), fake.DemoKey, api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}
