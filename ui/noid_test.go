package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// historyStub is the stub client with a history for every session.
type historyStub struct {
	*stubClient
	events []api.Event
}

func (c historyStub) History(context.Context, string, string) (*api.HistoryPage, error) {
	return &api.HistoryPage{Items: c.events}, nil
}

// TestXOnATranscriptMessageWithoutID: in the transcript of a history that
// gave no event IDs, X on the message at the top says it cannot be
// redacted alone and offers the session; confirmed, the session is
// redacted and no message redaction is sent.
func TestXOnATranscriptMessageWithoutID(t *testing.T) {
	client := historyStub{stubClient: &stubClient{sessions: stubSessions(2)}, events: []api.Event{
		{Type: "message", SenderType: "contact", Text: "my card is 4111 1111 1111 1111"},
		{Type: "message", SenderType: "ai", Text: "Please do not share card numbers here."},
	}}
	m := startedModel(t, client)
	m = press(m, "enter", "t")
	if v := m.View(); !strings.Contains(v, "my card is 4111") {
		t.Fatalf("the transcript:\n%s", v)
	}
	m = press(m, "X")
	v := strings.Join(strings.Fields(strings.ReplaceAll(m.View(), "│", "")), " ")
	for _, want := range []string{"cannot be redacted alone", "did not give it one", "Redact every message of session 00000000"} {
		if !strings.Contains(v, want) {
			t.Errorf("the confirmation does not say %q:\n%s", want, m.View())
		}
	}
	m = send(m, keyRunes("redact"))
	m = press(m, "enter")
	if len(client.redacted) != 1 || client.redacted[0] != stubID(0)+" " {
		t.Fatalf("redacted %q; want the session alone", client.redacted)
	}
	if !strings.Contains(m.View(), "Redacted 4 messages of 00000000") {
		t.Errorf("no word of the redaction:\n%s", m.View())
	}
}
