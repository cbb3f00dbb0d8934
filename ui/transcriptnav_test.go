package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/overlay/rawview"
	"github.com/opencx-tools/cxi/ui/queue"
)

// talkClient serves every session a history of a few messages, two of
// them about a refund, and the queue in pages of 2 (pagedClient).
type talkClient struct{ pagedClient }

func (talkClient) History(_ context.Context, id, _ string) (*api.HistoryPage, error) {
	p := &api.HistoryPage{}
	for i, text := range []string{"hi", "I want a refund for " + api.ShortID(id), "ok", "the refund, please", "thanks"} {
		p.Items = append(p.Items, api.Event{ID: fmt.Sprint(i), Type: "message", SenderType: "contact", SenderName: "Dana",
			CreatedAt: api.Timestamp{Raw: "x", Time: testNow.Add(time.Duration(i) * time.Minute)}, Text: text})
	}
	return p, nil
}

func talkModel(t *testing.T, n int, opts ...func(*Options)) Model {
	t.Helper()
	return startedModel(t, talkClient{pagedClient{stubClient: &stubClient{sessions: stubSessions(n)}}}, opts...)
}

// TestNextAndPrevStepTranscripts: n and p in a transcript open the next
// and previous session's transcript, moving the pane and the queue's
// cursor along, so that esc esc comes back to the queue on that session.
func TestNextAndPrevStepTranscripts(t *testing.T) {
	m := press(talkModel(t, 6), "enter", "t")
	if m.view != viewTranscript || m.transcript.SessionID() != stubID(0) {
		t.Fatalf("t opened %q in view %v", m.transcript.SessionID(), m.view)
	}
	m = press(m, "n", "n", "p")
	if m.view != viewTranscript || m.transcript.SessionID() != stubID(1) || m.session().ID != stubID(1) {
		t.Fatalf("after n n p: view %v, transcript of %s, pane on %s; want the transcript of %s", m.view, m.transcript.SessionID(), m.session().ID, stubID(1))
	}
	if v := m.View(); !strings.Contains(v, "refund for "+api.ShortID(stubID(1))) {
		t.Errorf("the stepped-to transcript is not loaded:\n%s", v)
	}
	m = press(m, "esc", "esc")
	if m.view != viewQueue || m.queue.Selected().ID != stubID(1) {
		t.Errorf("esc esc does not come back to the queue on %s", stubID(1))
	}
}

// TestNextPastTheLoadedRowsLandsInTheTranscript: n on the last loaded row
// waits for the queue's next page, then opens the next session's
// transcript, not its detail pane.
func TestNextPastTheLoadedRowsLandsInTheTranscript(t *testing.T) {
	m := press(talkModel(t, 60), "enter", "t")
	if m.queue.Loaded() >= 60 {
		t.Fatalf("the test wants rows left to load, got %d loaded", m.queue.Loaded())
	}
	// Step to the last loaded row faster than the queue's pages come:
	// the page asked for on the way is held back.
	var held []tea.Msg
	for m.queue.Neighbour(m.session().ID, 1) != nil {
		next, cmd := m.Update(keyRunes("n"))
		m = next.(Model)
		for _, msg := range collect(cmd) {
			if _, ok := msg.(queue.Msg); ok {
				held = append(held, msg)
				continue
			}
			m = drain(m, func() tea.Msg { return msg })
		}
	}
	last := m.session().ID
	m = press(m, "n")
	if m.session().ID != last || !m.pendingStep {
		t.Fatalf("the test wants n to wait for a page (pending %v)", m.pendingStep)
	}
	for _, msg := range held {
		m = drain(m, func() tea.Msg { return msg })
	}
	if m.session().ID == last {
		t.Fatalf("n past the loaded rows did not step once the page came")
	}
	if m.view != viewTranscript || m.transcript.SessionID() != m.session().ID {
		t.Errorf("the deferred n landed in view %v on the transcript of %s, pane on %s", m.view, m.transcript.SessionID(), m.session().ID)
	}
}

