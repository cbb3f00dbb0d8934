package actions

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
)

const testKey = "test-key-0123456789"

// writeAPI is an httptest OpenCX with state, for the batch as the client
// sends it: a GET answers a session's current status, a PATCH sets it and
// answers no body. hold keeps every PATCH from being answered until
// release is closed (arrived hears of each first); limited answers that
// many PATCHes 429 with retryAfter.
type writeAPI struct {
	t          *testing.T
	mu         sync.Mutex
	status     map[string]api.Status
	patches    []string
	limited    int
	retryAfter string
	hold       bool
	arrived    chan string
	release    chan struct{}
}

func newWriteAPI(t *testing.T, ids ...string) (*writeAPI, *api.Client) {
	a := &writeAPI{t: t, status: map[string]api.Status{}, arrived: make(chan string, 16), release: make(chan struct{})}
	for _, id := range ids {
		a.status[id] = api.StatusOpen
	}
	srv := httptest.NewServer(a)
	t.Cleanup(srv.Close)
	t.Cleanup(a.let)
	c, err := api.New(srv.URL, testKey, api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		t.Fatal(err)
	}
	return a, c
}

// let answers the PATCHes held back, and every one after.
func (a *writeAPI) let() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.hold {
		a.hold = false
		close(a.release)
	}
}

func (a *writeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutPrefix(r.URL.Path, "/chat/sessions/")
	body, _ := io.ReadAll(r.Body)
	a.mu.Lock()
	if !ok || r.Header.Get("Authorization") != "Bearer "+testKey {
		a.mu.Unlock()
		a.t.Errorf("unplanned request %s %s", r.Method, r.URL.Path)
		http.Error(w, "unplanned", http.StatusNotFound)
		return
	}
	if r.Method == http.MethodGet {
		st := a.status[id]
		a.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id":%q,"status":%q,"channel":{"type":"web"},"assist_mode":false,"created_at":"2026-03-11T08:00:00Z","updated_at":"2026-03-11T09:00:00Z"}`, id, st)
		return
	}
	a.patches = append(a.patches, id)
	if a.limited > 0 {
		a.limited--
		a.mu.Unlock()
		w.Header().Set("Retry-After", a.retryAfter)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"message":"Too Many Requests","statusCode":429}`)
		return
	}
	hold, release := a.hold, a.release
	a.mu.Unlock()
	if hold {
		a.arrived <- id
		<-release
	}
	var ch api.StatusChange
	if err := json.Unmarshal(body, &ch); err != nil {
		a.t.Errorf("PATCH body %q: %v", body, err)
	}
	a.mu.Lock()
	a.status[id] = ch.Status
	a.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

func (a *writeAPI) patched() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.patches...)
}

// realCtx is testCtx on the real clock, which the client reads
// Retry-After against, and with a timer that never fires: a test sends
// the ticks it means (tickAt).
func realCtx() common.Context {
	never := func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	return common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: time.Now, Timer: never}
}

// driver feeds a batch's messages back to Update, as the program would,
// and keeps what came of them.
type driver struct {
	t      *testing.T
	m      Model
	events []common.WriteEvent
	said   []common.NoticeMsg
}

// update hands msg to the model and keeps its event.
func (d *driver) update(msg Msg) tea.Cmd {
	var ev common.WriteEvent
	var cmd tea.Cmd
	d.m, ev, cmd = d.m.Update(msg)
	d.events = append(d.events, ev)
	return cmd
}

// run runs cmd's messages through Update until no command is left.
func (d *driver) run(cmd tea.Cmd) {
	for range 50 {
		if cmd == nil {
			return
		}
		var next []tea.Cmd
		for _, msg := range keytest.Run(cmd) {
			switch msg := msg.(type) {
			case Msg:
				next = append(next, d.update(msg))
			case common.NoticeMsg:
				d.said = append(d.said, msg)
			}
		}
		cmd = tea.Batch(next...)
	}
	d.t.Fatal("the batch did not end")
}

// last is what the status line said last ("" when nothing).
func (d *driver) last() common.NoticeMsg {
	if len(d.said) == 0 {
		return common.NoticeMsg{}
	}
	return d.said[len(d.said)-1]
}

// finished is the batch's last event, the one that ends it (nil when it
// has not ended).
func (d *driver) finished() *common.WriteEvent {
	for i := range d.events {
		if d.events[i].Finished {
			return &d.events[i]
		}
	}
	return nil
}

// fresh is the last fresh copy the views got of id.
func (d *driver) fresh(id string) *api.Session {
	var s *api.Session
	for _, ev := range d.events {
		if ev.Fresh != nil && ev.Fresh.ID == id {
			s = ev.Fresh
		}
	}
	return s
}

func opened(ids ...string) []api.Session {
	out := make([]api.Session, len(ids))
	for i, id := range ids {
		out[i] = api.Session{ID: id, Status: api.StatusOpen}
	}
	return out
}

// serverURL serves a on a server of its own (for a client built by the
// test).
func serverURL(t *testing.T, a *writeAPI) string {
	srv := httptest.NewServer(a)
	t.Cleanup(srv.Close)
	return srv.URL
}
