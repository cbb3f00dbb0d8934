package act

import (
	"context"
	"encoding/json"
	"errors"
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
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/statusline"
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
	events []Event
	said   []statusline.NoticeMsg
}

// update hands msg to the model and keeps its event.
func (d *driver) update(msg Msg) tea.Cmd {
	var ev Event
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
			case statusline.NoticeMsg:
				d.said = append(d.said, msg)
			}
		}
		cmd = tea.Batch(next...)
	}
	d.t.Fatal("the batch did not end")
}

// last is what the status line said last ("" when nothing).
func (d *driver) last() statusline.NoticeMsg {
	if len(d.said) == 0 {
		return statusline.NoticeMsg{}
	}
	return d.said[len(d.said)-1]
}

// finished is the batch's last event, the one that ends it (nil when it
// has not ended).
func (d *driver) finished() *Event {
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

// TestEscDuringAWriteSaysWhatHappened: esc while a PATCH is on its way to
// a slow API (S 1 enter esc). The PATCH has left: it is neither "not
// sent" nor given up on. The batch sends nothing more and waits for that
// answer; then the summary counts it as what it was (closed), the row
// gets the confirmed copy, the session after it is the one not sent and
// stays selected, and the audit log records the change as ok.
func TestEscDuringAWriteSaysWhatHappened(t *testing.T) {
	a, client := newWriteAPI(t, idAsked, idAsked2)
	a.hold = true
	var log auditLog
	d := &driver{t: t, m: New(realCtx(), client, Settings{Audit: &log})}
	first := d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(idAsked, idAsked2)})
	answers := make(chan []tea.Msg, 1)
	go func() { answers <- keytest.Run(first) }()
	<-a.arrived // the PATCH has left and reached the API

	var stop tea.Cmd
	d.m, stop = d.m.Stop()
	d.run(stop)
	if ev := d.finished(); ev != nil {
		t.Errorf("esc ended the batch with its PATCH in flight: %+v, said %+v", ev, d.said)
	}
	for _, n := range d.said {
		if strings.Contains(n.Text, "0 closed") || strings.Contains(n.Text, "2 sessions not sent") {
			t.Errorf("said %q of a PATCH that was sent", n.Text)
		}
	}
	if busy := d.m.Busy(); !strings.Contains(busy, "0d322df5") || !strings.Contains(strings.ToLower(busy), "stopping") {
		t.Errorf("busy line %q: should say it waits for the answer about 0d322df5", busy)
	}

	a.let()
	for _, msg := range <-answers {
		d.run(d.update(msg.(Msg)))
	}
	ev := d.finished()
	if ev == nil {
		t.Fatalf("the batch did not end with the answer; said %+v", d.said)
	}
	if want := "1 closed · stopped with esc (1 session not sent) · the ones that failed stay selected"; !strings.HasPrefix(d.last().Text, want) {
		t.Errorf("said %q\nwant %q", d.last().Text, want)
	}
	if s := d.fresh(idAsked); s == nil || s.Status != api.StatusClosedResolved {
		t.Errorf("the row of the session sent shows %+v, want its confirmed copy (closed)", s)
	}
	if fmt.Sprint(ev.Failed) != "["+idAsked2+"]" {
		t.Errorf("still selected: %q, want only the session not sent", ev.Failed)
	}
	if got := a.patched(); len(got) != 1 || got[0] != idAsked {
		t.Errorf("PATCHes %q, want the one sent before esc", got)
	}
	if len(log) != 1 || log[0].Outcome != "ok" || log[0].After != api.StatusClosedResolved || log[0].SessionID != idAsked {
		t.Errorf("audit log %+v, want the change to 0d322df5, ok", log)
	}
}

