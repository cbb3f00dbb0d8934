package actions

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
)

// TestEscDuringAWriteSaysWhatHappened: esc while a PATCH is on its way to
// a slow API (S 1 enter esc). The PATCH has left: it is neither "not
// sent" nor given up on. The batch sends nothing more and waits for that
// answer; then the summary counts it as what it was (closed), the row
// gets the confirmed copy, the session after it is the one not sent and
// stays selected, and the audit log records the change as ok.
func TestEscDuringAWriteSaysWhatHappened(t *testing.T) {
	a, d, logp, answers := closeTwoHeld(t)
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
	if want := "1 closed as resolved · stopped with esc (1 session not sent) · the ones that failed stay selected"; !strings.HasPrefix(d.last().Text, want) {
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
	if len(*logp) != 1 || (*logp)[0].Outcome != "ok" || (*logp)[0].After != api.StatusClosedResolved || (*logp)[0].SessionID != idAsked {
		t.Errorf("audit log %+v, want the change to 0d322df5, ok", *logp)
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
	d := &driver{t: t, m: New(realCtx(), client, common.WriteSettings{Audit: &log})}
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
	if want := "0 closed as resolved · stopped with esc (1 session not sent)"; !strings.HasPrefix(d.last().Text, want) {
		t.Errorf("said %q\nwant %q", d.last().Text, want)
	}
	if got := a.patched(); len(got) != 0 {
		t.Errorf("PATCHes %q, want none", got)
	}
	if len(log) != 0 {
		t.Errorf("audit log %+v: nothing was sent", log)
	}
}

// TestEscTwiceStopsWaiting: a second esc while the stopped batch waits
// for the answer out ends it at once: that session is "sent, result
// unknown" and stays selected. Its answer, when it comes, is said and
// recorded then, and the row takes the confirmed copy.
func TestEscTwiceStopsWaiting(t *testing.T) {
	a, d, logp, answers := closeTwoHeld(t)
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
	if want := "1 sent, result unknown · stopped with esc (1 session not sent)"; !strings.HasPrefix(d.last().Text, want) {
		t.Errorf("said %q\nwant %q", d.last().Text, want)
	}
	if len(ev.Failed) != 2 || len(*logp) != 0 {
		t.Errorf("selected %q, audit %+v before the answer", ev.Failed, *logp)
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
	if want := "0d322df5, sent before the batch was stopped: closed as resolved."; d.last().Text != want || d.last().Bad {
		t.Errorf("said %+v\nwant %q", d.last(), want)
	}
	if s := d.fresh(idAsked); s == nil || s.Status != api.StatusClosedResolved {
		t.Errorf("row %+v, want the confirmed copy", s)
	}
	if len(*logp) != 1 || (*logp)[0].Outcome != "ok" || (*logp)[0].SessionID != idAsked {
		t.Errorf("audit log %+v", *logp)
	}
}

// closeTwoHeld starts closing two sessions against an API that holds the
// first PATCH until the test lets it go: the driver, the batch's first
// messages (on answers once they come) and its audit log.
func closeTwoHeld(t *testing.T) (*writeAPI, *driver, *auditLog, chan []tea.Msg) {
	a, client := newWriteAPI(t, idAsked, idAsked2)
	a.hold = true
	log := &auditLog{}
	d := &driver{t: t, m: New(realCtx(), client, common.WriteSettings{Audit: log})}
	first := d.update(ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: opened(idAsked, idAsked2)})
	answers := make(chan []tea.Msg, 1)
	go func() { answers <- keytest.Run(first) }()
	return a, d, log, answers
}
