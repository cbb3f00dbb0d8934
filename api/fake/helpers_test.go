package fake_test

import (
	"encoding/json"
	"testing"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// The server's own error bodies, as the API's NestJS exception filter
// writes them.
const (
	unauthorizedBody = `{"statusCode":401,"message":"Invalid API key","error":"Unauthorized"}`
	notFoundBody     = `{"statusCode":404,"message":"Chat session not found","error":"Not Found"}`
)

// newTestServer is the demo's server with the fixed clock, then opts.
func newTestServer(opts ...fake.Option) *fake.Server {
	return probe.Server(demo.Catalog(), opts...)
}

// errorDto is the API's error body.
type errorDto struct {
	StatusCode int    `json:"statusCode"`
	Message    string `json:"message"`
	Error      string `json:"error"`
}

// errorBody decodes an ErrorDto.
func errorBody(t *testing.T, body []byte) errorDto {
	t.Helper()
	var e errorDto
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("not an ErrorDto: %q", body)
	}
	return e
}
