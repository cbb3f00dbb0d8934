package doctor

import (
	"context"
	"io"
	"net/http"
)

// Reachable asks baseURL for anything at all, without the key: any HTTP
// answer, even an error status, means DNS, TCP, TLS and any proxy work.
// Redirects are not followed; a redirect is an answer.
func Reachable(ctx context.Context, hc *http.Client, baseURL string) error {
	if hc == nil {
		hc = http.DefaultClient
	}
	c := *hc
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return resp.Body.Close()
}
