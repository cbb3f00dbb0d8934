package write

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// The tests' sessions.
const (
	idOpen     = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
	idMissing  = "7d0e6b0a-1f2e-4c3d-9a8b-7c6d5e4f3a2b"
	idResolved = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"
	idBroken   = "5f2a8c1e-6b7d-4e8f-a9b0-c1d2e3f4a5b6"
	idOther    = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
	testKey    = "test-key-0123456789"
)

var t0 = time.Date(2026, 3, 11, 14, 0, 0, 0, time.UTC)

// request is one request the test server got.
type request struct {
	Method, Path string
	Body         map[string]any
}

// server is a small OpenCX with state: GET /chat/sessions/{id} answers the
// session's current status, PATCH changes it (answering no body), the
// redactions answer as the contract says. writeFault answers a write to
// an ID with that HTTP status; ignore makes PATCH succeed without a
// change; limited answers that many writes with 429 first. answerAs
// makes a GET of an ID answer with the session of another ID (or the
// same in another case); confirmAs does so only once the ID was written
// to. redactStatus and redactBody replace a redaction's 201 and its body.
type server struct {
	t            *testing.T
	mu           sync.Mutex
	status       map[string]api.Status
	writeFault   map[string]int
	allWrites    int    // every write answers this status (403: a key that may not write)
	proxyPage    string // with allWrites: the HTML body a proxy answers it with, instead of the API's JSON
	ignore       bool
	notRedacted  string // a redaction answers 201 with success:false and this message
	limited      int
	readLimited  int            // GETs of one session answered 429 first
	confirmFault map[string]int // a GET of an ID written to answers this status
	answerAs     map[string]string
	confirmAs    map[string]string
	written      map[string]bool
	redactStatus int
	redactBody   *string
	requests     []request
}

func newServer(t *testing.T) *server {
	return &server{t: t, writeFault: map[string]int{}, answerAs: map[string]string{}, confirmAs: map[string]string{}, confirmFault: map[string]int{}, written: map[string]bool{}, status: map[string]api.Status{
		idOpen: api.StatusOpen, idResolved: api.StatusClosedResolved, idBroken: api.StatusOpen, idOther: api.StatusOpen,
	}}
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, _ := io.ReadAll(r.Body)
	req := request{Method: r.Method, Path: r.URL.Path}
	if len(b) > 0 {
		if err := json.Unmarshal(b, &req.Body); err != nil {
			s.t.Errorf("%s %s: body %q is not JSON", r.Method, r.URL.Path, b)
		}
		if r.Header.Get("Content-Type") != "application/json" {
			s.t.Errorf("%s %s: Content-Type %q", r.Method, r.URL.Path, r.Header.Get("Content-Type"))
		}
	}
	s.requests = append(s.requests, req)
	if r.Header.Get("Authorization") != "Bearer "+testKey {
		fail(w, http.StatusUnauthorized)
		return
	}
	id, isSession := strings.CutPrefix(r.URL.Path, "/chat/sessions/")
	if code := s.confirmFault[id]; isSession && r.Method == http.MethodGet && s.written[id] && code != 0 {
		fail(w, code)
		return
	}
	if isSession && r.Method == http.MethodGet && s.readLimited > 0 {
		s.readLimited--
		w.Header().Set("Retry-After", "1")
		fail(w, http.StatusTooManyRequests)
		return
	}
	if r.Method != http.MethodGet {
		if s.limited > 0 {
			s.limited--
			w.Header().Set("Retry-After", "1")
			fail(w, http.StatusTooManyRequests)
			return
		}
		target := id
		if !isSession {
			target, _ = req.Body["sessionId"].(string)
		}
		if code := s.writeFault[target]; code != 0 {
			fail(w, code)
			return
		}
		if s.allWrites != 0 && s.proxyPage != "" {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(s.allWrites)
			fmt.Fprint(w, s.proxyPage)
			return
		}
		if s.allWrites != 0 {
			fail(w, s.allWrites)
			return
		}
	}
	switch {
	case r.URL.Path == "/chat/sessions" && r.Method == http.MethodGet:
		// The queue, for a SESSION given as a ticket: every session, its
		// external_id ZD- and its ID's first block.
		items := []string{}
		for _, id := range []string{idOpen, idResolved, idBroken, idOther} {
			items = append(items, fmt.Sprintf(`{"id":%q,"status":%q,"channel":{"type":"web"},"ticketing_system":{"name":"zendesk","external_id":"ZD-%s"},"created_at":"2026-03-11T08:00:00Z","updated_at":"2026-03-11T09:00:00Z"}`,
				id, s.status[id], id[:8]))
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"items":[%s],"next":null}`, strings.Join(items, ","))
	case isSession && r.Method == http.MethodGet:
		answered := id
		if other, ok := s.answerAs[id]; ok {
			answered = other
		}
		if other, ok := s.confirmAs[id]; ok && s.written[id] {
			answered = other
		}
		st, ok := s.status[strings.ToLower(answered)]
		if !ok {
			fail(w, http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id":%q,"status":%q,"channel":{"type":"web"},"assist_mode":false,"created_at":"2026-03-11T08:00:00Z","updated_at":"2026-03-11T09:00:00Z"}`, answered, st)
	case isSession && r.Method == http.MethodPatch:
		if _, ok := s.status[id]; !ok {
			fail(w, http.StatusNotFound)
			return
		}
		if !s.ignore {
			s.status[id] = api.Status(req.Body["status"].(string))
		}
		s.written[id] = true
		w.WriteHeader(http.StatusOK)
	case r.Method == http.MethodPost && (r.URL.Path == "/redaction/session" || r.URL.Path == "/redaction/message"):
		w.Header().Set("Content-Type", "application/json")
		status := http.StatusCreated
		if s.redactStatus != 0 {
			status = s.redactStatus
		}
		w.WriteHeader(status)
		kind, item := "session", req.Body["sessionId"]
		if r.URL.Path == "/redaction/message" {
			kind, item = "message", req.Body["messageId"]
		}
		if s.redactBody != nil {
			fmt.Fprint(w, *s.redactBody)
			return
		}
		if s.notRedacted != "" {
			fmt.Fprintf(w, `{"success":false,"message":%q,"itemId":%q,"redactionType":%q,"affectedCount":0,"messagesRedacted":0}`, s.notRedacted, item, kind)
			return
		}
		fmt.Fprintf(w, `{"success":true,"message":"Redacted","itemId":%q,"redactionType":%q,"affectedCount":3,"messagesRedacted":3}`, item, kind)
	default:
		s.t.Errorf("unplanned request %s %s", r.Method, r.URL.Path)
		fail(w, http.StatusNotFound)
	}
}

