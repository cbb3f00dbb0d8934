package fake

import (
	"io"
	"net/http"
	"slices"
	"time"
)

// RecordedRequest is what the server saw of one request, so tests can check
// what the client sent (and that it sent its key only where it should).
type RecordedRequest struct {
	Method        string
	Path          string    // URL path, decoded
	RawQuery      string    // query string without "?"
	Authorization string    // Authorization header value, "" when absent
	Time          time.Time // arrival time, from the server's clock
	// Body is the request body of anything but a GET (a write), as sent,
	// so tests can check what an action sent; "" for a GET. A string, so
	// that RecordedRequest stays comparable with ==.
	Body string
}

// maxRequestBody bounds what the server reads of a request body: the
// writes' bodies are a few hundred bytes.
const maxRequestBody = 1 << 20

// record appends r to the request log and returns its body (read only for
// methods other than GET), and whether it was larger than maxRequestBody.
func (s *Server) record(r *http.Request) (body []byte, tooLarge bool) {
	if r.Method != http.MethodGet && r.Body != nil {
		// A body that breaks off is treated as what arrived of it: the
		// write then fails validation with 400.
		body, _ = io.ReadAll(io.LimitReader(r.Body, maxRequestBody+1))
		if len(body) > maxRequestBody {
			body, tooLarge = body[:maxRequestBody], true
		}
	}
	rec := RecordedRequest{
		Method:        r.Method,
		Path:          r.URL.Path,
		RawQuery:      r.URL.RawQuery,
		Authorization: r.Header.Get("Authorization"),
		Time:          s.now(),
		Body:          string(body),
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, rec)
	return body, tooLarge
}

// Requests returns the requests received so far, oldest first. The slice is
// a copy: it does not change as more requests arrive.
func (s *Server) Requests() []RecordedRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}
