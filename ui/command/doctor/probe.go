package doctor

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"time"
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

// tmuxTimeout bounds the tmux query: a wedged tmux server must not hang
// doctor.
const tmuxTimeout = 2 * time.Second

// TmuxShowOption returns a global tmux option's value, through
// `tmux show-options -gv NAME`.
func TmuxShowOption(name string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), tmuxTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, "tmux", "show-options", "-gv", name).Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && len(exit.Stderr) > 0 {
			return "", errors.New(strings.TrimSpace(string(exit.Stderr)))
		}
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}
