package prism

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"

	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/contract"
)

// SeedEach is a transport for a StartMock server: it gives every request a
// seed of its own ("Prefer: seed=<Base>-<n>", n counting from 1), so that a
// run of many lookups sees many different random answers and the same ones
// in every run with the same Base. A request made with a context from Pin
// takes the pinned seed instead.
type SeedEach struct {
	Base int
	Next http.RoundTripper // http.DefaultTransport when nil

	n atomic.Int64
}

// RoundTrip sends r with its seed.
func (s *SeedEach) RoundTrip(r *http.Request) (*http.Response, error) {
	next := s.Next
	if next == nil {
		next = http.DefaultTransport
	}
	seed, pinned := r.Context().Value(seedKey{}).(string)
	if !pinned {
		seed = fmt.Sprintf("%d-%d", s.Base, s.n.Add(1))
	}
	r = r.Clone(r.Context())
	r.Header.Set("Prefer", "seed="+seed)
	return next.RoundTrip(r)
}

type seedKey struct{}

// Pin makes every request sent with ctx through SeedEach use seed, so
// that asking twice gives the same random answer.
func Pin(ctx context.Context, seed string) context.Context {
	return context.WithValue(ctx, seedKey{}, seed)
}

// AnsweredID asks a StartMock server, through c and under the seed pinned
// in ctx, for any session, and returns the ID of the session its random
// answer is about. Prism's mock cannot answer about the ID in the path,
// and the client refuses an answer about another session than the one it
// asked for; asked again for this ID under the same seed, Prism gives the
// same body, now about the session asked for.
func AnsweredID(ctx context.Context, c *api.Client) (string, error) {
	if _, pinned := ctx.Value(seedKey{}).(string); !pinned {
		return "", errors.New("prism.AnsweredID needs a context from Pin")
	}
	const any = "00000000-0000-0000-0000-000000000000"
	s, err := c.GetSession(ctx, any)
	var other *api.OtherSessionError
	switch {
	case errors.As(err, &other):
		return other.Answered, nil
	case err != nil:
		return "", err
	}
	return s.ID, nil // the answer happened to be about the nil UUID
}

// MockClient starts a StartMock server of the contract with seed and
// returns the real client, talking to it through SeedEach (then next, nil
// for the default transport) and with no rate limit: Prism has none, and
// the program's own would make hundreds of lookups take minutes.
func MockClient(t *testing.T, seed int, probe string, next http.RoundTripper) *api.Client {
	t.Helper()
	base := StartMock(t, contract.Path(), seed, probe)
	hc := &http.Client{Transport: &SeedEach{Base: seed, Next: next}}
	t.Cleanup(hc.CloseIdleConnections)
	c, err := api.New(base, "prism-test-key", api.WithHTTPClient(hc), api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		t.Fatal(err)
	}
	return c
}