func fail(w http.ResponseWriter, code int) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	fmt.Fprintf(w, `{"message":%q,"statusCode":%d}`, http.StatusText(code), code)
}

// sent are the requests the server got other than GETs.
func (s *server) sent() []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []request
	for _, r := range s.requests {
		if r.Method != http.MethodGet {
			out = append(out, r)
		}
	}
	return out
}

func (s *server) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// world is a test's server, store directory and environment.
type world struct {
	t      *testing.T
	srv    *server
	url    string
	dir    string // the stores' folder
	vars   map[string]string
	dials  int
	waits  []time.Time
	stdin  string
	tty    bool
	config string // the config file's folder
}

func newWorld(t *testing.T) *world {
	srv := newServer(t)
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	w := &world{t: t, srv: srv, url: hs.URL, dir: t.TempDir() + "/state", config: t.TempDir()}
	// The key names the organization whose store cxi log reads.
	w.vars = map[string]string{"CXI_STATE_DIR": w.dir, "OPENCX_API_KEY": testKey}
	return w
}

func (w *world) storeOptions() store.Options {
	return store.Options{Dir: w.dir, BaseURL: w.url, Key: testKey, Now: func() time.Time { return t0 }}
}

func (w *world) deps() settings.Deps {
	return settings.Deps{
		Open: func(settings.Settings) (settings.Conn, error) {
			w.dials++
			c, err := api.New(w.url, testKey, api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
			if err != nil {
				return settings.Conn{Close: func() {}}, err
			}
			st, notices, err := store.Open(w.storeOptions())
			if err != nil || len(notices) > 0 {
				w.t.Fatalf("store: %v %q", err, notices)
			}
			return settings.Conn{Client: c, Store: st, Close: func() { st.Close() }}, nil
		},
		OpenExisting: func(settings.Settings, string) (*store.Store, error) {
			o := w.storeOptions()
			o.Existing = true
			st, _, err := store.Open(o)
			return st, err
		},
		Wait: func(_ context.Context, until time.Time) error {
			w.waits = append(w.waits, until)
			return nil
		},
	}
}

func (w *world) env(out, errOut *bytes.Buffer) command.Env {
	return command.Env{
		Stdin: strings.NewReader(w.stdin), Stdout: out, Stderr: errOut, StdinTTY: w.tty,
		Getenv:        func(k string) string { return w.vars[k] },
		UserConfigDir: func() (string, error) { return w.config, nil },
		Now:           func() time.Time { return t0 }, Width: 80, Version: "test",
	}
}

type run func(ctx context.Context, args []string, env command.Env, d settings.Deps) int

// run runs a command and returns its stdout, stderr and exit code.
func (w *world) run(cmd run, args ...string) (string, string, int) {
	w.t.Helper()
	var out, errOut bytes.Buffer
	code := cmd(context.Background(), args, w.env(&out, &errOut), w.deps())
	return out.String(), errOut.String(), code
}

// log is `cxi log` over the world's store.
func (w *world) log(args ...string) (string, string, int) {
	w.t.Helper()
	var out, errOut bytes.Buffer
	code := logCmd(context.Background(), args, w.env(&out, &errOut), w.deps())
	return out.String(), errOut.String(), code
}

// transcript is what a golden holds: the command, its streams, its code.
func transcript(args []string, out, errOut string, code int) []byte {
	return []byte(fmt.Sprintf("$ cxi %s\n--- stdout\n%s--- stderr\n%s--- exit %d\n", strings.Join(args, " "), out, errOut, code))
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func ctx() context.Context { return context.Background() }
