package nudge

import (
	"bytes"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/watch"
	"github.com/opencx-tools/cxi/ui/notify"
)

func angryHandoff(id string) api.Session {
	a, c := api.SentimentAngry, api.ClosureHandedOff
	return api.Session{ID: id, Sentiment: &a, AIClosureType: &c}
}

// TestFirstPageIsNeverNews: the first page is the baseline even when it
// is a refresh (the first page over the store's rows), with auto-refresh on.
func TestFirstPageIsNeverNews(t *testing.T) {
	rules, _ := watch.Pick(watch.Builtin(), nil)
	var tty bytes.Buffer
	m := New(rules, notify.Notifier{Terminal: &tty})
	m, cmd := m.Observe([]api.Session{angryHandoff("a")}, true, true, nil)
	if cmd != nil || m.Len() != 0 {
		t.Fatalf("the first page rang (%v) or kept %d", cmd != nil, m.Len())
	}
	m, cmd = m.Observe([]api.Session{angryHandoff("b"), angryHandoff("a")}, true, true, nil)
	if cmd == nil || m.Len() != 1 {
		t.Fatalf("b arrived angry: rang %v, kept %d", cmd != nil, m.Len())
	}
	cmd()
	if tty.String() != "\a" {
		t.Errorf("rang %q", tty.String())
	}
	// Filtered out by the queue: no news.
	m, cmd = m.Observe([]api.Session{angryHandoff("c")}, true, true, func(s *api.Session) bool { return s.ID != "c" })
	if cmd != nil || m.Len() != 1 {
		t.Errorf("a session the queue does not show rang")
	}
	if s, ok := m.Newest(); !ok || s.ID != "b" {
		t.Errorf("newest %v %v", s.ID, ok)
	}
	if m = m.Seen("b"); m.Len() != 0 || m.Header("W") != "" {
		t.Errorf("after seeing b: %d, %q", m.Len(), m.Header("W"))
	}
	if _, ok := m.Newest(); ok {
		t.Error("a newest match with none left")
	}
}

func TestHeaderNamesASessionWithoutContact(t *testing.T) {
	rules, _ := watch.Pick(watch.Builtin(), []string{watch.Angry, watch.HandedOff})
	m := New(rules, notify.Notifier{Mode: notify.Off})
	m, _ = m.Observe(nil, false, true, nil)
	m, cmd := m.Observe([]api.Session{angryHandoff("3c90c3cc-0d44-4b50-8888-8dd25736052a")}, true, true, nil)
	if cmd != nil {
		t.Error("notify = off made a command")
	}
	if got, want := m.Header("W"), "⚑ 1 new, W opens: session 3c90c3cc (angry, handed off)"; got != want {
		t.Errorf("header %q, want %q", got, want)
	}
}