// TestEscCancelsAWriteStillWaitingItsTurn: a PATCH that is still waiting
// for the shared limiter when esc is pressed has not left: esc cancels it,
// the API never gets it, and it is said not sent.
func TestEscCancelsAWriteStillWaitingItsTurn(t *testing.T) {
	a, _ := newWriteAPI(t, idAsked)
	waiting := make(chan time.Duration, 1)
	limiter := rate.NewLimiter(rate.Every(time.Hour), 1)
	limiter.Allow() // the one token is spent: the next request waits an hour
	srvURL := serverURL(t, a)
	client, err := api.New(srvURL, testKey, api.WithLimiter(limiter), api.WithWaitNotice(func(d time.Duration) { waiting <- d }))
	if err != nil {
		t.Fatal(err)
	}
	var log auditLog
	d := &driver{t: t, m: New(realCtx(), client, Settings{Audit: &log})}
	first := d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(idAsked)})
	answers := make(chan []tea.Msg, 1)
	go func() { answers <- keytest.Run(first) }()
	<-waiting // queued behind the limiter: nothing has left

	var stop tea.Cmd
	d.m, stop = d.m.Stop()
	d.run(stop)
	var msgs []tea.Msg
	select {
	case msgs = <-answers:
	case <-time.After(30 * time.Second): // a hang guard, not a measure: the wait is an hour
		t.Fatal("esc left the PATCH waiting its turn: it would be sent later")
	}
	for _, msg := range msgs {
		d.run(d.update(msg.(Msg)))
	}
	if ev := d.finished(); ev == nil || fmt.Sprint(ev.Failed) != "["+idAsked+"]" {
		t.Errorf("finished %+v, want the session still selected", ev)
	}
	if want := "0 closed · stopped with esc (1 session not sent)"; !strings.HasPrefix(d.last().Text, want) {
		t.Errorf("said %q\nwant %q", d.last().Text, want)
	}
	if got := a.patched(); len(got) != 0 {
		t.Errorf("PATCHes %q, want none", got)
	}
	if len(log) != 0 {
		t.Errorf("audit log %+v: nothing was sent", log)
	}
}

// serverURL serves a on a server of its own (for a client built by the
// test).
func serverURL(t *testing.T, a *writeAPI) string {
	srv := httptest.NewServer(a)
	t.Cleanup(srv.Close)
	return srv.URL
}

// eight sessions for a batch.
func eight() []string {
	ids := make([]string, 8)
	for i := range ids {
		ids[i] = fmt.Sprintf("%08x-0d44-4b50-8888-8dd25736052a", i+1)
	}
	return ids
}

// TestA429InABatchWaitsThenStops: the first PATCH of eight answers 429
// with Retry-After: 60, and so does its one retry. The batch sends
// nothing while it waits, shows the countdown, sends that session once
// more when the wait is over, and then stops as cxi close does: 2
// PATCHes in all, every session still selected, the status line saying
// why, and one audit entry.
func TestA429InABatchWaitsThenStops(t *testing.T) {
	ids := eight()
	a, client := newWriteAPI(t, ids...)
	a.limited, a.retryAfter = 2, "60"
	var log auditLog
	d := &driver{t: t, m: New(realCtx(), client, Settings{Audit: &log})}
	d.run(d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(ids...)}))
	if got := a.patched(); len(got) != 1 {
		t.Fatalf("PATCHes %d after a 429 with Retry-After: 60, want 1 until the wait is over", len(got))
	}
	if !d.m.waiting() {
		t.Fatalf("not waiting; said %+v", d.said)
	}
	busy := d.m.Busy()
	for _, want := range []string{"HTTP 429", "00000001", "once more"} {
		if !strings.Contains(busy, want) {
			t.Errorf("busy line %q lacks %q", busy, want)
		}
	}
	if !strings.HasSuffix(busy, "in 1m") && !strings.HasSuffix(busy, "in 59s") {
		t.Errorf("busy line %q: no countdown from 60 s", busy)
	}

	d.run(d.update(d.m.tickAt(d.m.run.retryAt)))
	if got := a.patched(); len(got) != 2 || got[1] != ids[0] {
		t.Errorf("PATCHes %q, want the first session twice and no other", got)
	}
	ev := d.finished()
	if ev == nil {
		t.Fatalf("a second 429 did not stop the batch; busy %q", d.m.Busy())
	}
	if len(ev.Failed) != 8 {
		t.Errorf("selected after the stop: %d, want all 8", len(ev.Failed))
	}
	if want := "0 closed · 1 rate limited (HTTP 429) · stopped after HTTP 429 (7 sessions not sent)"; !strings.HasPrefix(d.last().Text, want) {
		t.Errorf("said %q\nwant %q", d.last().Text, want)
	}
	if len(log) != 1 || log[0].Outcome != "rate limited (HTTP 429)" || log[0].SessionID != ids[0] {
		t.Errorf("audit log %+v", log)
	}
}

