package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/ui/cmdline"
	"github.com/opencx-tools/cxi/ui/transcript"
)

// TestFlagsFollowTheQueueAndTheStore: once the first page is in, the queue
// marks the flagged rows and :filter flag=no_ticket keeps only those that
// trip it; a transcript the store keeps (no human reply since a handoff
// 26 hours ago, 10 of them in the demo's office hours) adds no_reply to the
// pane of the session shown and to its row.
func TestFlagsFollowTheQueueAndTheStore(t *testing.T) {
	base, stop := startFake(t, fake.WithPageSize(100))
	defer stop()
	client, err := api.New(base, fake.DemoKey)
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t, t.TempDir())
	m := newTestModel(t, client, func(o *Options) { o.Memory = st })
	m = settle(m, m.Init())
	noTicket := 0
	var waiting *api.Session // open, handed off with a ticket, no flag yet
	for _, s := range m.queue.ToFlag()() {
		fl := m.lint.Flags(s.ID)
		if lint.Has(fl, lint.NoTicket) {
			noTicket++
		}
		if waiting == nil && len(fl) == 0 && s.Status == api.StatusOpen && s.HandedOff() {
			waiting = &s
		}
	}
	if !strings.Contains(m.queue.View(), "!1") {
		t.Errorf("no row is marked:\n%s", m.queue.View())
	}
	if noTicket == 0 || waiting == nil {
		t.Fatalf("the first page has %d sessions tripping no_ticket, and no unflagged open handoff (%v)", noTicket, waiting)
	}
	id := waiting.ID
	m, cmd := m.lookup(id)
	if m = settle(m, cmd); m.session() == nil || m.session().ID != id {
		t.Fatalf("%s is not shown: %v", id, m.session())
	}

	handoff := testNow.Add(-26 * time.Hour) // Tuesday 10:00 in London
	at := func(d time.Duration) api.Timestamp {
		t := handoff.Add(d)
		return api.Timestamp{Time: t, Raw: t.Format(time.RFC3339)}
	}
	events := []api.Event{{Type: "handoff", SenderType: "ai", CreatedAt: at(0)}, {Type: "message", SenderType: "contact", CreatedAt: at(time.Hour)}}
	if err := st.SaveHistory(context.Background(), id, events, true, testNow); err != nil {
		t.Fatal(err)
	}
	next, cmd := m.Update(transcript.KeptMsg{ID: id})
	m = settle(next.(Model), cmd)
	want := "handed off 26h ago, no human reply (10h in office hours)"
	if v := m.detail.View(); !strings.Contains(v, "no_reply") || !strings.Contains(v, want) {
		t.Fatalf("the pane does not say %q:\n%s", want, v)
	}

	m, cmd = m.filter(cmdline.FilterMsg{Flag: new("no_ticket")})
	m = settle(m, cmd)
	if m.view != viewQueue || m.queue.Len() != noTicket {
		t.Fatalf(":filter flag=no_ticket shows %d rows in view %d; want %d in the queue", m.queue.Len(), m.view, noTicket)
	}
	m, _ = m.filter(cmdline.FilterMsg{Flag: new("no_reply")})
	if m.queue.Len() != 1 || m.queue.Selected() == nil || m.queue.Selected().ID != id {
		t.Fatalf(":filter flag=no_reply shows %d rows", m.queue.Len())
	}
}
