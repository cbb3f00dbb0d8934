package actions

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
)

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
	d := &driver{t: t, m: New(realCtx(), client, common.WriteSettings{Audit: &log})}
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
	if want := "1 rate limited (HTTP 429) · stopped after HTTP 429 (7 sessions not sent)"; !strings.HasPrefix(d.last().Text, want) {
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
	d := &driver{t: t, m: New(realCtx(), client, common.WriteSettings{Audit: &log})}
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
		d := &driver{t: t, m: New(realCtx(), client, common.WriteSettings{})}
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
	d := &driver{t: t, m: New(realCtx(), client, common.WriteSettings{Audit: &log})}
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
	if want := "1 rate limited (HTTP 429) · stopped with esc (7 sessions not sent)"; !strings.HasPrefix(d.last().Text, want) {
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