// TestA429InABatchRetriedGoesOn: a 429 whose one retry goes through: the
// batch goes on with the rest after it.
func TestA429InABatchRetriedGoesOn(t *testing.T) {
	ids := eight()[:3]
	a, client := newWriteAPI(t, ids...)
	a.limited, a.retryAfter = 1, "2"
	var log auditLog
	d := &driver{t: t, m: New(realCtx(), client, Settings{Audit: &log})}
	d.run(d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(ids...)}))
	if !d.m.waiting() || len(a.patched()) != 1 {
		t.Fatalf("waiting %v after %d PATCHes", d.m.waiting(), len(a.patched()))
	}
	d.run(d.update(d.m.tickAt(d.m.run.retryAt)))
	if got := a.patched(); len(got) != 4 {
		t.Errorf("PATCHes %q, want 4 (one retried)", got)
	}
	if ev := d.finished(); ev == nil || len(ev.Failed) != 0 || !strings.HasPrefix(d.last().Text, "3 closed") {
		t.Errorf("finished %+v, said %q", ev, d.last().Text)
	}
	if len(log) != 3 {
		t.Errorf("audit log %+v, want one entry a session", log)
	}
}

// TestA429TooLongToWaitStopsAtOnce: a Retry-After over a minute (or none)
// is not waited for in a batch, as cxi close does not: one PATCH, stop.
func TestA429TooLongToWaitStopsAtOnce(t *testing.T) {
	for _, after := range []string{"120", ""} {
		ids := eight()
		a, client := newWriteAPI(t, ids...)
		a.limited, a.retryAfter = 8, after
		d := &driver{t: t, m: New(realCtx(), client, Settings{})}
		d.run(d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(ids...)}))
		if got := a.patched(); len(got) != 1 {
			t.Errorf("Retry-After %q: %d PATCHes, want 1", after, len(got))
		}
		if ev := d.finished(); ev == nil || len(ev.Failed) != 8 || !strings.Contains(d.last().Text, "stopped after HTTP 429 (7 sessions not sent)") {
			t.Errorf("Retry-After %q: finished %+v, said %q", after, ev, d.last().Text)
		}
	}
}

// TestEscDuringARetryWaitStops: esc during the countdown stops the batch:
// nothing more is sent, every session stays selected.
func TestEscDuringARetryWaitStops(t *testing.T) {
	ids := eight()
	a, client := newWriteAPI(t, ids...)
	a.limited, a.retryAfter = 1, "30"
	var log auditLog
	d := &driver{t: t, m: New(realCtx(), client, Settings{Audit: &log})}
	d.run(d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(ids...)}))
	var stop tea.Cmd
	d.m, stop = d.m.Stop()
	d.run(stop)
	if got := a.patched(); len(got) != 1 {
		t.Errorf("PATCHes %q, want only the one answered 429", got)
	}
	ev := d.finished()
	if ev == nil || len(ev.Failed) != 8 {
		t.Fatalf("finished %+v", ev)
	}
	if want := "0 closed · 1 rate limited (HTTP 429) · stopped with esc (7 sessions not sent)"; !strings.HasPrefix(d.last().Text, want) {
		t.Errorf("said %q\nwant %q", d.last().Text, want)
	}
	if len(log) != 1 || log[0].Outcome != "rate limited (HTTP 429)" || log[0].SessionID != ids[0] {
		t.Errorf("audit log %+v, want the 429 that was answered", log)
	}
	// A tick still on its way finds no wait.
	d.run(d.update(d.m.tickAt(time.Now().Add(time.Hour))))
	if got := a.patched(); len(got) != 1 {
		t.Errorf("a late tick sent %q", got)
	}
}

// failingAPI answers every PATCH with patchErr and every GET with getErr
// (else the session, in the status last sent).
type failingAPI struct {
	patchErr, getErr error
	status           api.Status
}

func (f *failingAPI) SetStatus(_ context.Context, _ string, ch api.StatusChange) error {
	if f.patchErr == nil {
		f.status = ch.Status
	}
	return f.patchErr
}

func (f *failingAPI) GetSession(_ context.Context, id string) (*api.Session, error) {
	if f.getErr != nil {
		return nil, f.getErr
	}
	return &api.Session{ID: id, Status: f.status}, nil
}

