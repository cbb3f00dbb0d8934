package read

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
	"golang.org/x/time/rate"
)

// pager answers a page cursor with the sessions on that page (by the last
// digits of their IDs) and the next cursor ("" for none).
type pager func(cursor string) (sessions []int, next string)

// pagedServer serves GET /chat/sessions from pages and counts the requests.
func pagedServer(t *testing.T, pages pager) (*api.Client, *atomic.Int64) {
	t.Helper()
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		sessions, next := pages(r.URL.Query().Get("cursor"))
		items := make([]map[string]any, len(sessions))
		for i, n := range sessions {
			items[i] = map[string]any{"id": sessionID(n), "status": "open", "channel": map[string]string{"type": "web"},
				"created_at": "2026-11-25T11:00:00Z", "updated_at": "2026-11-25T11:00:00Z"}
		}
		body := map[string]any{"items": items, "next": nil}
		if next != "" {
			body["next"] = next
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(body)
	}))
	t.Cleanup(srv.Close)
	c, err := api.New(srv.URL, "a-test-key", api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		t.Fatal(err)
	}
	return c, &requests
}

func sessionID(n int) string { return fmt.Sprintf("3c90c3cc-0d44-4b50-8888-%012d", n) }

// TestListEndsPagingThatWouldNotEnd: a server that repeats a cursor, goes
// round a cycle, or sends pages with nothing new ends `cxi list` with one
// line on stderr, each session printed once, and exit 0 for what was
// printed. A deadline turns a walk that never ends into a failure rather
// than a hung test.
func TestListEndsPagingThatWouldNotEnd(t *testing.T) {
	tests := []struct {
		name     string
		pages    pager
		want     []int  // the sessions printed, in order
		requests int64  // pages asked for
		stderr   string // "" when the walk ended by itself
	}{
		{"a normal end", func(c string) ([]int, string) {
			if c == "" {
				return []int{1, 2}, "p2"
			}
			return []int{3}, ""
		}, []int{1, 2, 3}, 2, ""},
		{"the same cursor again", func(c string) ([]int, string) {
			if c == "" {
				return []int{1, 2}, "p2"
			}
			return []int{2, 3}, "p2"
		}, []int{1, 2, 3}, 2, "cxi: the server repeated a page cursor; stopped after 2 pages\n"},
		{"a cycle of cursors", func(c string) ([]int, string) {
			switch c {
			case "":
				return []int{1}, "a"
			case "a":
				return []int{2}, "b"
			}
			return []int{1, 3, 3}, "a"
		}, []int{1, 2, 3}, 3, "cxi: the server repeated a page cursor; stopped after 3 pages\n"},
		{"empty pages with a next, forever", func(c string) ([]int, string) {
			n, _ := strconv.Atoi(strings.TrimPrefix(c, "e"))
			if c == "" {
				return []int{1}, "e1"
			}
			return nil, "e" + strconv.Itoa(n+1)
		}, []int{1}, 6, "cxi: the server sent 5 empty pages in a row; stopped after 6 pages\n"},
		{"the same sessions under new cursors", func(c string) ([]int, string) {
			n, _ := strconv.Atoi(c)
			return []int{1, 2}, strconv.Itoa(n + 1)
		}, []int{1, 2}, 6, "cxi: the server sent 5 empty pages in a row; stopped after 6 pages\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, requests := pagedServer(t, tt.pages)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			var out, errOut bytes.Buffer
			env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }}
			code := list(ctx, []string{"--limit", "100"}, env, fixed(c))
			if code != command.ExitOK || errOut.String() != tt.stderr {
				t.Errorf("exit %d, stderr %q; want 0, %q", code, errOut.String(), tt.stderr)
			}
			var got []string
			for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
				id, _, _ := strings.Cut(line, "\t")
				got = append(got, id)
			}
			var want []string
			for _, n := range tt.want {
				want = append(want, sessionID(n))
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("printed\n %v\nwant\n %v", got, want)
			}
			if requests.Load() != tt.requests {
				t.Errorf("%d requests, want %d", requests.Load(), tt.requests)
			}
		})
	}
}