// TestRawJSONInTheTranscript: v shows the session's JSON over the
// transcript, and esc closes it back to the transcript.
func TestRawJSONInTheTranscript(t *testing.T) {
	m := press(talkModel(t, 3), "enter", "t", "v")
	if _, ok := m.overlays.Top().(rawview.Model); !ok || m.view != viewTranscript {
		t.Fatalf("v in the transcript opened %T", m.overlays.Top())
	}
	if m = press(m, "esc"); !m.overlays.Empty() || m.view != viewTranscript {
		t.Errorf("esc did not close the raw JSON back to the transcript")
	}
}

// TestSearchInTheTranscript: / searches the transcript (not the queue's
// input); letters type into it (q does not quit, y does not copy); enter
// keeps the matches, n and p move between them, saying where the reader
// is; esc clears the search before it leaves the transcript.
func TestSearchInTheTranscript(t *testing.T) {
	m := press(talkModel(t, 3), "enter", "t", "/")
	if m.focus != focusView || !m.transcript.Typing() {
		t.Fatal("/ in the transcript did not open its search")
	}
	m = typeKeys(m, "qyREFUND")
	if v := m.View(); !strings.Contains(v, "/qyREFUND") || !strings.Contains(v, "no match in 5 events") {
		t.Fatalf("the search does not take letters, or says no match wrongly:\n%s", v)
	}
	m = press(m, "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "enter")
	m = typeKeys(press(m, "/"), "refund")
	m = press(m, "enter")
	if v := m.View(); !strings.Contains(v, "1 of 2 matches") || !strings.Contains(v, "n next match") {
		t.Fatalf("after enter:\n%s", v)
	}
	if m = press(m, "n"); !strings.Contains(m.View(), "2 of 2 matches") || m.transcript.SessionID() != stubID(0) {
		t.Fatalf("n while searching did not move to the next match:\n%s", m.View())
	}
	if m = press(m, "n"); !strings.Contains(m.View(), "1 of 2 matches") {
		t.Errorf("n on the last match does not go round to the first:\n%s", m.View())
	}
	if m = press(m, "p"); !strings.Contains(m.View(), "2 of 2 matches") {
		t.Errorf("p on the first match does not go round to the last:\n%s", m.View())
	}
	m = press(m, "esc")
	if m.view != viewTranscript || m.transcript.Searching() || strings.Contains(m.View(), "matches") {
		t.Fatalf("esc did not clear the search first (view %v):\n%s", m.view, m.View())
	}
	if m = press(m, "n"); m.transcript.SessionID() != stubID(1) {
		t.Errorf("n after the search was cleared does not step to the next session")
	}
	if m = press(m, "esc"); m.view != viewDetail {
		t.Errorf("the second esc did not leave the transcript")
	}
}

// TestEscWhileTypingCancelsTheSearch: esc while the search is typed drops
// it, and stays in the transcript.
func TestEscWhileTypingCancelsTheSearch(t *testing.T) {
	m := typeKeys(press(talkModel(t, 3), "enter", "t", "/"), "refund")
	m = press(m, "esc")
	if m.view != viewTranscript || m.transcript.Searching() {
		t.Errorf("esc while typing: view %v, searching %v", m.view, m.transcript.Searching())
	}
}

// TestTranscriptOpensAtTheLatestEvent: with [transcript] open_at =
// "latest", t reads the history to its end and shows its last event.
func TestTranscriptOpensAtTheLatestEvent(t *testing.T) {
	latest := func(o *Options) { o.TranscriptAtLatest = true }
	m := press(talkModel(t, 3, latest), "enter")
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 10}) // a screen too short for the whole history
	m = press(m, "t")
	if v := m.View(); !strings.Contains(v, "end of the history: 5 events") || m.transcript.ScrollPercent() != 1 {
		t.Errorf("the transcript did not open at its end (%.0f%%):\n%s", m.transcript.ScrollPercent()*100, v)
	}
	m = press(talkModel(t, 3), "enter")
	m = press(send(m, tea.WindowSizeMsg{Width: 80, Height: 10}), "t")
	if m.transcript.ScrollPercent() != 0 {
		t.Errorf("without the option the transcript opens at %.0f%%, not its top", m.transcript.ScrollPercent()*100)
	}
}

// typeKeys types each rune of s as its own key.
func typeKeys(m Model, s string) Model {
	for _, r := range s {
		m = press(m, string(r))
	}
	return m
}
