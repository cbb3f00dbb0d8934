package transcript

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
)

// pages serves fixed pages: the first for cursor "", page i for cursor
// "p<i>", each pointing at the next.
type pages [][]api.Event

func (p pages) History(_ context.Context, _, cursor string) (*api.HistoryPage, error) {
	i := 0
	if cursor != "" {
		i = int(cursor[1] - '0')
	}
	out := &api.HistoryPage{Items: p[i]}
	if i+1 < len(p) {
		out.Next = "p" + string(rune('1'+i))
	}
	return out, nil
}

// said is a message without ID: its text, sent by the contact at minute
// min of the hour before now.
func said(min int, text string) api.Event {
	at := now.Add(time.Duration(min-60) * time.Minute) // within the last hour
	return api.Event{Type: "message", SenderType: "contact", SenderName: "Ana", Text: text,
		CreatedAt: api.Timestamp{Raw: at.Format(time.RFC3339), Time: at}}
}

// readAll opens the transcript of p and reads it to its end (G).
func readAll(t *testing.T, p pages) Model {
	t.Helper()
	m := New(theme(), DefaultKeyMap(), p, "s1", now).SetSize(80, 200)
	m, cmd := m.Start()
	m = run(m, cmd)
	m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")})
	return run(m, cmd)
}

func texts(m Model) []string {
	var out []string
	for _, e := range m.events {
		out = append(out, e.Text)
	}
	return out
}

// TestOverlappingPagesWithoutIDsShowEachEventOnce: the second page
// repeats the end of the first; its events have no IDs, and are shown once.
func TestOverlappingPagesWithoutIDsShowEachEventOnce(t *testing.T) {
	m := readAll(t, pages{
		{said(1, "my order is late"), said(2, "it was due Monday"), said(3, "order 4471")},
		{said(2, "it was due Monday"), said(3, "order 4471"), said(4, "any news?")},
	})
	want := []string{"my order is late", "it was due Monday", "order 4471", "any news?"}
	if got := texts(m); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("events %q, want %q", got, want)
	}
	if v := m.View(); strings.Count(v, "order 4471") != 1 || !strings.Contains(v, "end of the history: 4 events") {
		t.Errorf("an overlapping event is drawn twice, or the count is off:\n%s", v)
	}
}

// TestDistinctEventsWithoutIDsAreAllKept: without IDs, events that differ
// in text, time or sender are different events, across pages and within
// one; the same words sent twice in the same second on one page are two.
func TestDistinctEventsWithoutIDsAreAllKept(t *testing.T) {
	agent := said(1, "ok")
	agent.SenderType, agent.SenderName = "agent", "Marcus"
	m := readAll(t, pages{
		{said(1, "ok"), said(1, "ok"), agent, said(1, "okay")},
		{said(2, "ok"), said(1, "ok"), said(1, "ok"), said(1, "ok")},
	})
	// Page 2 repeats the two "ok"s of minute 1 and adds a third; minute 2's
	// "ok" is another event.
	want := []string{"ok", "ok", "ok", "okay", "ok", "ok"}
	if got := texts(m); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("events %q, want %q", got, want)
	}
	if m.events[2].SenderType != "agent" || m.events[4].CreatedAt.Raw != said(2, "").CreatedAt.Raw {
		t.Errorf("the wrong events were kept: %+v", m.events)
	}
}

// TestPagesMixingIDsAndNoIDs: events with an ID are told apart by it even
// when their text is the same; an event without ID is never taken for one
// with an ID.
func TestPagesMixingIDsAndNoIDs(t *testing.T) {
	withID := func(id string, e api.Event) api.Event { e.ID = id; return e }
	m := readAll(t, pages{
		{withID("e1", said(1, "hi")), said(1, "hi"), withID("e2", said(2, "hi"))},
		{withID("e2", said(2, "hi")), withID("e3", said(2, "hi")), said(1, "hi"), said(3, "bye")},
	})
	var got []string
	for _, e := range m.events {
		got = append(got, e.ID+":"+e.Text)
	}
	want := []string{"e1:hi", ":hi", "e2:hi", "e3:hi", ":bye"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("events %q, want %q", got, want)
	}
}

// TestEventsWithoutIDsAreDrawnLikeTheOthers: an ID is never shown, so an
// event without one looks the same as with one; an item whose event was
// null (all of it empty) is still an entry, with dashes.
func TestEventsWithoutIDsAreDrawnLikeTheOthers(t *testing.T) {
	e := said(1, "where is my parcel")
	e.Attachments = []api.Attachment{{Name: "label.png", Size: 2048, Type: "image/png"}}
	withID := e
	withID.ID = "e1"
	if a, b := renderEvent(theme(), &e, 70, now), renderEvent(theme(), &withID, 70, now); a != b {
		t.Errorf("without ID:\n%s\nwith ID:\n%s", a, b)
	}
	m := readAll(t, pages{{e, {}}})
	v := m.View()
	for _, want := range []string{"Ana (customer)", "where is my parcel", "📎 label.png (2.0 kB, image/png)", "—  —", "end of the history: 2 events"} {
		if !strings.Contains(v, want) {
			t.Errorf("transcript lacks %q:\n%s", want, v)
		}
	}
}