// TestListStopsAtTheLimitBeforeTheGuard: reaching --limit ends the walk
// quietly, even on a page whose next cursor repeats.
func TestListStopsAtTheLimitBeforeTheGuard(t *testing.T) {
	c, requests := pagedServer(t, func(string) ([]int, string) { return []int{1, 2, 3}, "same" })
	var out, errOut bytes.Buffer
	env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }}
	if code := list(context.Background(), []string{"--limit", "2"}, env, fixed(c)); code != command.ExitOK || errOut.Len() != 0 {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
	if n := strings.Count(out.String(), "\n"); n != 2 || requests.Load() != 1 {
		t.Errorf("%d lines from %d requests, want 2 from 1", n, requests.Load())
	}
}

// TestListStatusInBothVocabularies: --status takes the TUI's short words
// and the API's, and asks the API in its own.
func TestListStatusInBothVocabularies(t *testing.T) {
	c := client(t)
	for word, want := range map[string]api.Status{
		"open": api.StatusOpen, "unresolved": api.StatusClosedUnresolved, "resolved": api.StatusClosedResolved,
		"closed_unresolved": api.StatusClosedUnresolved, "closed_resolved": api.StatusClosedResolved,
	} {
		var out, errOut bytes.Buffer
		env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }}
		if code := list(context.Background(), []string{"--status", word, "--limit", "5", "--json"}, env, fixed(c)); code != command.ExitOK {
			t.Fatalf("--status %s: exit %d: %s", word, code, errOut.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		for _, l := range lines {
			var s api.Session
			if err := json.Unmarshal([]byte(l), &s); err != nil || s.Status != want {
				t.Errorf("--status %s: %q (%v), want status %s", word, l, err, want)
			}
		}
		if len(lines) != 5 {
			t.Errorf("--status %s: %d sessions, want 5", word, len(lines))
		}
	}
}

// TestListAsksForANewChannel: the API's channels grow, so a channel cxi
// does not know is sent as typed, with a warning, not refused.
func TestListAsksForANewChannel(t *testing.T) {
	var asked string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = r.URL.Query().Get("channel_type")
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"items":[{"id":%q,"status":"open","channel":{"type":"fax"}}],"next":null}`, sessionID(1))
	}))
	defer srv.Close()
	c, err := api.New(srv.URL, "a-test-key", api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }}
	code := list(context.Background(), []string{"--channel", "fax"}, env, fixed(c))
	if code != command.ExitOK || asked != "fax" || !strings.HasPrefix(out.String(), sessionID(1)+"\topen\t—\tfax\t") {
		t.Errorf("exit %d, asked for %q, printed %q", code, asked, out.String())
	}
	const warning = "cxi: --channel fax is not a channel cxi knows (web, email, phone_voice, slack, sms, whatsapp, instagram, messenger, api, web_voice); asking the API for it anyway\n"
	if errOut.String() != warning {
		t.Errorf("stderr %q, want %q", errOut.String(), warning)
	}
}

// TestListUpdatedWithinTakesTheSpansOfLog: --updated-within reads spans as
// cxi log --since and store_keep do, so 2w is two weeks, not a mistake.
func TestListUpdatedWithinTakesTheSpansOfLog(t *testing.T) {
	for span, back := range map[string]time.Duration{"90m": 90 * time.Minute, "24h": 24 * time.Hour, "7d": 7 * 24 * time.Hour, "2w": 14 * 24 * time.Hour} {
		var asked string
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			asked = r.URL.Query().Get("updated_after")
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"items":[],"next":null}`)
		}))
		c, err := api.New(srv.URL, "a-test-key", api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
		if err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }}
		code := list(context.Background(), []string{"--updated-within", span}, env, fixed(c))
		srv.Close()
		if want := now.Add(-back).UTC().Format(time.RFC3339); code != command.ExitOK || asked != want {
			t.Errorf("--updated-within %s: exit %d, asked updated_after=%q, want %q (%s)", span, code, asked, want, errOut.String())
		}
	}
}

// TestListRefusedExitsRefused: a channel the API does not take is refused
// with 400, as a validating server does (the fake holds to the contract's
// SessionChannel): the exit code says the request was refused, not that
// the server or the network failed (issue 18 §16), and stderr says what
// the API refused.
func TestListRefusedExitsRefused(t *testing.T) {
	var out, errOut bytes.Buffer
	env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }}
	code := list(context.Background(), []string{"--channel", "telegram"}, env, fixed(client(t)))
	e := errOut.String()
	if code != command.ExitRefused || out.Len() != 0 || !strings.Contains(e, "HTTP 400") || !strings.Contains(e, `channel_type must be one of web, email`) || !strings.Contains(e, `got "telegram"`) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), e)
	}
}