// TestAWriteWithoutAnAnswerIsNotCalledUnchanged: a PATCH that got no
// answer (timeout, dropped connection) may have been applied: the status
// line does not say "Status not changed", the audit log records it as cxi
// close does, and the session stays selected to check.
func TestAWriteWithoutAnAnswerIsNotCalledUnchanged(t *testing.T) {
	for _, tt := range []struct {
		kind  api.Kind
		words string
	}{{api.KindTimeout, change.NoAnswer}, {api.KindDropped, change.Dropped}} {
		var log auditLog
		f := &failingAPI{patchErr: &api.Error{Kind: tt.kind, Op: "change the status of 0d322df5", Err: errors.New("no answer within 15s")}}
		d := &driver{t: t, m: New(testCtx(), f, Settings{Audit: &log})}
		d.run(d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(idAsked)}))
		said := d.last()
		if !strings.HasPrefix(said.Text, "Sent, result unknown (it may or may not have happened): ") || strings.Contains(said.Text, "not changed") {
			t.Errorf("%s: said %q", tt.words, said.Text)
		}
		if ev := d.finished(); ev == nil || fmt.Sprint(ev.Failed) != "["+idAsked+"]" {
			t.Errorf("%s: finished %+v", tt.words, ev)
		}
		if len(log) != 1 || log[0].Outcome != tt.words {
			t.Errorf("%s: audit log %+v", tt.words, log)
		}
	}
}

// TestAChangeTakenButNotReadBackIsNotAFailure: the API took the PATCH
// (2xx) and only the GET after it failed: the change was made. It is not
// counted failed nor kept selected, and the audit log says ok, not
// confirmed, as cxi close does.
func TestAChangeTakenButNotReadBackIsNotAFailure(t *testing.T) {
	var log auditLog
	f := &failingAPI{getErr: &api.Error{Kind: api.KindServer, Status: 500, Op: "get session 0d322df5"}}
	d := &driver{t: t, m: New(testCtx(), f, Settings{Audit: &log})}
	d.run(d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(idAsked, idAsked2)}))
	if want := "2 closed · 2 not confirmed (failed (HTTP 500))"; !strings.HasPrefix(d.last().Text, want) || d.last().Bad {
		t.Errorf("said %+v\nwant %q", d.last(), want)
	}
	if ev := d.finished(); ev == nil || len(ev.Failed) != 0 {
		t.Errorf("finished %+v: a change made is not a failure to retry", ev)
	}
	if len(log) != 2 || log[0].Outcome != "ok, not confirmed: failed (HTTP 500)" {
		t.Errorf("audit log %+v", log)
	}
}

// TestEscTwiceStopsWaiting: a second esc while the stopped batch waits
// for the answer out ends it at once: that session is "sent, result
// unknown" and stays selected. Its answer, when it comes, is said and
// recorded then, and the row takes the confirmed copy.
func TestEscTwiceStopsWaiting(t *testing.T) {
	a, client := newWriteAPI(t, idAsked, idAsked2)
	a.hold = true
	var log auditLog
	d := &driver{t: t, m: New(realCtx(), client, Settings{Audit: &log})}
	first := d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(idAsked, idAsked2)})
	answers := make(chan []tea.Msg, 1)
	go func() { answers <- keytest.Run(first) }()
	<-a.arrived
	for range 2 {
		var stop tea.Cmd
		d.m, stop = d.m.Stop()
		d.run(stop)
	}
	ev := d.finished()
	if ev == nil || d.m.Running() {
		t.Fatalf("a second esc did not end the batch; busy %q", d.m.Busy())
	}
	if want := "0 closed · 1 sent, result unknown · stopped with esc (1 session not sent)"; !strings.HasPrefix(d.last().Text, want) {
		t.Errorf("said %q\nwant %q", d.last().Text, want)
	}
	if len(ev.Failed) != 2 || len(log) != 0 {
		t.Errorf("selected %q, audit %+v before the answer", ev.Failed, log)
	}
	for _, e := range d.events {
		for _, id := range e.Settled {
			if id == idAsked {
				t.Errorf("the row of the session out was settled before its answer: %+v", e)
			}
		}
	}

	a.let()
	for _, msg := range <-answers {
		d.run(d.update(msg.(Msg)))
	}
	if want := "0d322df5, sent before the batch was stopped: closed."; d.last().Text != want || d.last().Bad {
		t.Errorf("said %+v\nwant %q", d.last(), want)
	}
	if s := d.fresh(idAsked); s == nil || s.Status != api.StatusClosedResolved {
		t.Errorf("row %+v, want the confirmed copy", s)
	}
	if len(log) != 1 || log[0].Outcome != "ok" || log[0].SessionID != idAsked {
		t.Errorf("audit log %+v", log)
	}
}
