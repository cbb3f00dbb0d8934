package demo

import (
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// newTestServer is the demo's server with the fixed clock, then opts.
func newTestServer(opts ...fake.Option) *fake.Server {
	return probe.Server(Catalog(), opts...)
}
