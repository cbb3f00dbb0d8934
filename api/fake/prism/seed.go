package prism

import (
	"fmt"
	"net/http"
	"sync/atomic"
)

// SeedEach is a transport for a StartMock server: it gives every request a
// seed of its own ("Prefer: seed=<Base>-<n>", n counting from 1), so that a
// run of many lookups sees many different random answers and the same ones
// in every run with the same Base.
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
	r = r.Clone(r.Context())
	r.Header.Set("Prefer", fmt.Sprintf("seed=%d-%d", s.Base, s.n.Add(1)))
	return next.RoundTrip(r)
}
