package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// memTransport answers every request in memory with one body (200 JSON
// unless status and ctype say otherwise): the client's whole get path
// (headers, cap, status, Content-Type, decoding) without a socket, so the
// fuzzers and the benchmark measure the client.
type memTransport struct {
	body   []byte
	status int    // 0 means 200
	ctype  string // "" means JSON
}

func (m memTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	status, ctype := m.status, m.ctype
	if status == 0 {
		status = http.StatusOK
	}
	if ctype == "" {
		ctype = "application/json; charset=utf-8"
	}
	return &http.Response{
		Status:        strconv.Itoa(status) + " " + http.StatusText(status),
		StatusCode:    status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {ctype}, "Content-Length": {strconv.Itoa(len(m.body))}},
		Body:          io.NopCloser(bytes.NewReader(m.body)),
		ContentLength: int64(len(m.body)),
		Request:       r,
	}, nil
}

// memClient is a client whose every request gets m; no limiter wait.
func memClient(tb testing.TB, m memTransport, opts ...api.Option) *api.Client {
	all := append([]api.Option{
		api.WithHTTPClient(&http.Client{Transport: m}),
		api.WithLimiter(rate.NewLimiter(rate.Inf, 1)),
	}, opts...)
	c, err := api.New("https://api.open.cx", testKey, all...)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// fuzzMaxBody keeps the cap in reach of the fuzzer, so KindTooLarge is
// exercised too.
const fuzzMaxBody = 64 << 10

// FuzzDecodeSession feeds arbitrary bytes as a 200 application/json body
// through the real client. Whatever the bytes, GetSession must not panic and
// must return either a session with an ID or an *api.Error of a decoding
// kind that never carries the key; a session only ever comes from valid JSON.
func FuzzDecodeSession(f *testing.F) {
	for _, d := range demo.Sessions() {
		body, _ := demo.Fixture(d.ID)
		f.Add(body)
	}
	for _, s := range []string{
		``, ` `, `null`, `{}`, `[]`, `"x"`, `0`, `true`, `{"id":""}`, `{"id":null}`, `{"id":7}`,
		`{"id":"x"}`, `{"id":"x"`, `{"id":"x",}`, `{"id":"x"} {}`, `{"id":"x","ticket_number":1e400}`,
		`{"id":"x","ticket_number":"7"}`, `{"id":"x","created_at":5}`, `{"id":"x","created_at":"yesterday"}`,
		`{"id":"x","custom_data":{"a":{"b":[1,{"c":null}]}}}`, `{"id":"x","custom_data":[]}`,
		`{"id":"x","contact":{"id":"c","custom_data":{"k":1e999}}}`, "{\"id\":\"\xff\xfe\"}", "\xef\xbb\xbf{\"id\":\"x\"}",
		`{"id":"x","id":"y"}`, `{"ID":"x"}`, `{"id":"\u0000\u202e"}`, `<html>502</html>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		c := memClient(t, memTransport{body: body}, api.WithMaxBody(fuzzMaxBody))
		s, err := c.GetSession(context.Background(), testID)
		if err == nil {
			if s == nil || s.ID == "" {
				t.Fatalf("no error and no session ID: %+v", s)
			}
			if !json.Valid(body) {
				t.Fatalf("a session from invalid JSON %q", body)
			}
			return
		}
		if s != nil {
			t.Fatalf("a session next to an error: %v", err)
		}
		var e *api.Error
		if !errors.As(err, &e) {
			t.Fatalf("error %T is not an *api.Error: %v", err, err)
		}
		switch e.Kind {
		case api.KindDecode, api.KindTooLarge:
		default:
			t.Fatalf("Kind %v for a 200 JSON body: %v", kindName(e.Kind), e)
		}
		if e.Kind == api.KindTooLarge && len(body) <= fuzzMaxBody {
			t.Fatalf("%d bytes reported too large for a %d cap", len(body), fuzzMaxBody)
		}
		if msg := e.Error(); msg == "" || strings.Contains(msg, testKey) {
			t.Fatalf("bad error text %q", msg)
		}
	})
}

// FuzzErrorBody feeds arbitrary error answers (status, Content-Type, body)
// through the client: the *api.Error must always come back with its
// Message and Excerpt on one short line of valid UTF-8, and without the API
// key even when the body echoes it.
func FuzzErrorBody(f *testing.F) {
	f.Add(uint16(502), "text/html", []byte(nginx502))
	f.Add(uint16(504), "text/html; charset=UTF-8", []byte(cdnPage))
	f.Add(uint16(503), "text/plain", []byte("retry in < 5 min\r\n"))
	f.Add(uint16(400), "application/json", []byte(`{"statusCode":400,"message":["a <= b","c"],"error":"Bad Request"}`))
	f.Add(uint16(503), "application/problem+json", []byte(`{"title":"t","detail":"d"}`))
	f.Add(uint16(429), "", []byte(""))
	f.Add(uint16(200), "text/html", []byte("<p>Sign in</p><script>x</script>"))
	f.Add(uint16(500), "application/xhtml+xml", []byte("<!-- a --><STYLE>x</style>&amp;&#0;\xff"))
	f.Fuzz(func(t *testing.T, status uint16, ctype string, body []byte) {
		code := int(status%500) + 100 // 100–599
		if code < 200 || code > 599 || (code >= 300 && code < 400) {
			code = 500 // 1xx and redirects are the transport's business
		}
		body = append(body, []byte(" key: "+testKey)...)
		c := memClient(t, memTransport{body: body, status: code, ctype: ctype}, api.WithMaxBody(fuzzMaxBody))
		s, err := c.GetSession(context.Background(), testID)
		if err == nil {
			if code > 299 || s == nil || s.ID == "" {
				t.Fatalf("HTTP %d gave session %+v", code, s)
			}
			return
		}
		var e *api.Error
		if !errors.As(err, &e) {
			t.Fatalf("error %T is not an *api.Error", err)
		}
		for name, text := range map[string]string{"Message": e.Message, "Excerpt": e.Excerpt, "Error()": e.Error()} {
			if strings.Contains(text, testKey) {
				t.Fatalf("%s carries the key: %q", name, text)
			}
			if name == "Error()" {
				continue
			}
			if strings.ContainsAny(text, "\r\n\t") || !utf8.ValidString(text) || utf8.RuneCountInString(text) > 161 {
				t.Fatalf("%s is not one short line of text: %q", name, text)
			}
		}
	})
}

// BenchmarkDecodeSession measures reading the star demo session: the bare
// json.Unmarshal, and a whole GetSession through the client over an
// in-memory transport (request building, cap, checks and decode).
func BenchmarkDecodeSession(b *testing.B) {
	star := demo.Sessions()[0].ID
	body, ok := demo.Fixture(star)
	if !ok {
		b.Fatal("no star fixture")
	}
	b.Run("Unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var s api.Session
			if err := json.Unmarshal(body, &s); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("GetSession", func(b *testing.B) {
		c := memClient(b, memTransport{body: body})
		ctx := context.Background()
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if _, err := c.GetSession(ctx, star); err != nil {
				b.Fatal(err)
			}
		}
	})
}
