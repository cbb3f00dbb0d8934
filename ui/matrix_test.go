package ui

import (
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// TestBadInputMatrix drives one lookup per row through the real client
// against the fake server misbehaving in one way, and checks the sentence
// the user sees. Every row must end in words, never in a panic, a parse
// error or the API key. The README's "When something goes wrong" table is
// taken from these rows.
func TestBadInputMatrix(t *testing.T) {
	const id = demo.IDAngryHandoff
	html := "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
	httpDate := time.Now().Add(45 * time.Second).UTC().Format(http.TimeFormat)
	rows := []struct {
		name  string
		input string // what the user types; id when empty
		fault *fake.Fault
		key   string // the key the client sends; the fake's when empty
		base  string // a base URL other than the fake's
		want  []string
	}{
		{name: "malformed ID", input: "3c90c3cc-0d44-0b50-8888-8dd25736052a", want: []string{"Not a session ID: 3c90c3cc-0d44-0b50-8888-8dd25736052a is a version 0 UUID; session IDs are versions 1–8."}},
		{name: "ID inside a URL", input: "https://app.open.cx/inbox/" + id + "?tab=2", want: []string{"Dana Whitfield"}},
		{name: "nil UUID", input: "00000000-0000-0000-0000-000000000000", want: []string{"No session with ID 00000000-0000-0000-0000-000000000000 (HTTP 404)"}},
		{name: "max UUID", input: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", want: []string{"No session with ID ffffffff-ffff-ffff-ffff-ffffffffffff (HTTP 404)"}},
		{name: "wrong key", key: "not-the-key", want: []string{"The API key was rejected (HTTP 401). Check OPENCX_API_KEY."}},
		{name: "403", fault: &fake.Fault{Status: 403, ContentType: "application/json", Body: `{"statusCode":403,"message":"Forbidden resource","error":"Forbidden"}`},
			want: []string{"This API key may not read session 3f9c2a71 (HTTP 403)", "Server said: Forbidden resource"}},
		{name: "404", input: "7d0e6b0a-1a2b-4c3d-9e4f-5a6b7c8d9e0f", want: []string{"No session with ID 7d0e6b0a-1a2b-4c3d-9e4f-5a6b7c8d9e0f (HTTP 404)", "Server said: Chat session not found"}},
		{name: "429 with Retry-After in seconds", fault: &fake.Fault{Status: 429, ContentType: "application/json", Body: `{"statusCode":429,"message":"Too Many Requests"}`, Header: http.Header{"Retry-After": {"30"}}},
			want: []string{"The API is rate limiting this key (HTTP 429).", "Retrying by itself in 30s"}},
		{name: "429 with an HTTP date", fault: &fake.Fault{Status: 429, Header: http.Header{"Retry-After": {httpDate}}},
			want: []string{"The API is rate limiting this key (HTTP 429).", "Retrying by itself in"}},
		{name: "429 without Retry-After", fault: &fake.Fault{Status: 429}, want: []string{"The API is rate limiting this key (HTTP 429). Wait a minute, then press r."}},
		{name: "500", fault: &fake.Fault{Status: 500, ContentType: "application/json", Body: `{"statusCode":500,"message":"Internal server error"}`},
			want: []string{"The OpenCX API failed with HTTP 500. Press r to retry", "Server said: Internal server error"}},
		{name: "502 HTML page", fault: &fake.Fault{Status: 502, ContentType: "text/html", Body: html},
			want: []string{"HTTP 502 from a gateway or proxy in front of", "not an API answer", "Body began: 502 Bad Gateway nginx"}},
		{name: "503 text/plain", fault: &fake.Fault{Status: 503, ContentType: "text/plain", Body: "upstream connect error or disconnect/reset before headers"},
			want: []string{"HTTP 503 from a gateway or proxy", "Body began: upstream connect error"}},
		{name: "problem+json", fault: &fake.Fault{Status: 500, ContentType: "application/problem+json", Body: `{"type":"about:blank","title":"Bad Gateway","detail":"upstream timed out"}`},
			want: []string{"The OpenCX API failed with HTTP 500", "Server said: upstream timed out"}},
		{name: "empty 200", fault: &fake.Fault{Status: 200, ContentType: "application/json", Body: " "},
			want: []string{"The API's answer could not be read: the response body is empty."}},
		{name: "truncated JSON", fault: &fake.Fault{Status: 200, ContentType: "application/json", Body: `{"id":"` + id + `","status":"op`},
			want: []string{"could not be read: the JSON ends early (truncated)."}},
		{name: "JSON array", fault: &fake.Fault{Status: 200, ContentType: "application/json", Body: `[1,2]`},
			want: []string{"could not be read: expected a session object, got a JSON array."}},
		{name: "JSON string", fault: &fake.Fault{Status: 200, ContentType: "application/json", Body: `"hello"`},
			want: []string{"could not be read: expected a session object, got a JSON string."}},
		{name: "10 MB body", fault: &fake.Fault{Status: 200, ContentType: "application/json", Body: `{"id":"` + strings.Repeat("a", 10<<20) + `"}`},
			want: []string{"was larger than 4 MiB and was not read."}},
		{name: "server never answers", fault: &fake.Fault{Hang: true}, want: []string{"No answer from", "in time (no answer within 300ms). Press r to retry."}},
		{name: "connection reset mid-body", fault: &fake.Fault{TruncateAt: 40}, want: []string{"dropped: the connection was dropped before the answer was complete. Press r to retry."}},
		{name: "nothing listening", base: closedPort(t), want: []string{"Cannot reach http://127.0.0.1:", "connection refused or host unreachable. Check the network or OPENCX_BASE_URL."}},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			var opts []fake.Option
			if row.fault != nil {
				opts = append(opts, fake.WithFault(id, *row.fault))
			}
			base, stop := startFake(t, opts...)
			defer stop()
			if row.base != "" {
				base = row.base
			}
			key := fake.DemoKey
			if row.key != "" {
				key = row.key
			}
			// A short timeout only where the server never answers: a 10 MB
			// body read under -race on a busy machine can take longer.
			timeout := 5 * time.Second
			if row.fault != nil && row.fault.Hang {
				timeout = 300 * time.Millisecond
			}
			client, err := api.New(base, key, api.WithTimeout(timeout), api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
			if err != nil {
				t.Fatal(err)
			}
			// The client dates Retry-After by the real clock: so does the model here.
			m := newTestModel(t, client, func(o *Options) { o.Now = time.Now })
			m.focusInput()
			m.bar = m.bar.SetValue(row.input)
			if row.input == "" {
				m.bar = m.bar.SetValue(id)
			}
			next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
			m = drain(next.(Model), cmd)
			view := m.View()
			for _, want := range row.want {
				if !strings.Contains(flatten(view), want) {
					t.Errorf("the screen lacks %q:\n%s", want, view)
				}
			}
			if strings.Contains(view, key) && key != "" {
				t.Errorf("the key is on screen")
			}
			assertFits(t, view, 120, 40)
			assertNoForeignControls(t, view)
		})
	}
}

func TestTinyTerminalMatrix(t *testing.T) {
	for _, size := range [][2]int{{20, 8}, {39, 10}, {40, 9}, {1, 1}} {
		m := newTestModel(t, &stubClient{})
		m = send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		v := m.View()
		if size[0] >= 20 && !strings.Contains(flatten(v), "Terminal too small") {
			t.Errorf("%dx%d: %q", size[0], size[1], v)
		}
		assertFits(t, v, size[0], size[1])
	}
}

// closedPort is a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

// flatten joins a screen's words, dropping panel borders, so that a
// sentence wrapped inside a panel can be matched whole.
func flatten(view string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("│", " ", "╭", " ", "╮", " ", "╰", " ", "╯", " ", "─", " ").Replace(view)), " ")
}
